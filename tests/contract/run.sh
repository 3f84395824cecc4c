#!/usr/bin/env bash
# API contract test: fuzzes the running server with schemathesis against its own
# /openapi.json and fails on any 5xx or any response that does not match the document.
#
#   bash tests/contract/run.sh
#
# Environment:
#   ORIENTA_BIN           the orienta binary (default: builds target/debug/orienta)
#   CONTRACT_VENV         where schemathesis is installed (default: target/contract-venv)
#   CONTRACT_MAX_EXAMPLES test cases per operation (default: 40)
#   CONTRACT_INDEX        an index root to reuse (default: a fresh one built from the bundled data)
#
# Exits non-zero when schemathesis finds a failure, the server does not start, or it dies.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"

schemathesis_version="4.32.5"
venv="${CONTRACT_VENV:-$repo/target/contract-venv}"
max_examples="${CONTRACT_MAX_EXAMPLES:-40}"
workdir="$(mktemp -d -t orienta-contract.XXXXXX)"
index="${CONTRACT_INDEX:-$workdir/index}"
server_pid=""

cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$workdir/server.log" ]; then
    echo "--- last lines of the server log ---" >&2
    tail -n 30 "$workdir/server.log" >&2 || true
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap cleanup EXIT INT TERM

# 1. schemathesis, in a venv, from PyPI, when missing.
if [ ! -x "$venv/bin/st" ] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$schemathesis_version"; then
  echo "installing schemathesis $schemathesis_version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

# 2. the server binary.
bin="${ORIENTA_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --quiet --bin orienta
  bin="$repo/target/debug/orienta"
fi
[ -x "$bin" ] || { echo "no orienta binary at $bin" >&2; exit 2; }

# 3. start it on a free port; it builds the index from the bundled data when missing.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
ORIENTA_RATE_LIMIT_ENABLED=false ORIENTA_INDEX_WATCH_SECONDS=0 ORIENTA_LOG="${ORIENTA_LOG:-warn}" \
  "$bin" serve --index "$index" --bind "127.0.0.1:$port" >"$workdir/server.log" 2>&1 &
server_pid=$!

echo "waiting for $base/readyz (the first start builds the index)"
for _ in $(seq 1 900); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the server exited before becoming ready" >&2
    exit 2
  fi
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
curl -fsS "$base/readyz" || { echo "the server is not ready after 15 minutes" >&2; exit 2; }
echo

# 4. fuzz every operation: no 5xx, every response as documented.
"$venv/bin/st" run "$base/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --max-examples "$max_examples" \
  --workers 2 \
  --seed 20261127 \
  --request-timeout 30 \
  --generation-database none \
  --suppress-health-check too_slow,filter_too_much \
  --no-color

# 5. the server must still be alive (no panic took it down).
kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the run" >&2; exit 1; }
echo "contract test passed"
