#!/bin/sh
# envguard git hook (installed by `envguard init`; the same file serves every hook name).
# A hook that was here before envguard runs first, unchanged, as <name>.pre-envguard.
name=${0##*/}
dir=${0%/*}
# pre-push reads the pushed refs on stdin: keep them for both the chained hook and envguard.
if [ "$name" = pre-push ]; then refs=$(cat); fi
if [ -x "$dir/$name.pre-envguard" ]; then
  if [ "$name" = pre-push ]; then
    printf '%s\n' "$refs" | "$dir/$name.pre-envguard" "$@" || exit $?
  else
    "$dir/$name.pre-envguard" "$@" || exit $?
  fi
fi
[ "${ENVGUARD_SKIP:-0}" = "1" ] && exit 0
# post-index-change runs on every index write: start envguard only when an aborted merge may have
# left a conflict view in .env (a record under the git dir), found without starting any process.
if [ "$name" = post-index-change ]; then
  if [ -d .git ]; then gd=.git; elif [ -f .git ]; then read -r gd < .git; gd=${gd#gitdir: }; else gd=${GIT_DIR:-}; fi
  [ -n "$gd" ] && [ -d "$gd/envguard/pre-merge" ] || exit 0
fi
# git runs hooks at the top of the working tree; in a plain repo the runner is in .git, else ask git.
if [ -z "$GIT_DIR" ] && [ -f .git/envguard/run ]; then
  run=.git/envguard/run
else
  run="$(git rev-parse --git-common-dir)/envguard/run"
fi
case "$name" in
  # post-* hooks cannot undo git's work, and post-checkout's status becomes git's: never fail them.
  post-*) sh "$run" hook "$name" "$@" </dev/null; exit 0 ;;
  pre-push) printf '%s\n' "$refs" | sh "$run" hook "$name" "$@"; exit $? ;;
esac
exec sh "$run" hook "$name" "$@" </dev/null
