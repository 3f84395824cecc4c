#!/usr/bin/env bash
# A private PostgreSQL 15 + PostGIS 3 cluster for the peer benchmark.
#
#   postgres.sh install             apt-get install postgresql-15 + postgis if missing
#   postgres.sh start DIR PORT      initdb DIR (once) and start it on 127.0.0.1:PORT,
#                                   pinned to core $PG_CORE (default 0), trust auth, user postgres
#   postgres.sh stop DIR            stop the cluster (fast shutdown)
#
# As root, the cluster runs as the `postgres` system user (created by the Debian package).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_CORE="${PG_CORE:-0}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install() {
  local missing=()
  [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing+=(postgresql-15-postgis-3)
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "postgresql 15 and postgis already installed"
    return
  fi
  echo "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

start() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log"; exit 1; }
    cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 120
shared_buffers = 1GB
work_mem = 16MB
maintenance_work_mem = 256MB
effective_cache_size = 1GB
wal_level = minimal
max_wal_senders = 0
jit = off
CONF
  fi
  as_owner taskset -c "$PG_CORE" "$PG_BIN/pg_ctl" -D "$dir" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null
  echo "postgresql started on 127.0.0.1:$port (data $dir, core $PG_CORE)"
}

stop() {
  local dir="$1"
  if [ -f "$dir/postmaster.pid" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    echo "postgresql stopped"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  *) echo "usage: $0 install | start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
