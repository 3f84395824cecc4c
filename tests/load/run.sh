#!/usr/bin/env bash
# Load benchmark of the search API with wrk.
#
#   bash tests/load/run.sh [5k|100k|all]      (default: 5k)
#
# For each size: builds the release binary, builds the index (5k = the bundled data set;
# 100k = `orienta sample --count 100000` plus the bundled provider record), starts the
# server pinned to CPU 0 (`taskset -c 0`, rate limiting off, warn-level logs), warms it up,
# then runs wrk pinned to CPU 1 with 64 connections for LOAD_SECONDS (default 20) four times:
#   rotation     20 searches in rotation (tests/load/mixed.lua), response cache on (default);
#   zipf-2000    2,000 distinct searches with Zipf popularity (tests/load/zipf.lua), cache on;
#   zipf-9800    9,800 distinct searches, more than the cache holds (2,048), cache on;
#   uncached     the rotation with ORIENTA_RESPONSE_CACHE=0: every request searches the index.
# Prints throughput, p50/p99 latency, errors and the cache hit ratio (from /metrics); writes
# bench-results/load-<size>.md.
#
# Environment: LOAD_SECONDS, LOAD_CONNECTIONS (64), LOAD_DIR (target/load: indexes kept
# between runs; delete a size's directory to rebuild it).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"

sizes="${1:-5k}"
[ "$sizes" = "all" ] && sizes="5k 100k"
seconds="${LOAD_SECONDS:-20}"
connections="${LOAD_CONNECTIONS:-64}"
load_dir="${LOAD_DIR:-$repo/target/load}"
scripts="$repo/tests/load"
bin="$repo/target/release/orienta"
server_pid=""

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT INT TERM

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v taskset >/dev/null 2>&1 || { echo "taskset (util-linux) is required" >&2; exit 2; }
[ "$(nproc)" -ge 2 ] || { echo "needs two CPUs (server on 0, wrk on 1)" >&2; exit 2; }

echo "building the release binary"
cargo build --release --quiet --bin orienta
mkdir -p "$load_dir" "$repo/bench-results"

build_index() {
  local size=$1 index=$2
  if [ -f "$index/CURRENT" ]; then
    return
  fi
  case "$size" in
    5k)
      "$bin" ingest --index "$index" >"$load_dir/ingest-$size.log" 2>&1
      ;;
    100k)
      local sample="$load_dir/sample-100k.ndjson"
      [ -s "$sample" ] || "$bin" sample --count 100000 --out "$sample" >"$load_dir/sample-$size.log" 2>&1
      "$bin" ingest --index "$index" "$sample" data/providers/cdcs_sample/organisation_13219.json \
        >"$load_dir/ingest-$size.log" 2>&1
      ;;
    *)
      echo "unknown size $size (5k or 100k)" >&2
      exit 2
      ;;
  esac
}

start_server() {
  local index=$1 port=$2 cache_entries=$3
  ORIENTA_RATE_LIMIT_ENABLED=false ORIENTA_INDEX_WATCH_SECONDS=0 ORIENTA_LOG=warn \
    ORIENTA_RESPONSE_CACHE="$cache_entries" \
    taskset -c 0 "$bin" serve --index "$index" --bind "127.0.0.1:$port" >"$load_dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
      return
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited" >&2; tail "$load_dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server not ready" >&2
  exit 1
}

# CPU time (seconds) the server process has used so far.
server_cpu() {
  awk -v tick="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tick}' "/proc/$server_pid/stat"
}

# Runs wrk and prints "requests_per_second p50 p99 non_2xx socket_errors total_requests
# server_cpu_seconds": the server's CPU time tells how much of CPU 0 it actually got on a
# shared machine.
measure() {
  local base=$1 duration=$2 script=$3 distinct=$4 output cpu_before cpu_after
  cpu_before="$(server_cpu)"
  output="$(taskset -c 1 wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$script" "$base" -- "$distinct" 2>&1)"
  cpu_after="$(server_cpu)"
  echo "$output" >"$load_dir/wrk-last.txt"
  local rps p50 p99 non2xx errors total
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$output")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$output")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$output")"
  errors="$(awk '/Socket errors:/ {gsub(",", ""); print $4+$6+$8+$10}' <<<"$output")"
  total="$(awk '/requests in/ {print $1}' <<<"$output")"
  echo "${rps:-0} ${p50:-?} ${p99:-?} ${non2xx:-0} ${errors:-0} ${total:-0} $(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN {printf "%.2f", b - a}')"
}

