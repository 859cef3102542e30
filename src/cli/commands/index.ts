import type { Command } from 'commander';
import { scanCommand } from './scan.js';

/**
 * Every subcommand, one file each under this folder, each exporting a factory named after it.
 * Hook entry points are dispatched before commander loads (see ../main.ts) to keep hooks fast.
 */
export const commandFactories: Array<() => Command> = [scanCommand];
