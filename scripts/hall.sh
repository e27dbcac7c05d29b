#!/usr/bin/env bash
# The main job: installs what is missing, builds, creates the demo hall on the first run, starts the hall
# server and then the client programs. Without a display it runs headless: it starts the server, runs a
# scripted check against it over TLS and prints what it did.
#   scripts/hall.sh                 (HALL_DATA_DIR=demo-hall, HALL_PORT=7443, BUILD_DIR=build)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
build=${BUILD_DIR:-build}
data=${HALL_DATA_DIR:-demo-hall}
port=${HALL_PORT:-7443}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}"

HALL_PORT=$port scripts/make-demo-hall.sh "$build" "$data"

server_out=$(mktemp)
"$build/server/hall-server" --data-dir "$data" --listen "127.0.0.1:$port" >"$server_out" 2>&1 &
server_pid=$!
stop_server() {
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
    rm -f "$server_out"
}
trap stop_server EXIT

for _ in $(seq 1 100); do
    grep -q '^listening on ' "$server_out" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_out"; echo "hall.sh: the server did not start" >&2; exit 1; }
    sleep 0.1
done
grep '^listening on ' "$server_out" || { echo "hall.sh: the server did not say it was listening" >&2; exit 1; }
echo "hall.sh: hall-server is running (log: $data/logs/hall-server.log)"

devices="$data/devices"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    pids=()
    start_client() { # program device
        local exe="$build/$1/$1"
        if [ -x "$exe" ]; then
            "$exe" --config "$devices/$2/connection.ini" &
            pids+=($!)
        fi
    }
    start_client led-display led-2f
    start_client kiosk-client K-1F-01
    start_client tablet-eval tablet-2-07
    start_client clerk-client clerk-2-07
    echo "hall.sh: clients started; demo logins are in $data/DEMO-ACCOUNTS.txt. Close them all to stop."
    wait "${pids[@]}" || true
else
    echo "hall.sh: no display; running the scripted check against the server"
    "$build/tools/hall-sim/hall-sim" check --data-dir "$data" --port "$port"
fi
