#!/usr/bin/env bash
# Kill drill: SIGKILL the save/autosave/settings/export/corpus-file writer of Qalam
# (crates/qalam-core/examples/save_drill.rs) at random moments, then check that every file is
# exactly the old or the new version, the recovery file restores one of them, and the next save
# leaves no temporary file. Then, when run as root, the same writes on a full disk (a 256 KiB
# tmpfs) and into a read-only folder (a tmpfs remounted read-only) must fail with an error
# naming the file and lose nothing.
#
#   drills/kill.sh [TRIALS]        (default 1000; prints a tally of the outcomes)
#
# Exit status 0 only if every trial passed.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-1000}
max_delay_ms=${QALAM_DRILL_MAX_DELAY_MS:-300}

nice -n 10 cargo build -q -p qalam-core --release --example save_drill
bin="${CARGO_TARGET_DIR:-target}/release/examples/save_drill"

work=$(mktemp -d)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" init "$work/kill"
log="$work/outcomes"
: >"$log"
failed=0
start=$(date +%s)
for ((trial = 1; trial <= trials; trial++)); do
  "$bin" run "$work/kill" >"$work/run.out" 2>&1 &
  pid=$!
  until grep -q running "$work/run.out" 2>/dev/null; do sleep 0.001; done
  sleep "$(awk -v ms=$((RANDOM % max_delay_ms)) 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! outcome=$("$bin" check "$work/kill"); then
    echo "trial $trial FAILED: $outcome"
    failed=$((failed + 1))
    break
  fi
  echo "$outcome" >>"$log"
done
done_trials=$(wc -l <"$log")
echo "== $done_trials kill trials in $(($(date +%s) - start)) s, $failed failed"
echo "-- files found as version A or B after the kill (count file=version):"
tr ' ' '\n' <"$log" | grep '=' | grep -v '^left=' | grep -v '^stale=' | sort | uniq -c
echo "-- trials that left stale temporary files, all removed by the next save:"
grep -c -v ' stale=0 ' "$log" || true

if [ "$(id -u)" = 0 ]; then
  echo "== full disk (256 KiB tmpfs)"
  mkdir -p "$work/full"
  mount -t tmpfs -o size=256k tmpfs "$work/full" && mounts+=("$work/full")
  "$bin" full-disk "$work/full" || failed=$((failed + 1))
  echo "== read-only folder (tmpfs remounted read-only; the data folder stays writable)"
  mkdir -p "$work/ro/user"
  mount -t tmpfs -o size=8m tmpfs "$work/ro/user" && mounts+=("$work/ro/user")
  "$bin" init "$work/ro"
  mount -o remount,ro "$work/ro/user"
  "$bin" read-only "$work/ro" || failed=$((failed + 1))
else
  echo "== full disk and read-only folder: skipped (not root: cannot mount a tmpfs)"
fi
exit $((failed > 0))
