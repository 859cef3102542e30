#!/bin/sh
# Finds and runs envguard for git hooks and the diff/merge drivers (installed by `envguard init`
# into the git dir as envguard/run). Order: $ENVGUARD_BIN, the project's node_modules (this
# worktree's, then the main worktree's), the CLI recorded at init, envguard on PATH.
if [ -n "$ENVGUARD_BIN" ]; then exec $ENVGUARD_BIN "$@"; fi
here=$(dirname "$0")
top=$(git rev-parse --show-toplevel 2>/dev/null)
for candidate in "$top/node_modules/.bin/envguard" "$here/../../node_modules/.bin/envguard"; do
  if [ -x "$candidate" ]; then exec "$candidate" "$@"; fi
done
cli=$(cat "$here/cli-path" 2>/dev/null)
if [ -n "$cli" ] && [ -f "$cli" ]; then exec node "$cli" "$@"; fi
if command -v envguard >/dev/null 2>&1; then exec envguard "$@"; fi
echo "envguard: not installed in this project; run \`npm install\` (or set ENVGUARD_BIN)" >&2
exit 127
