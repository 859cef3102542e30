import { spawnSync } from 'node:child_process';

/**
 * Runs a command with stdin and stderr on a pseudo-terminal (stdout piped), waits for `prompt`
 * on the terminal, types `answer`, and returns the exit status with both outputs. Python's pty
 * module does the terminal work, so the test needs no native addon.
 */
export function runInPty(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; prompt: string; answer: string }): { status: number; stdout: string; terminal: string } {
  const script = `
import json, os, pty, subprocess, sys
args = json.loads(sys.argv[1])
master, slave = pty.openpty()
child = subprocess.Popen(args["argv"], stdin=slave, stdout=subprocess.PIPE, stderr=slave, cwd=args["cwd"], env=args["env"])
os.close(slave)
seen = b""
while args["prompt"].encode() not in seen:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
os.write(master, args["answer"].encode())
out = child.stdout.read()
code = child.wait()
try:
    while True:
        chunk = os.read(master, 4096)
        if not chunk:
            break
        seen += chunk
except OSError:
    pass
print(json.dumps({"status": code, "stdout": out.decode(), "terminal": seen.decode(errors="replace")}))
`;
  const result = spawnSync('python3', ['-c', script, JSON.stringify({ argv, ...options })], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`pty helper failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { status: number; stdout: string; terminal: string };
}
