#!/bin/sh
# Runs the graphql-http server audit (npm graphql-http, auditServer) against
# the sandbox: builds sio, starts it on a free loopback port over a fresh
# SQLite data directory, audits http://127.0.0.1:PORT/graphql and fails on
# any error result. graphql-http is installed into a cache directory outside
# the repository (GRAPHQL_HTTP_DIR, default ~/.cache/sio-graphql-http).
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
VERSION=1.23.1
DIR=${GRAPHQL_HTTP_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sio-graphql-http}
export GRAPHQL_HTTP_DIR="$DIR"

if [ ! -f "$DIR/node_modules/graphql-http/package.json" ] ||
	! grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/graphql-http/package.json"; then
	mkdir -p "$DIR"
	(cd "$DIR" && npm install --no-audit --no-fund --silent "graphql-http@$VERSION" graphql@16)
fi

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

$GO build -o "$work/sio" ./cmd/sio
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$work/sio" serve --data-dir "$work/data" --persons 200 --addr "127.0.0.1:$port" 2>"$work/sio.log" &
pid=$!
i=0
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "sio did not start:" >&2; cat "$work/sio.log" >&2; exit 1
	fi
	sleep 0.2
done
node scripts/graphql-http-audit.mjs "http://127.0.0.1:$port/graphql"
