#!/usr/bin/env bash
# Usage: ROOMS=50 CLIENTS=10 DURATION=30 ./run.sh   -> one JSON line on stdout
# SERVER_CPUS / GEN_CPUS (taskset lists, e.g. 0 and 1) pin the server and the generator to different cores.
set -euo pipefail
cd "$(dirname "$0")"
export PORT=${PORT:-1234} CLK_TCK=$(getconf CLK_TCK)
LOG=$(mktemp /tmp/yjs-bench-server.XXXXXX.log)
${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} node server.mjs > "$LOG" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true; wait $SPID 2>/dev/null || true; rm -f "$LOG"' EXIT
for i in $(seq 100); do grep -q READY "$LOG" && break; sleep 0.1; done
SERVER_PID=$SPID ${GEN_CPUS:+taskset -c "$GEN_CPUS"} node --max-old-space-size=4096 ${GEN_NODE_FLAGS-"--max-semi-space-size=64"} load.mjs
