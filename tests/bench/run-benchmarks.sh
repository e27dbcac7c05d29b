#!/usr/bin/env bash
# The hall's benchmarks, run by hand (never from CTest): a fresh hall, an optimised build of hall-server,
# hallctl and hall-sim, and one hall-server process per run, each run printing one JSON object:
#   flat     BENCH_CLIENTS desks flat out (closed loop), with the TLS echo and SQLite baselines
#   rate     BENCH_CLIENTS desks at an offered BENCH_RATE commands/s (open loop)
#   fanout   BENCH_DISPLAYS displays on floor 2 while BENCH_FANOUT_CLIENTS desks offer BENCH_FANOUT_RATE/s
#   idle     BENCH_IDLE idle TLS connections held; the server's resident memory
#
#   tests/bench/run-benchmarks.sh [BUILD_DIR]       (default build-bench, configured RelWithDebInfo)
#
# Sizes (environment): BENCH_SECONDS=10 BENCH_CLIENTS=200 BENCH_RATE=5000 BENCH_DISPLAYS=500
# BENCH_FANOUT_CLIENTS=20 BENCH_FANOUT_RATE=500 BENCH_IDLE=10000 BENCH_REPEAT=1 BENCH_RUNS="flat rate fanout idle".
# The hall lives in BUILD_DIR/bench-hall (the project's filesystem, where the SQLite baseline runs too);
# results go to BENCH_OUT (default BUILD_DIR/bench-results): <run>-<n>.json, <run>-<n>.log, machine.txt.
#
# The server gets a config (bench.conf) that lifts the per-connection rate limit (the default 50 frames/s
# would refuse a flat-out desk) and max_sessions (default 1000, below the idle run). Its open-files limit is
# raised to the hard limit with ulimit before it starts; hall-sim raises its own with setrlimit.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${1:-build-bench}
seconds=${BENCH_SECONDS:-10}
clients=${BENCH_CLIENTS:-200}
rate=${BENCH_RATE:-5000}
displays=${BENCH_DISPLAYS:-500}
fanout_clients=${BENCH_FANOUT_CLIENTS:-20}
fanout_rate=${BENCH_FANOUT_RATE:-500}
idle=${BENCH_IDLE:-10000}
repeat=${BENCH_REPEAT:-1}
runs=${BENCH_RUNS:-flat rate fanout idle}
out=${BENCH_OUT:-$build/bench-results}

if [ ! -f "$build/build.ninja" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALL_BUILD_GUI=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --target hall-server hallctl hall-sim -j 2 >/dev/null

server_exe=$build/server/hall-server
hallctl=$build/tools/hallctl/hallctl
sim=$build/tools/hall-sim/hall-sim
data=$build/bench-hall
rm -rf "$data"
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log
"$hallctl" init --data-dir "$data" --hall-name "基准测试大厅" >/dev/null
cat >"$data/bench.conf" <<'EOF'
# Benchmark settings: no per-connection rate limit, room for the idle run's connections.
rate_per_s = 1000000
rate_burst = 1000000
max_sessions = 12000
EOF
ulimit -n "$(ulimit -Hn)"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel: $(uname -r)"
    echo "filesystem: $(df -T "$data" | awk 'NR == 2 {print $2, $1}')"
    echo "build: $(grep -m1 CMAKE_BUILD_TYPE "$build/CMakeCache.txt" | cut -d= -f2)"
    echo "open files: $(ulimit -n)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$out/machine.txt"

server_pid=
server_port=
start_server() { # log-file
    # Removed first: the shell may look before the new server has truncated the old file.
    rm -f "$data/server.out"
    "$server_exe" --data-dir "$data" --listen 127.0.0.1:0 --config "$data/bench.conf" >"$data/server.out" 2>"$1" &
    server_pid=$!
    for _ in $(seq 1 100); do
        grep -qs '^listening on ' "$data/server.out" && break
        sleep 0.1
    done
    server_port=$(sed -n 's/^listening on 127\.0\.0\.1://p' "$data/server.out")
    [ -n "$server_port" ] || { echo "run-benchmarks: the server did not start" >&2; cat "$1" >&2; exit 1; }
}
stop_server() {
    kill -TERM "$server_pid"
    wait "$server_pid" || true
}
stop_on_exit() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" || true
    fi
}
trap stop_on_exit EXIT

"$sim" load --setup --data-dir "$data" --clients "$clients" --displays "$displays"

run() { # name hall-sim-arguments...
    local name=$1
    shift
    for n in $(seq 1 "$repeat"); do
        local log="$out/$name-$n.log"
        start_server "$out/$name-$n.server.log"
        echo "== $name run $n: hall-sim $* (load average before: $(cut -d' ' -f1-3 /proc/loadavg))" | tee "$log"
        "$sim" "$@" --data-dir "$data" --port "$server_port" --json >"$out/$name-$n.json" 2>>"$log" || true
        echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$log"
        stop_server
        grep -o 'stopped cleanly after [0-9]* commits' "$out/$name-$n.server.log" >>"$log" || true
        cat "$out/$name-$n.json"
    done
}

for name in $runs; do
    case $name in
    flat) run flat load --clients "$clients" --seconds "$seconds" ;;
    rate) run rate load --clients "$clients" --rate "$rate" --seconds "$seconds" --no-baselines ;;
    fanout)
        run fanout load --clients "$fanout_clients" --displays "$displays" --rate "$fanout_rate" \
            --seconds "$seconds" --no-baselines
        ;;
    idle) run idle idle --connections "$idle" --seconds 5 ;;
    *) echo "run-benchmarks: unknown run '$name'" >&2 ;;
    esac
done

python3 - "$out" <<'EOF'
import glob, json, os, re, sys
out = sys.argv[1]
def show(value, digits=1):
    return "-" if value is None else (f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}")
print("\n| run | commands/s | durable/s | p50 ms | p99 ms | fan-out p99 ms | errors | server RSS MB | TLS echo/s | SQLite commits/s | commits |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    name = os.path.basename(path)[:-5]
    try:
        r = json.load(open(path))
    except ValueError:
        print(f"| {name} | (no result; see {name}.log) |||||||||")
        continue
    log = open(os.path.join(out, name + ".log")).read()
    commits = re.search(r"stopped cleanly after (\d+) commits", log)
    if "connections" in r:
        print(f"| {name} | {r['still_open']:,} of {r['connections']:,} idle connections | | | | | "
              f"{0 if r['error'] is None else r['error']} | {show(r['server_rss_mb'])} "
              f"({show(r['server_kb_per_connection'])} KB each) | | | |")
        continue
    print(f"| {name} | {show(r['commands_per_s'])} | {show(r['durable_commands_per_s'])} | {show(r['p50_ms'], 2)} | "
          f"{show(r['p99_ms'], 2)} | {show(r['fanout_p99_ms'], 2)} | {r['errors']} | {show(r['server_rss_mb'])} | "
          f"{show(r['baseline_tls_echo_per_s'])} | {show(r['baseline_sqlite_commits_per_s'])} | "
          f"{commits.group(1) if commits else '-'} |")
EOF
