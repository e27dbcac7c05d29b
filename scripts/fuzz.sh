#!/usr/bin/env bash
# Runs each libFuzzer target for a given time (seconds per target, default 60) in a separate clang build.
#   scripts/fuzz.sh [SECONDS]
# New inputs that reach new code are kept in a scratch corpus; a crash is saved under build-fuzz/findings
# and the script exits non-zero. Copy a minimised finding into tests/fuzz/corpus/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DHALL_BUILD_FUZZ=ON -DHALL_BUILD_GUI=OFF >/dev/null
targets=(fuzz_frame_decoder fuzz_present_parsers)
cmake --build build-fuzz --target "${targets[@]}"

mkdir -p build-fuzz/findings
for target in "${targets[@]}"; do
    corpus=build-fuzz/corpus/$target
    mkdir -p "$corpus"
    if [ "$target" = fuzz_frame_decoder ]; then
        cp -n tests/fuzz/corpus/* "$corpus"/ 2>/dev/null || true
    fi
    exe=$(find build-fuzz/tests -name "$target" -type f -executable | head -n 1)
    "$exe" "$corpus" -max_total_time="$seconds" -max_len=4096 -artifact_prefix=build-fuzz/findings/ \
        -print_final_stats=1
    echo "fuzz: $target ran ${seconds}s with no finding"
done
