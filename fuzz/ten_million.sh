#!/usr/bin/env bash
# Runs fuzz targets until each has executed RUNS inputs (default 10 million: the reliability
# issue's goal), JOBS targets at a time, and prints one Markdown table row per target:
#
#   fuzz/ten_million.sh [RUNS] [JOBS] [TARGET...]      (default: every target, 2 at a time)
#
# Each target stops at RUNS executions or after a time cap of QALAM_FUZZ_CAP seconds (default
# 3600); logs go to fuzz/work/TARGET.log. A crash stops that target with its input in
# fuzz/artifacts/TARGET/ and shows as "crash" in the table.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
jobs=${2:-2}
shift $(( $# >= 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)
cap=${QALAM_FUZZ_CAP:-3600}
cargo +nightly fuzz build -s none >/dev/null 2>&1 || { echo "cargo +nightly fuzz build failed" >&2; exit 2; }
run_one() {
  local target=$1 log="fuzz/work/$1.log" start end status
  mkdir -p fuzz/work
  start=$(date +%s)
  if fuzz/run.sh "$target" "$cap" -runs="$runs" >"$log" 2>&1; then status=ok; else status=crash; fi
  end=$(date +%s)
  local executed rate cov
  executed=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  printf '| `%s` | %s | %s | %s | %s s | %s |\n' "$target" "${executed:-?}" "${rate:-?}" "${cov:-?}" "$((end - start))" "$status"
}
export -f run_one
export runs cap
echo "| target | executions | exec/s | cov | time | result |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${targets[@]}" | QALAM_FUZZ_NICE=${QALAM_FUZZ_NICE:-5} xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {}
