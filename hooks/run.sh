#!/bin/sh
# Finds and runs envguard for git hooks and the diff/merge drivers (installed by `envguard init`
# into the common git dir as envguard/run, where no checkout can change it).
#
# Which envguard: $ENVGUARD_BIN (this machine's own choice), else the CLI that `envguard init`
# recorded in cli-path, else the project's node_modules (this worktree's, then the main
# worktree's), else envguard on PATH. A candidate that git tracks is never run: a branch that
# commits node_modules/.bin/envguard (or any file on the way to the CLI) would otherwise have
# its own code run by the next checkout, with this machine's keys at hand.
if [ -n "$ENVGUARD_BIN" ]; then exec $ENVGUARD_BIN "$@"; fi
here=${0%/*}
work_tree=$(pwd -P)

# The physical path of $1 (directory links resolved with the shell's own `cd -P`, no process),
# or nothing when it is not an existing file.
physical() {
  [ -f "$1" ] || return 1
  case "$1" in */*) dir=${1%/*} ;; *) dir=. ;; esac
  dir=$(cd -P -- "${dir:-/}" 2>/dev/null && pwd -P) || return 1
  printf '%s/%s\n' "$dir" "${1##*/}"
}

# Runs the CLI at $1 unless git tracks it. One `git ls-files`, and only for a path inside this
# working tree (git hooks and drivers run at its top); a path outside it is no checkout's to write.
run_checked() {
  cli=$(physical "$1") || return 0
  shift
  case "$cli" in
    "$work_tree"/*)
      if [ -n "$(git ls-files -- "$cli" 2>/dev/null)" ]; then
        echo "envguard: refusing to run ${cli#"$work_tree"/}: it is tracked by git, so a branch could have put it there" >&2
        echo "  fix: git rm --cached -- '${cli#"$work_tree"/}', then reinstall envguard (npm ci)" >&2
        exit 1
      fi ;;
  esac
  exec node "$cli" "$@"
}

recorded=$(cat "$here/cli-path" 2>/dev/null)
[ -n "$recorded" ] && run_checked "$recorded" "$@"
top=$(git rev-parse --show-toplevel 2>/dev/null)
for candidate in "$PWD/node_modules/envguard/dist/cli.cjs" "$top/node_modules/envguard/dist/cli.cjs" "$here/../../node_modules/envguard/dist/cli.cjs"; do
  run_checked "$candidate" "$@"
done
on_path=$(command -v envguard 2>/dev/null)
[ -n "$on_path" ] && run_checked "$on_path" "$@"
echo "envguard: not installed in this project; run \`npm install\` (or set ENVGUARD_BIN)" >&2
exit 127
