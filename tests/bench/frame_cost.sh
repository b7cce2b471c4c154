#!/usr/bin/env bash
# frame_cost.sh FRAME_COST_BIN BUDGETS [--print]
# Counts the instructions of the player's costliest frames with valgrind's callgrind (a
# deterministic cost, where wall-clock times on shared machines are noise) at 1920x1080 and
# 1080x1920, and checks each scenario's instructions per frame against BUDGETS
# ("SCENARIO SIZE MAX_INSTRUCTIONS_PER_FRAME" lines). A regression fails with its number.
# --print only prints the table (to set budgets: measured figure plus headroom).
set -uo pipefail
bin=$1 budgets=$2 mode=${3:-check}
command -v valgrind >/dev/null || { echo "valgrind is not installed (tools/install-deps test)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
printf '%-18s %-10s %8s %16s %16s\n' scenario size frames "instr/frame" budget
for size in 1920x1080 1080x1920; do
  out=$work/$size
  mkdir -p "$out"
  if ! valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.out" \
      "$bin" "$size" >"$out/frames.txt" 2>"$out/valgrind.log"; then
    echo "FAIL: $bin $size under callgrind: $(tail -5 "$out/valgrind.log")"; failures=1; continue
  fi
  # One dump per scenario, named by the program (CALLGRIND_DUMP_STATS_AT).
  while read -r scenario frames; do
    dump=$(grep -l "^desc: Trigger: Client Request: $scenario\$" "$out"/callgrind.out* | head -1)
    instructions=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$dump" | head -1)
    if [ -z "$dump" ] || [ -z "$instructions" ] || [ "$frames" -le 0 ]; then
      echo "FAIL: $scenario at $size: no frames measured ($frames) or no dump"; failures=1; continue
    fi
    per_frame=$((instructions / frames))
    budget=$(awk -v s="$scenario" -v z="$size" '$1 == s && $2 == z { print $3 }' "$budgets")
    printf '%-18s %-10s %8d %16d %16s\n' "$scenario" "$size" "$frames" "$per_frame" "${budget:--}"
    [ "$mode" = --print ] && continue
    if [ -z "$budget" ]; then
      echo "FAIL: no budget for $scenario at $size in $budgets"; failures=1
    elif [ "$per_frame" -gt "$budget" ]; then
      echo "FAIL: $scenario at $size costs $per_frame instructions per frame, over its budget of $budget"
      failures=1
    fi
  done <"$out/frames.txt"
done
exit $failures
