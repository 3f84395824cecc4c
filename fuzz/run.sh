#!/usr/bin/env bash
# Builds every cargo-fuzz target of Orienta and runs each for SECONDS (default 45),
# seeded from the repository's fixtures. Exits non-zero when a target crashes; the
# crashing input is left in fuzz/artifacts/<target>/.
#
#   fuzz/run.sh 45          # CI: about 45 s per target
#   fuzz/run.sh 600         # the 10-minute runs
#
# Builds on the default (stable) toolchain with RUSTC_BOOTSTRAP=1, which lets cargo-fuzz pass
# its flags, and no sanitizer (safe Rust needs none; FUZZ_SANITIZER=address to change it);
# falls back to the nightly toolchain when that build fails and nightly is installed.
set -euo pipefail

seconds="${1:-45}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../data"
targets=(social_brussels partner_csv hsds search_params)

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

sanitizer="${FUZZ_SANITIZER:-none}"
# FUZZ_PROFILE=dev builds without optimisations: a cold build takes minutes instead of a
# quarter of an hour, for fewer executions a second (CI's short runs use it).
profile=()
if [ "${FUZZ_PROFILE:-release}" = dev ]; then
    profile=(--dev)
fi

# Writes each line of SOURCE to its own file PREFIX-N (with a newline when ENDING is "\n").
one_file_per_line() {
    local source="$1" prefix="$2" ending="$3" line=0
    while IFS= read -r text; do
        line=$((line + 1))
        printf "%s$ending" "$text" >"$prefix-$line"
    done <"$source"
}

# Seeds: every line of the bad-input fixtures as its own file, the fixtures whole, the real
# social.brussels record, the partner CSV, the HSDS examples and a few query strings.
seed() {
    local target="$1"
    local corpus="$here/corpus/$target"
    mkdir -p "$corpus"
    case "$target" in
        social_brussels)
            one_file_per_line "$data/examples/cdcs_bad_inputs.jsonl" "$corpus/seed-bad-input" '\n'
            cp "$data/examples/cdcs_bad_inputs.jsonl" "$corpus/seed-bad-inputs.jsonl"
            cp "$data/providers/cdcs_sample/organisation_13219.json" "$corpus/seed-13219.json"
            ;;
        partner_csv)
            cp "$data/examples/partner.csv" "$corpus/seed-partner.csv"
            ;;
        hsds)
            cp "$data/examples/"hsds_*.json "$corpus/"
            ;;
        search_params)
            one_file_per_line "$here/seeds/search_params.txt" "$corpus/seed-query" ''
            ;;
    esac
}

cd "$here"
toolchain=()
if ! RUSTC_BOOTSTRAP=1 cargo fuzz build ${profile[@]+"${profile[@]}"} --sanitizer "$sanitizer"; then
    if ! (command -v rustup >/dev/null 2>&1 && rustup run nightly rustc --version >/dev/null 2>&1); then
        echo "cargo fuzz build failed on the default toolchain and nightly is not installed" >&2
        exit 1
    fi
    echo "stable build failed: trying nightly" >&2
    toolchain=(+nightly)
    cargo +nightly fuzz build ${profile[@]+"${profile[@]}"} --sanitizer "$sanitizer"
fi
if ((${#toolchain[@]} == 0)); then
    export RUSTC_BOOTSTRAP=1
fi

failed=()
for target in "${targets[@]}"; do
    seed "$target"
    echo "== $target: ${seconds} s"
    if ! cargo ${toolchain[@]+"${toolchain[@]}"} fuzz run ${profile[@]+"${profile[@]}"} --sanitizer "$sanitizer" "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1; then
        failed+=("$target")
    fi
done

if ((${#failed[@]})); then
    echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "every target ran ${seconds} s without a crash"
