#!/usr/bin/env bash
# The SIO benchmark in one command (see bench/README.md):
#
#   bench/run.sh
#
# installs what is missing (wrk, vegeta, benchstat, PostGraphile v4), builds
# SIO and the Go floor, starts the three HTTP servers on the same database,
# records the statements of each shape for pgbench, and measures the four
# lanes interleaved over ROUNDS rounds, then writes bench/RESULTS.md.
#
# Environment (defaults in brackets):
#   BENCH_DB [sio_1m]  PGHOST [127.0.0.1]  PGUSER [postgres]   the seeded database
#   ROUNDS [3]  DURATION [10s] (per wrk/pgbench cell)  CONNS ["1 8"]
#   SHAPES ["point list links1 links2"]  LANES ["pgbench floor postgraphile sio"]
#   VEGETA_DURATION [5s]  RATE_point [50] RATE_list [10] RATE_links1 [50] RATE_links2 [5]
#   GOBENCH [1] GOBENCH_COUNT [5] GOBENCH_TIME [1s]   in-process authz/audit benchmarks
#   PG_WORKERS [nproc]  PostGraphile cluster workers
#   PG_SHARED_BUFFERS [""]  e.g. 4GB: shared_buffers for the run (restarts PostgreSQL, restores it after)
#   CONTENDED [""]  a note put at the top of RESULTS.md (a smoke run on a busy machine)
#   RESULTS [bench/RESULTS.md]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
bin="$here/.bin"

BENCH_DB=${BENCH_DB:-sio_1m}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DSN="host=$PGHOST user=$PGUSER dbname=$BENCH_DB sslmode=disable"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-"1 8"}
SHAPES=${SHAPES:-"point list links1 links2"}
LANES=${LANES:-"pgbench floor postgraphile sio"}
VEGETA_DURATION=${VEGETA_DURATION:-5s}
GOBENCH=${GOBENCH:-1}
GOBENCH_COUNT=${GOBENCH_COUNT:-5}
GOBENCH_TIME=${GOBENCH_TIME:-1s}
PG_WORKERS=${PG_WORKERS:-$(nproc)}
RESULTS=${RESULTS:-$here/RESULTS.md}
SIO_PORT=8090 FLOOR_PORT=8091 PG_PORT=8092

rate_of() { local v="RATE_$1"; case $1 in point) echo "${!v:-50}" ;; list) echo "${!v:-10}" ;; links1) echo "${!v:-50}" ;; links2) echo "${!v:-5}" ;; esac; }
export RATE_point RATE_list RATE_links1 RATE_links2
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
q() { psql -X -At -d "$BENCH_DB" -c "$1"; }

started=$(date -u '+%Y-%m-%d %H:%M')
# The interpreter itself (a pyenv shim costs a second per call).
py=$(pyenv which python3 2>/dev/null || command -v python3)
mkdir -p "$out" "$bin"
rm -rf "$out/raw.jsonl" "$out/cells" "$out/pgbench-scripts"
mkdir -p "$out/cells"

# --- install -----------------------------------------------------------------
if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
command -v pgbench >/dev/null || { echo "pgbench (PostgreSQL client) is required" >&2; exit 1; }
[ -x "$bin/vegeta" ] || { log "installing vegeta"; GOBIN="$bin" go install github.com/tsenart/vegeta/v12@v12.12.0; }
[ -x "$bin/benchstat" ] || { log "installing benchstat"; GOBIN="$bin" go install golang.org/x/perf/cmd/benchstat@latest; }
if [ ! -x "$here/postgraphile/node_modules/.bin/postgraphile" ]; then
	log "installing PostGraphile v4"
	(cd "$here/postgraphile" && npm install --no-audit --no-fund >/dev/null)
fi

# --- PostgreSQL's buffer cache (optional) -------------------------------------
# PG_SHARED_BUFFERS (e.g. 4GB) runs the benchmark with that shared_buffers,
# as a production server would be sized for a dataset of several GB (the
# default 128MB makes every lane read most pages through the kernel). It
# restarts the local cluster, and restores the previous value (with another
# restart) when the benchmark ends. Every lane reads the same server.
restart_pg() {
	local v
	v=$(ls /etc/postgresql | sort -V | tail -n 1)
	pg_ctlcluster --skip-systemctl-redirect "$v" main restart
	for _ in $(seq 1 60); do pg_isready -q -h "$PGHOST" && return 0; sleep 0.5; done
	echo "PostgreSQL did not come back" >&2
	return 1
}
if [ -n "${PG_SHARED_BUFFERS:-}" ]; then
	pg_previous=$(q "SELECT COALESCE((SELECT setting FROM pg_file_settings WHERE name = 'shared_buffers' AND sourcefile LIKE '%postgresql.auto.conf' AND applied), '')")
	log "shared_buffers $PG_SHARED_BUFFERS (restarting PostgreSQL)"
	q "ALTER SYSTEM SET shared_buffers = '$PG_SHARED_BUFFERS'" >/dev/null
	restart_pg
	restore_pg() {
		if [ -n "$pg_previous" ]; then
			q "ALTER SYSTEM SET shared_buffers = '$pg_previous'" >/dev/null
		else
			q "ALTER SYSTEM RESET shared_buffers" >/dev/null
		fi
		restart_pg
	}
