#!/usr/bin/env bash
# The long crash drill: many rounds of writers posting while hall-server is killed with SIGKILL at a
# random moment; after each restart every acknowledged change must be there exactly once and the journal
# must verify (tests/drills/tst_crash_drill.cpp; CTest runs 3 rounds of the same test).
#   scripts/crash-drill.sh [ROUNDS]      (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-50}
build=${BUILD_DIR:-build}
scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target tst_crash_drill hall-server hallctl
start=$(date +%s)
HALL_DRILL_ROUNDS=$rounds "$build/tests/drills/tst_crash_drill" -silent
echo "crash-drill: $rounds rounds passed in $(( $(date +%s) - start )) s"