# Response cache lookups so far: "hits misses".
cache_lookups() {
  curl -fsS "$1/metrics" | awk '/^orienta_response_cache_lookups_total\{result="hit"\}/ {h=$2} /^orienta_response_cache_lookups_total\{result="miss"\}/ {m=$2} END {printf "%d %d", h, m}'
}

for size in $sizes; do
  index="$load_dir/index-$size"
  echo "== $size: index"
  build_index "$size" "$index"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  base="http://127.0.0.1:$port"
  rows=""
  docs=""
  for mode in rotation zipf-2000 zipf-9800 uncached; do
    entries=2048 script="$scripts/mixed.lua" distinct=0
    case "$mode" in
      zipf-*) script="$scripts/zipf.lua" distinct="${mode#zipf-}" ;;
      uncached) entries=0 ;;
    esac
    start_server "$index" "$port" "$entries"
    docs="$(curl -fsS "$base/readyz")"
    echo "== $size, $mode: warm-up (5 s)"
    measure "$base" 5 "$script" "$distinct" >/dev/null
    read -r hits_before misses_before <<<"$(cache_lookups "$base")"
    echo "== $size, $mode: wrk -c$connections -d${seconds}s"
    read -r rps p50 p99 non2xx errors total cpu <<<"$(measure "$base" "$seconds" "$script" "$distinct")"
    read -r hits_after misses_after <<<"$(cache_lookups "$base")"
    hit_ratio="$(awk -v h=$((hits_after - hits_before)) -v m=$((misses_after - misses_before)) 'BEGIN {if (h + m > 0) printf "%.1f%%", 100 * h / (h + m); else print "off"}')"
    share="$(awk -v c="$cpu" -v s="$seconds" 'BEGIN {printf "%.0f%%", 100 * c / s}')"
    per_cpu="$(awk -v c="$cpu" -v t="$total" 'BEGIN {if (c > 0) printf "%.0f", t / c; else print "?"}')"
    us="$(awk -v c="$cpu" -v t="$total" 'BEGIN {if (t > 0) printf "%.0f", 1000000 * c / t; else print "?"}')"
    printf '   %s req/s, p50 %s, p99 %s, non-2xx %s, socket errors %s (%s requests), cache hits %s; server CPU %s s (%s of a core): %s req per CPU-second, %s µs CPU per request\n' \
      "$rps" "$p50" "$p99" "$non2xx" "$errors" "$total" "$hit_ratio" "$cpu" "$share" "$per_cpu" "$us"
    rows+="| $mode | $rps | $p50 | $p99 | $non2xx | $errors | $total | $hit_ratio | $share | $per_cpu | $us |"$'\n'
    stop_server
  done
  report="$repo/bench-results/load-$size.md"
  {
    echo "# Load benchmark — $size organisations"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "- Index: \`$docs\`"
    echo "- Server: \`orienta serve\` (release) pinned with \`taskset -c 0\` (one actix worker), rate limiting off, logs at warn"
    echo "- Load: \`wrk -t1 -c$connections -d${seconds}s --latency\` pinned with \`taskset -c 1\`, after a 5 s warm-up"
    echo "- rotation: 20 searches in rotation (\`tests/load/mixed.lua\`: text, text + bassin, text + radius sorted by distance, spoken-language filter, facets only), response cache on (the default: 2,048 rendered searches, 60 s per index version)"
    echo "- zipf-N: N distinct searches (need text × territory × spoken language, \`tests/load/zipf.lua\`) asked with Zipf popularity (s = 1), cache on; 9,800 is more than the cache holds"
    echo "- uncached: the rotation with \`ORIENTA_RESPONSE_CACHE=0\`, every request runs the search"
    echo "- cache hits: share of the measured requests answered from the cache (\`/metrics\`)"
    echo
    echo "| mode | req/s | p50 | p99 | non-2xx | socket errors | requests | cache hits | server CPU share | req per CPU-second | CPU µs per request |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s' "$rows"
    echo
    echo "Target at 100k: ≥ 5,000 req/s and p99 ≤ 20 ms. The machine is shared with other jobs: the server's"
    echo "CPU share says how much of CPU 0 it got; req per CPU-second is the throughput one idle core would give."
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  } >"$report"
  echo "wrote $report"
done