fi

# --- build -------------------------------------------------------------------
log "building sio and the floor"
(cd "$root" && go build -o "$bin/sio" ./cmd/sio && go build -o "$bin/floor" ./bench/floor)

# --- keys ----------------------------------------------------------------------
log "picking random keys from $BENCH_DB"
mkdir -p "$out/keys"
persons=$(q "SELECT count(*) FROM gbd_fl.persons")
[ "$persons" -ge 1 ] || { echo "$BENCH_DB has no persons: seed it (bench/README.md)" >&2; exit 1; }
# Persons with vehicles (the point lookup), 2,000 of them.
q "SELECT '\"' || owner_id || '\"' FROM (SELECT DISTINCT owner_id FROM vehicles.vehicles TABLESAMPLE SYSTEM (10)
	WHERE owner_kind = 'PERSON') v ORDER BY random() LIMIT 2000" >"$out/keys/point.txt"
# 200 lists of 100 random persons.
q "SELECT json_agg(iin) FROM (SELECT iin, (row_number() OVER ()) / 100 AS g FROM
	(SELECT iin FROM gbd_fl.persons TABLESAMPLE SYSTEM (5) ORDER BY random() LIMIT 20000) s) t GROUP BY g HAVING count(*) = 100" >"$out/keys/list.txt"
# Hub companies: at least 40 companies among their founders (as
# BenchmarkLinksHubLevel2 picks them).
q "SELECT '\"' || entity_bin || '\"' FROM gbd_ul.founders WHERE founder_kind = 'LEGAL_ENTITY'
	GROUP BY entity_bin HAVING COUNT(*) >= 40 ORDER BY entity_bin" >"$out/keys/links.txt"
cp "$out/keys/links.txt" "$out/keys/links1.txt"
cp "$out/keys/links.txt" "$out/keys/links2.txt"
for s in point list links; do
	[ -s "$out/keys/$s.txt" ] || { echo "no keys for $s in $BENCH_DB" >&2; exit 1; }
done
log "keys: $(wc -l <"$out/keys/point.txt") persons with vehicles, $(wc -l <"$out/keys/list.txt") lists, $(wc -l <"$out/keys/links.txt") hubs"

# --- servers -------------------------------------------------------------------
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
on_exit() {
	cleanup
	if declare -F restore_pg >/dev/null; then restore_pg; fi
}
trap on_exit EXIT

wait_http() { # url
	for _ in $(seq 1 300); do
		curl -s -o /dev/null -m 2 "$1" && return 0
		sleep 0.5
	done
	echo "no server at $1" >&2
	return 1
}

log "starting SIO, the floor and PostGraphile on $BENCH_DB"
mkdir -p "$out/sio-data"
# The list shape (100 persons, each with three nested connections, 7 levels
# deep) is beyond the default query limits (depth 6, cost 5000, as
# graphql-armor's); the benchmark raises those two, as an operator serving
# analytics front-ends would (SECURITY.md): the cost counts each nested
# connection of each of the 100 persons at its full page size.
"$bin/sio" serve --postgres "$DSN" --addr 127.0.0.1:$SIO_PORT --data-dir "$out/sio-data" \
	--max-depth 8 --max-cost 100000 >"$out/sio.log" 2>&1 &
sio_pid=$!
pids+=("$sio_pid")
"$bin/floor" --dsn "$DSN" --addr 127.0.0.1:$FLOOR_PORT --record "$out/pgbench-scripts" >"$out/floor.log" 2>&1 &
floor_pid=$!
pids+=("$floor_pid")
(cd "$here/postgraphile" && NODE_ENV=production exec node_modules/.bin/postgraphile \
	-c "postgres://$PGUSER@$PGHOST/$BENCH_DB" -s gbd_fl,gbd_ul,vehicles,real_estate \
	-n 127.0.0.1 -p $PG_PORT -M --append-plugins postgraphile-plugin-connection-filter \
	--disable-query-log --cluster-workers "$PG_WORKERS") >"$out/postgraphile.log" 2>&1 &
pg_pid=$!
pids+=("$pg_pid")
wait_http "http://127.0.0.1:$SIO_PORT/healthz"
wait_http "http://127.0.0.1:$FLOOR_PORT/"
wait_http "http://127.0.0.1:$PG_PORT/graphql"

