#!/bin/sh
# envguard git hook (installed by `envguard init`; the same file serves every hook name).
# A hook that was here before envguard runs first, unchanged, as <name>.pre-envguard.
name=$(basename "$0")
dir=$(dirname "$0")
if [ -x "$dir/$name.pre-envguard" ]; then
  "$dir/$name.pre-envguard" "$@" || exit $?
fi
[ "${ENVGUARD_SKIP:-0}" = "1" ] && exit 0
run="$(git rev-parse --git-common-dir)/envguard/run"
case "$name" in
  # post-* hooks cannot undo git's work, and post-checkout's status becomes git's: never fail them.
  post-*) sh "$run" hook "$name" "$@" </dev/null; exit 0 ;;
esac
exec sh "$run" hook "$name" "$@" </dev/null
