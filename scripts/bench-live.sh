#!/usr/bin/env bash
# Our live meeting service against the Hocuspocus peer benchmark (tests/peers/hocuspocus), one after the other, with the
# same workload: R rooms x 10 clients, each inserting one character at a random place 5 times a second; then one room of
# 200 clients at 1 op/s (ours only). Prints one table; the last column is our server CPU per operation divided by
# Hocuspocus's at the same room count. The server runs on SERVER_CPUS and the load generators on CLIENT_CPUS, so the
# generator does not take the server's core.
#
# Usage: scripts/bench-live.sh            # ROOMS="20 50"
#        ROOMS=20 DURATION=15 WARMUP=10 SERVER_CPUS=0 CLIENT_CPUS=1 SKIP_BUILD=1 scripts/bench-live.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ROOMS=${ROOMS:-"20 50"}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
BIG_ROOM=${BIG_ROOM:-200}
results=$(mktemp /tmp/bench-live.XXXXXX)
trap 'rm -f "$results"' EXIT

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  dotnet build tests/Proeftuin.LoadTest -c Release -v quiet -nologo >&2
fi
if [[ ! -d tests/peers/hocuspocus/node_modules ]]; then
  (cd tests/peers/hocuspocus && npm ci --no-audit --no-fund >&2)
fi
load_tool=tests/Proeftuin.LoadTest/bin/Release/net10.0/Proeftuin.LoadTest.dll

ours() { # name rooms clients rate
  echo "== ours: $1" >&2
  local line
  # The tool exits 1 when something was lost or diverged: that is a result to print, not a reason to stop.
  line=$(dotnet "$load_tool" --start-server --rooms "$2" --clients "$3" --rate "$4" --duration "$DURATION" --warmup "$WARMUP" \
    --server-cpus "$SERVER_CPUS" --client-cpus "$CLIENT_CPUS" --json | tail -n 1) || true
  printf '%s\t%s\t%s\t%s\t%s\n' ours "$1" "$2" "$(( $2 * $3 ))" "$line" >> "$results"
}

hocuspocus() { # name rooms
  echo "== hocuspocus: $1" >&2
  local line
  line=$(ROOMS="$2" CLIENTS=10 DURATION="$DURATION" WARMUP="$WARMUP" SERVER_CPUS="$SERVER_CPUS" GEN_CPUS="$CLIENT_CPUS" \
    tests/peers/hocuspocus/run.sh | tail -n 1) || true
  printf '%s\t%s\t%s\t%s\t%s\n' hocuspocus "$1" "$2" "$(( $2 * 10 ))" "$line" >> "$results"
}

for rooms in $ROOMS; do
  ours "$rooms rooms x 10 @ 5/s" "$rooms" 10 5
  hocuspocus "$rooms rooms x 10 @ 5/s" "$rooms"
done
ours "1 room x $BIG_ROOM @ 1/s" 1 "$BIG_ROOM" 1

DURATION="$DURATION" node - "$results" <<'JS'
const fs = require('node:fs');
const duration = Number(process.env.DURATION);
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((line) => {
  const [server, name, rooms, clients, json] = line.split('\t');
  let r = {};
  try { r = JSON.parse(json); } catch { r = {}; }
  const ours = server === 'ours';
  return {
    server, name, rooms: Number(rooms), clients: Number(clients),
    opsPerS: ours ? (r.ops ?? NaN) / duration : r.inserts_per_s,
    target: Number(clients) * (name.includes('@ 1/s') ? 1 : 5),
    p50: r.p50_ms, p99: r.p99_ms,
    cpu: ours ? r.server_cpu_us_per_op : r.server_cpu_us_per_insert,
    rss: ours ? r.server_peak_rss_mb : r.server_peak_rss_mb,
    lost: ours ? r.lost : r.lost, diverged: ours ? r.diverged_rooms : r.diverged_rooms,
  };
});
const f = (v, d = 0) => (v === undefined || v === null || Number.isNaN(v) ? '–' : Number(v).toFixed(d));
console.log('| server | workload | clients | ops/s (target) | p50 / p99 ms | server CPU µs/op | peak RSS MB | lost | diverged | CPU/op ours ÷ Hocuspocus |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const peer = rows.find((p) => p.server === 'hocuspocus' && p.name === r.name);
  const ratio = r.server === 'ours' && peer ? f(r.cpu / peer.cpu, 2) : '';
  console.log(`| ${r.server} | ${r.name} | ${r.clients} | ${f(r.opsPerS)} (${r.target}) | ${f(r.p50, 1)} / ${f(r.p99, 1)} | ${f(r.cpu)} | ${f(r.rss)} | ${f(r.lost)} | ${f(r.diverged)} | ${ratio} |`);
}
JS