# --- measure: the official, the bodies, the checks, the pgbench recording,
# the warm-up and the interleaved rounds (bench/lib/bench.py measure) --------
BENCH_OUT="$out" BENCH_HERE="$here" BENCH_DB="$BENCH_DB" ROUNDS="$ROUNDS" DURATION="$DURATION" CONNS="$CONNS" \
	SHAPES="$SHAPES" LANES="$LANES" VEGETA_DURATION="$VEGETA_DURATION" SIO_PID="$sio_pid" FLOOR_PID="$floor_pid" \
	PG_PID="$pg_pid" SIO_PORT="$SIO_PORT" FLOOR_PORT="$FLOOR_PORT" PG_PORT="$PG_PORT" \
	"$py" "$here/lib/bench.py" measure
cleanup

# --- in-process Go benchmarks: authz and audit overhead ------------------------
gobench=""
if [ "$GOBENCH" = 1 ]; then
	log "Go benchmarks (authz on/off, audit on/off), $GOBENCH_COUNT rounds"
	# One test binary, run once per round: every round runs each variant
	# once, so that the variants are interleaved (go test -count N would run
	# one variant N times before the next, and any drift of the machine or
	# of the database's cache would read as the difference between them).
	(cd "$root" && go test -c -o "$bin/gateway.test" ./gateway)
	: >"$out/gobench.txt"
	for r in $(seq 1 "$GOBENCH_COUNT"); do
		(cd "$root/gateway" && SIO_BENCH_ROUND=$r SIO_BENCH_POSTGRES="$DSN" "$bin/gateway.test" -test.run '^$' -test.bench 'BenchmarkServe' \
			-test.benchmem -test.benchtime "$GOBENCH_TIME" -test.timeout 60m) | tee -a "$out/gobench.txt" >&2
	done
	# Columns: authz on | off (rows: shape × audit); then audit on | off.
	gobench=$("$bin/benchstat" -col /authz "$out/gobench.txt" 2>&1 | grep -v '^\s*$' || true)
	gobench+=$'\n\n'
	gobench+=$("$bin/benchstat" -col /audit "$out/gobench.txt" 2>&1 | grep -v '^\s*$' || true)
fi

# --- the report -------------------------------------------------------------------
finished=$(date -u '+%Y-%m-%d %H:%M')
counts=$(q "SELECT (SELECT count(*) FROM gbd_fl.persons) || ' persons, ' || (SELECT count(*) FROM gbd_ul.legal_entities) || ' legal entities, '
	|| (SELECT count(*) FROM gbd_ul.founders) || ' founder records, ' || (SELECT count(*) FROM vehicles.vehicles) || ' vehicles, '
	|| (SELECT count(*) FROM real_estate.rights) || ' real-estate rights'")
"$py" - "$out/env.json" <<EOF
import json, sys
env = {
  "started": "$started", "finished": "$finished",
  "command": "BENCH_DB=$BENCH_DB ROUNDS=$ROUNDS DURATION=$DURATION VEGETA_DURATION=$VEGETA_DURATION bench/run.sh",
  "cpu": """$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)""",
  "nproc": "$(nproc)",
  "memory": """$(free -h | awk '/Mem:/ {print $2 " total, " $7 " available at the end"}')""",
  "kernel": "$(uname -r)",
  "postgres": """$(q 'SELECT version()' | cut -d, -f1) (shared_buffers $(q 'SHOW shared_buffers'), max_connections $(q 'SHOW max_connections'))""",
  "go": "$(go version | cut -d' ' -f3-)",
  "node": "$(node --version) (PostGraphile $(cd "$here/postgraphile" && node -p 'require("postgraphile/package.json").version'), $PG_WORKERS cluster workers)",
  "wrk": "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); -t min(c,2), Lua script with a random key per request",
  "pgbench": "pgbench -M extended, 100 recorded request scripts per shape chosen at random",
  "dataset": """$BENCH_DB: $counts""",
  "rounds": "$ROUNDS rounds, lanes in random order within each cell group; keys random per request",
  "duration": "$DURATION per wrk/pgbench cell, connections: $CONNS",
  "vegeta": "$VEGETA_DURATION per cell at constant rates: point $(rate_of point)/s, list $(rate_of list)/s, links1 $(rate_of links1)/s, links2 $(rate_of links2)/s",
  "contended": """${CONTENDED:-}""",
  "gobench_file": "$([ "$GOBENCH" = 1 ] && echo "$out/gobench.txt")",
}
json.dump(env, open(sys.argv[1], "w"), indent=1)
EOF
printf '%s' "$gobench" | "$py" -c 'import json,sys; p=sys.argv[1]; e=json.load(open(p)); g=sys.stdin.read(); e["gobench"]=g or None; json.dump(e, open(p,"w"), indent=1)' "$out/env.json"
"$py" "$here/lib/bench.py" report "$out/raw.jsonl" "$out/env.json" "$RESULTS"
log "wrote $RESULTS ($(($(date +%s) - $(date -d "$started" +%s))) s)"
