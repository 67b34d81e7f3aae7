#!/usr/bin/env bash
# Customer benchmarks: imports 100,000 customers from CSV through the API (target <= 60 s) and the same file again
# (nothing changes), then measures search
# latency through HTTP (target p95 <= 50 ms), first one query at a time, then with CLIENTS concurrent clients.
# The server, its embedded PostgreSQL and the load generator share this machine. Prints the figures.
#   bench/customers/run.sh                       # 100,000 customers, 3,000 queries, 1 then 4 clients
#   ROWS=20000 QUERIES=1000 bench/customers/run.sh # smaller
set -euo pipefail
source "$(dirname "$0")/../lib/server.sh"
PORT="${PORT:-18081}"
DATA="$(mktemp -d /tmp/moonknight-bench-XXXX)"
trap 'stop_server; rm -rf "$DATA"' EXIT

echo "Starting MoonKnight (embedded PostgreSQL, demo tenant) on port $PORT ..."
start_server "$PORT" "$DATA" --moonknight.demo.enabled=true
"$JAVA" "$ROOT/bench/customers/CustomerBench.java" "http://localhost:$PORT" "${ROWS:-100000}" "${QUERIES:-3000}" "${CLIENTS:-4}"
