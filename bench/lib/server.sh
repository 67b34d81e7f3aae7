#!/usr/bin/env bash
# Shared by the benchmarks: find JDK 25, build the jar once, start and stop a server on a throw-away data dir.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

java25() {
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* "$HOME"/.jdks/*25*; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q '"25'; then
            echo "$candidate/bin/java"
            return
        fi
    done
    echo "No JDK 25 found (set JAVA_HOME)" >&2
    exit 1
}

JAVA="$(java25)"

build_jar() {
    if ! ls "$ROOT"/target/moonknight-*.jar >/dev/null 2>&1 || [ -n "${REBUILD:-}" ]; then
        (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)
    fi
    ls "$ROOT"/target/moonknight-*.jar | grep -v plain | head -n 1
}

# start_server <port> <data dir> [extra args...]
start_server() {
    local port="$1" data="$2"
    shift 2
    local jar
    jar="$(build_jar)"
    "$JAVA" -Xmx2g -jar "$jar" --server.port="$port" --moonknight.data-dir="$data" --logging.level.root=WARN \
        --logging.level.io.moonknight=INFO "$@" > "$data.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 1
    done
    echo "The server did not start; see $data.log" >&2
    exit 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
