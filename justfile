# Orienta tasks. `just --list` shows them. Install just with `pip install rust-just` or `cargo install just`.

# Run the service on the bundled data (builds the index on first start).
serve:
    cargo run --release -- serve

# The test suite (the README's test command).
test:
    cargo test --workspace

# Everything CI runs.
ci:
    bash .ci/run

# Run every fuzz target for SECONDS each (cargo-fuzz; works on stable).
fuzz seconds="45":
    bash fuzz/run.sh {{seconds}}

# Import the bundled data (or given sources) into ./index.
ingest *SOURCES:
    cargo run --release -- ingest {{SOURCES}} --index index

# Regenerate the bundled synthetic data set.
sample:
    cargo run --release -- sample --count 5000 --seed 20261127 --out data/sample/social_brussels_sample.ndjson

# Regenerate api-spec/openapi.yaml from the code.
openapi:
    cargo run --release -- openapi > api-spec/openapi.yaml

# Criterion benchmarks of tagging, ingest and search.
bench:
    cargo bench --workspace

# Load test of the HTTP API with wrk (5k bundled data and 100k generated).
bench-load:
    bash tests/load/run.sh

# API contract test with schemathesis.
contract:
    bash tests/contract/run.sh

# Browser tests with headless Chromium and axe-core.
browser:
    bash tests/browser/run.sh

# In-process search benchmark: p50/p99 per query kind, build time, index size, reader memory
# → bench-results/search.md (criterion: `cargo bench -p orienta-search`, 1M with ORIENTA_BENCH_1M=1).
bench-search sizes="5000,100000":
    cargo build --release -p orienta-bench
    target/release/orienta-bench search --sizes {{sizes}}

# Latency per query kind on an index already built (`orienta ingest --index <root>`), with the
# slowest queries; e.g. `just bench-latency index "--kind text_radius"`.
bench-latency root="index" *FLAGS:
    cargo build --release -p orienta-bench
    target/release/orienta-bench latency --index {{root}} --slowest 10 {{FLAGS}}

# Side by side with PostgreSQL 15 + PostGIS (installed and started privately when missing)
# and the HTTP API under wrk → bench-results/peer.md. Pass `--with-1m` for 1M records.
bench-peer sizes="5000,100000" *FLAGS:
    cargo build --release -p orienta -p orienta-bench
    target/release/orienta-bench peer --sizes {{sizes}} {{FLAGS}}

# Rebuild data/words/known_words.fst from the Debian dictionaries (see data/words/README.md)
known-words:
    sh data/words/build.sh
