#!/usr/bin/env bash
# golden_test.sh PLACARD IMAGE_DIFF REF_DIR CONTENT SIZE SECONDS [INPUT_SCRIPT]
# Renders the screen headless at t = SECONDS and compares it with REF_DIR/<name>-<ms>ms.png
# (<name>: PLACARD_GOLDEN_NAME, else "home", or the input script's name).
# PLACARD_UPDATE_GOLDENS=1 writes the reference instead (then look at it before committing).
# PLACARD_RUNNER runs both programs through an emulator (a cross-build: "qemu-aarch64").
set -euo pipefail
placard=$1 diff=$2 refs=$3 content=$4 size=$5 seconds=$6 script=${7:-}
ms=${PLACARD_GOLDEN_MS:-$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 + 0.5 }')}
name="${PLACARD_GOLDEN_NAME:-home}-${size}-${ms}ms"
[ -n "$script" ] && name="$(basename "$script" .txt)-${size}-${ms}ms"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
args=(--content "$content" --size "$size" --at "$seconds" --screenshot "$out/$name.png" --quiet)
[ -n "$script" ] && args+=(--input "$script")
unset DISPLAY
# The runner is a command with its arguments ("qemu-arm -L /sysroot"): split on purpose.
run() { ${PLACARD_RUNNER:-} "$@"; }
run "$placard" "${args[@]}"
if [ "${PLACARD_UPDATE_GOLDENS:-0}" = 1 ]; then
  cp "$out/$name.png" "$refs/$name.png"
  echo "updated $refs/$name.png"
  exit 0
fi
if [ ! -f "$refs/$name.png" ]; then
  echo "no reference $refs/$name.png (run with PLACARD_UPDATE_GOLDENS=1 to create it)" >&2
  exit 1
fi
if ! run "$diff" "$refs/$name.png" "$out/$name.png" --diff "$out/$name-diff.png"; then
  keep=${TMPDIR:-/tmp}/placard-golden-failures
  mkdir -p "$keep" && cp "$out"/*.png "$keep"/
  echo "$name differs from its reference; actual and diff images are in $keep" >&2
  exit 1
fi
