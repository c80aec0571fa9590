#!/usr/bin/env bash
# Fuzzes the three readers (JSON, XML, Excel), each followed by the whole
# validation and the human and HTML printers, for SECONDS each (default 60).
# Fails on the first crash, hang (-timeout) or memory blow-up (-rss_limit_mb),
# leaving the input under fuzz/artifacts/TARGET/ and naming it.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]      targets: json xml xlsx (default all)
#
# Environment:
#   FUZZ_SANITIZER=none|address   default none; address (ASan) runs ~5x slower
#   FUZZ_DEV=1                    unoptimised build: builds in about half the
#                                 time, runs ~7x slower (what CI uses)
#   FUZZ_CORPUS=DIR               where the corpora go (default fuzz/corpus);
#                                 CI gives an empty directory, so that its run
#                                 starts from the seeds alone
#   FUZZ_REPEATABLE=1             a fixed random seed (-seed=1) and a fixed
#                                 number of inputs per target (about 30 s of
#                                 an unoptimised build here), SECONDS x 4
#                                 only as a cap: the same code always meets
#                                 the same inputs, so CI passes or fails on
#                                 the code, not on the machine's load (what
#                                 CI uses; discovery is for longer local runs)
#
# The seeds are the committed fixtures (read, never written); what the fuzzer
# learns goes to fuzz/corpus/TARGET (not committed) and is reused next time
# (all of it is run again first, however long that takes).
# Needs cargo-fuzz (installed here if missing). Only a stable toolchain is
# available: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags to it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(json xml xlsx)
fi

# Looked up on PATH (cargo finds its subcommands there) rather than by
# running `cargo fuzz`, which only prints an error when it is missing.
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi
export RUSTC_BOOTSTRAP=1

build=(--sanitizer "${FUZZ_SANITIZER:-none}")
if [ -n "${FUZZ_DEV:-}" ]; then
    build+=(--dev)
fi

echo "== building the fuzz targets (${build[*]})"
cargo fuzz build "${build[@]}"

for target in "${targets[@]}"; do
    case $target in
    json)
        max_len=65536
        runs=2000
        seeds=(fixtures/valid fixtures/invalid fixtures/ingest/json)
        ;;
    xml)
        max_len=65536
        runs=5000
        seeds=(fixtures/valid fixtures/ingest/xml)
        ;;
    xlsx)
        # Workbooks are 5-60 KB; the mutator repacks them at a low level.
        max_len=262144
        runs=150
        seeds=(fixtures/valid fixtures/ingest/xlsx)
        ;;
    *)
        echo "unknown fuzz target: $target (json, xml, xlsx)" >&2
        exit 2
        ;;
    esac
    corpus=${FUZZ_CORPUS:-fuzz/corpus}/$target
    mkdir -p "$corpus" "fuzz/artifacts/$target"
    limits=(-max_total_time="$seconds")
    if [ -n "${FUZZ_REPEATABLE:-}" ]; then
        limits=(-seed=1 -runs="$runs" -max_total_time="$((seconds * 4))")
        echo "== fuzzing $target: $runs inputs from seed 1 (at most $((seconds * 4))s)"
    else
        echo "== fuzzing $target for ${seconds}s"
    fi
    log=$(mktemp)
    # -timeout: seconds per input; -rss_limit_mb: the whole process.
    set +e
    cargo fuzz run "${build[@]}" "$target" "$corpus" "${seeds[@]}" -- \
        -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        "${limits[@]}" -print_final_stats=1 2>&1 |
        tee "$log" |
        grep --line-buffered -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|panicked'
    status=${PIPESTATUS[0]}
    set -e
    if [ "$status" -ne 0 ]; then
        echo
        echo "!! fuzz target $target failed (exit $status); the last lines of its output:"
        tail -n 60 "$log"
        artifact=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -n 1 | cut -d' ' -f5- || true)
        echo
        echo "!! crash input: ${artifact:-see above}"
        echo "!! reproduce:   RUSTC_BOOTSTRAP=1 cargo fuzz run ${build[*]} $target ${artifact:-ARTIFACT}"
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
done
echo "== fuzzing passed: ${targets[*]}"
