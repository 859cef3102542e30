import type { Command } from 'commander';
import { accessCommand } from './access.js';
import { allowCommand } from './allow.js';
import { ciCommand } from './ci.js';
import { decryptCommand } from './decrypt.js';
import { editCommand } from './edit.js';
import { encryptCommand } from './encrypt.js';
import { getCommand } from './get.js';
import { hookCommand } from './hook.js';
import { initCommand } from './init.js';
import { keyCommand } from './key.js';
import { keygenCommand } from './keygen.js';
import { lsCommand } from './ls.js';
import { rotateCommand } from './rotate.js';
import { scanCommand } from './scan.js';
import { setCommand, unsetCommand } from './set.js';
import { runCommand } from './run.js';
import { showCommand } from './show.js';
import { statusCommand } from './status.js';
import { verifyCommand } from './verify.js';

/**
 * Every subcommand, one file each under this folder, each exporting a factory named after it.
 * Hook entry points are dispatched before commander loads (see ../main.ts) to keep hooks fast.
 */
export const commandFactories: Array<() => Command> = [
  initCommand,
  keygenCommand,
  encryptCommand,
  decryptCommand,
  keyCommand,
  accessCommand,
  rotateCommand,
  statusCommand,
  verifyCommand,
  scanCommand,
  runCommand,
  showCommand,
  setCommand,
  getCommand,
  unsetCommand,
  editCommand,
  lsCommand,
  allowCommand,
  hookCommand,
  ciCommand,
];
