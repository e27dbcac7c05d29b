#!/usr/bin/env bash
# Runs the libFuzzer targets for a given time (seconds, default 60) in a separate clang build.
#   scripts/fuzz.sh [SECONDS]
# New inputs that reach new code are kept in a scratch corpus; a crash is saved under build-fuzz/findings
# and the script exits non-zero. Copy a minimised finding into tests/fuzz/corpus/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DHALL_BUILD_FUZZ=ON -DHALL_BUILD_GUI=OFF >/dev/null
cmake --build build-fuzz --target fuzz_frame_decoder

mkdir -p build-fuzz/corpus build-fuzz/findings
cp -n tests/fuzz/corpus/* build-fuzz/corpus/ 2>/dev/null || true
build-fuzz/tests/fuzz/fuzz_frame_decoder build-fuzz/corpus \
    -max_total_time="$seconds" -max_len=4096 -artifact_prefix=build-fuzz/findings/ -print_final_stats=1
echo "fuzz: fuzz_frame_decoder ran ${seconds}s with no finding"
