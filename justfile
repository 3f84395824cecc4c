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
