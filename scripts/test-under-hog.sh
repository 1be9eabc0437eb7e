#!/usr/bin/env bash
# The whole test suite RUNS times in a row (default 5) while stress-ng keeps one core busy, stopping at the first
# failure: the check that no test depends on an idle machine. Each run's output goes to $LOGS/run<i>.log; one line per
# run (exit code, seconds, the summary line) goes to stdout.
#
# Usage: scripts/test-under-hog.sh            # RUNS=5 HOG_CPUS=1 LOGS=/tmp/test-under-hog
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
RUNS=${RUNS:-5}
HOG_CPUS=${HOG_CPUS:-1}
LOGS=${LOGS:-/tmp/test-under-hog}
mkdir -p "$LOGS"
command -v stress-ng >/dev/null || { echo "stress-ng is missing: apt-get install -y stress-ng" >&2; exit 2; }

stress-ng --cpu "$HOG_CPUS" --timeout 0 >/dev/null 2>&1 &
hog=$!
trap 'kill "$hog" 2>/dev/null' EXIT
echo "commit $(git rev-parse --short HEAD), stress-ng --cpu $HOG_CPUS, logs in $LOGS"
status=0
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  CI=true bash scripts/test.sh > "$LOGS/run$i.log" 2>&1
  status=$?
  summary=$(grep -E '^[0-9]+ passed' "$LOGS/run$i.log" | tail -n 1)
  echo "run $i: exit $status, $(( $(date +%s) - start )) s, $summary"
  [[ $status == 0 ]] || break
done
exit "$status"
