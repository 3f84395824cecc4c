#!/usr/bin/env bash
# Browser tests of Orienta's web page, print view and partner widget.
#
#   bash tests/browser/run.sh            # builds and starts the release server on a free port
#   ORIENTA_BASE_URL=http://127.0.0.1:8080 ORIENTA_TEST_ADMIN_KEY=<its admin key> bash tests/browser/run.sh
#                                             # against a running server
#   ORIENTA_BIN=target/debug/orienta bash tests/browser/run.sh         # with an already built binary
#
# 1. installs Debian's chromium (never a downloaded browser) and the npm packages (npm ci);
# 2. builds `target/release/orienta`, starts `orienta serve --index <tmp> --bind 127.0.0.1:<port>`
#    (the index is built from the bundled data on first start) and waits for /readyz;
# 3. runs the scenarios (run.mjs), saves screenshots to tests/browser/screenshots/;
# 4. prints "N passed, M failed", stops the server and exits non-zero on failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { printf 'browser-tests: %s\n' "$*" >&2; }

if [ ! -x "$CHROMIUM" ]; then
  log "installing chromium from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "installing node and npm from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi

log "npm ci"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

server_pid=""
workdir=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$workdir" ]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

base="${ORIENTA_BASE_URL:-}"
if [ -z "$base" ]; then
  bin="${ORIENTA_BIN:-}"
  if [ -z "$bin" ]; then
    log "building the release binary"
    (cd "$root" && cargo build --release --quiet --bin orienta)
    bin="$root/target/release/orienta"
  fi
  workdir="$(mktemp -d -t orienta-browser-XXXXXX)"
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  base="http://127.0.0.1:$port"
  log "starting orienta serve on $base (index in $workdir/index)"
  # The page loads ~30 assets per view: the per-IP API rate limit is off for the test run.
  # A one-run admin key lets the scenarios open the staff view.
  export ORIENTA_TEST_ADMIN_KEY="${ORIENTA_TEST_ADMIN_KEY:-browser-$RANDOM$RANDOM$RANDOM}"
  ORIENTA_RATE_LIMIT_ENABLED=false ORIENTA_ADMIN_KEYS="browser-tests:$ORIENTA_TEST_ADMIN_KEY" "$bin" serve \
    --index "$workdir/index" --bind "127.0.0.1:$port" >"$workdir/server.log" 2>&1 &
  server_pid=$!
  ready=""
  for _ in $(seq 1 600); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      log "the server stopped; its log:"
      tail -n 40 "$workdir/server.log" >&2
      echo "0 passed, 1 failed"
      exit 1
    fi
    if node -e "fetch('$base/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"; then
      ready=yes
      break
    fi
    sleep 1
  done
  if [ -z "$ready" ]; then
    log "the server was not ready after 600 s; its log:"
    tail -n 40 "$workdir/server.log" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

log "running the scenarios against $base"
status=0
(cd "$here" && node run.mjs "$base") || status=$?
if [ "$status" -ne 0 ] && [ -n "$workdir" ]; then
  log "server log (last lines):"
  tail -n 20 "$workdir/server.log" >&2 || true
fi
exit "$status"
