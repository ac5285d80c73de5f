#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (nice'd; needs `cargo +nightly` and `cargo install cargo-fuzz`):
#
#   fuzz/run.sh TARGET SECONDS [libFuzzer flags…]
#   fuzz/run.sh list                      the targets
#
# New inputs go to fuzz/work/TARGET (not committed); the committed seeds in fuzz/corpus/TARGET
# are only read. A crash, a hang over 1 s (-timeout=1) or more than 2 GB of memory
# (-rss_limit_mb=2048) stops the run and leaves the input in fuzz/artifacts/TARGET/; turn it into
# a `regression_…` test in `cargo test` (see docs/reliability.md). The last lines printed are
# libFuzzer's final statistics: `stat::number_of_executed_units` (executions) and `cov:`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = list ]; then
  exec cargo +nightly fuzz list
fi
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
mkdir -p "fuzz/work/$target" "fuzz/corpus/$target"
# Rust is memory-safe, so the targets run without AddressSanitizer (`-s none`: about twice the
# executions per second); overflow checks and debug assertions stay on.
exec nice -n "${QALAM_FUZZ_NICE:-15}" cargo +nightly fuzz run -s none "$target" \
  "fuzz/work/$target" "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 "$@"
