#!/usr/bin/env bash
# The one test command: installs what the tests need, starts PostgreSQL and Redis on free loopback ports with
# temporary data folders, runs every .NET and TypeScript test, and stops the servers it started, also on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }

# --- what the tests need -------------------------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
# The E2E browser is a Dutch user's: its date fields read dd-mm-jjjj only with Chromium's Dutch language pack.
[ -f /usr/lib/chromium/locales/nl.pak ] || missing+=(chromium-l10n)
# The coordinator report draws its chart labels with a system font (ADR 36).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

log "npm ci (browser client)"
(cd src/Proeftuin.Web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.install-stamp)
# The relying party is needed only by the E2E tests: its install runs beside the servers' start and the build.
log "npm ci (relying party of the E2E tests, beside the build)"
(cd tests/Proeftuin.E2E/RelyingParty && npm ci --no-audit --no-fund --loglevel=error) &
rp_npm_pid=$!

# --- servers -------------------------------------------------------------------------------------------------
work="$(mktemp -d /tmp/proeftuin-test.XXXXXX)"
chmod 755 "$work"
pg_pid=""; redis_pid=""; load_redis_pid=""; web_pid=""
cleanup() {
  local status=$?
  if [ -n "$web_pid" ]; then pkill -TERM -P "$web_pid" 2>/dev/null || true; kill "$web_pid" 2>/dev/null || true; fi
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; fi
  if [ -n "$load_redis_pid" ]; then kill "$load_redis_pid" 2>/dev/null || true; fi
  if [ -n "$pg_pid" ]; then
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

log "PostgreSQL"
pg_port="$(free_port)"
pg_data="$work/pg"
mkdir -p "$pg_data"
[ "$(id -u)" -ne 0 ] || chown postgres "$pg_data"
as_postgres "$(pg_bin)/initdb" -D "$pg_data" -U proeftuin --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log"
as_postgres "$(pg_bin)/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $pg_port -k $pg_data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
pg_pid="$(head -n 1 "$pg_data/postmaster.pid")"
export PROEFTUIN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=proeftuin;Database=postgres"
echo "PostgreSQL on 127.0.0.1:$pg_port (pid $pg_pid)"

log "Redis"
redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
for _ in $(seq 1 50); do [ -s "$work/redis.pid" ] && break; sleep 0.1; done
redis_pid="$(cat "$work/redis.pid")"
export PROEFTUIN_TEST_REDIS="127.0.0.1:$redis_port"
echo "Redis on 127.0.0.1:$redis_port (pid $redis_pid)"

# --- tests ---------------------------------------------------------------------------------------------------
log "dotnet restore + build"
dotnet restore Proeftuin.sln --verbosity quiet
dotnet build Proeftuin.sln --no-restore --configuration Release --verbosity quiet -nologo

wait "$rp_npm_pid"

# Both suites run even when the first fails, so one run shows every failure; the exit status is the worst of them.
set +e
# The dependency audit mostly waits for the NuGet and npm audit services: it runs beside the tests (it needs only the
# restore above) and its output is shown at the end.
log "dependency audit (beside the tests)"
bash "$repo/scripts/audit-dependencies.sh" >"$work/audit.log" 2>&1 &
audit_pid=$!
# The TypeScript checks run beside the .NET tests (they need no server); their output is shown after them.
log "TypeScript: typecheck and vitest (beside the .NET tests)"
(cd src/Proeftuin.Web && npx tsc --noEmit -p tsconfig.json && npx vitest run) >"$work/vitest.log" 2>&1 &
ts_pid=$!

# The Web tests are the longest project (about 8 minutes): they run in the background from the start, and everything
# else (the other test projects, then the load runs) runs beside them, so the wall time is the build plus the Web tests.
log "dotnet test: the Web tests (in the background; their output follows the others)"
dotnet test tests/Proeftuin.Web.Tests/Proeftuin.Web.Tests.csproj --no-build --configuration Release --verbosity quiet -nologo \
  --logger "console;verbosity=minimal" >"$work/web.log" 2>&1 &
web_pid=$!

dotnet_status=0
for project in tests/Proeftuin.Core.Tests tests/Proeftuin.Cli.Tests tests/Proeftuin.Data.Tests tests/Proeftuin.E2E; do
  log "dotnet test: $project"
  dotnet test "$project" --no-build --configuration Release --verbosity quiet -nologo \
    --logger "console;verbosity=minimal" 2>&1 | tee -a "$work/dotnet.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || dotnet_status=1
done

# The load tool against the Release app in its own process: a short run must lose nothing and converge, and so must
# a run in which the server is killed (SIGKILL) mid-run and started again on the same database. Its two nodes get a
# Redis of their own: the backplane's channels are the app's, and the Web tests' nodes must not hear the load's.
log "Redis for the load runs"
load_redis_port="$(free_port)"
redis-server --port "$load_redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$work/redis-load.pid" --logfile "$work/redis-load.log" --dir "$work"
for _ in $(seq 1 50); do [ -s "$work/redis-load.pid" ] && break; sleep 0.1; done
load_redis_pid="$(cat "$work/redis-load.pid")"
log "load tool: short run"
dotnet run --no-build --configuration Release --project tests/Proeftuin.LoadTest -- \
  --start-server --rooms 5 --clients 5 --rate 5 --duration 10 --warmup 3 --json 2>"$work/load.log" | tail -n 1 | tee "$work/load.json"
load_status=${PIPESTATUS[0]}
log "load tool: server killed and restarted mid-run"
dotnet run --no-build --configuration Release --project tests/Proeftuin.LoadTest -- \
  --start-server --rooms 4 --clients 4 --rate 5 --duration 14 --warmup 3 --kill-after 8 --json 2>"$work/load-kill.log" | tail -n 1 | tee "$work/load-kill.json"
kill_status=${PIPESTATUS[0]}
log "load tool: two nodes (PostgreSQL + Redis backplane) behind a balancer, one killed mid-run"
dotnet run --no-build --configuration Release --project tests/Proeftuin.LoadTest -- \
  --start-server --nodes 2 --postgres "$PROEFTUIN_TEST_POSTGRES" --redis "127.0.0.1:$load_redis_port" \
  --rooms 4 --clients 4 --rate 5 --duration 14 --warmup 3 --kill-after 8 --json 2>"$work/load-nodes.log" | tail -n 1 | tee "$work/load-nodes.json"
nodes_status=${PIPESTATUS[0]}

log "dotnet test: tests/Proeftuin.Web.Tests"
wait "$web_pid"
web_status=$?
cat "$work/web.log" | tee -a "$work/dotnet.log"
[ "$web_status" -eq 0 ] || dotnet_status=1
wait "$ts_pid"
ts_status=$?
log "TypeScript results"
cat "$work/vitest.log"

[ "$load_status" -eq 0 ] && [ "$kill_status" -eq 0 ] && [ "$nodes_status" -eq 0 ] || cat "$work/load.log" "$work/load-kill.log" "$work/load-nodes.log"
wait "$audit_pid"
audit_status=$?
log "dependency audit"
cat "$work/audit.log"
set -e

log "summary"
python3 "$repo/scripts/summarize-tests.py" "$work/dotnet.log" "$work/vitest.log"
echo "load tool: short run exit $load_status, kill-and-restart run exit $kill_status, two-node kill run exit $nodes_status (0 = nothing lost, every room converged)"
echo "dependency audit exit $audit_status"
[ "$ts_status" -eq 0 ] && [ "$dotnet_status" -eq 0 ] && [ "$load_status" -eq 0 ] && [ "$kill_status" -eq 0 ] && [ "$nodes_status" -eq 0 ] && [ "$audit_status" -eq 0 ]
