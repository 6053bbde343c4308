#!/usr/bin/env bash
# Sourced by run.sh and test.sh: starts (or reuses) the project's private PostgreSQL cluster under .data/pg
# and exports PG_ADMIN_CONN, an Npgsql connection string for its superuser on loopback.
# Only used when ConnectionStrings__Default is not set by the caller.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_DIR="${ALGOTRADE_PG_DIR:-$ROOT_DIR/.data/pg}"
PG_PORT="${ALGOTRADE_PG_PORT:-55432}"
PG_USER_OS=postgres

ensure_postgres_installed() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "==> Installing PostgreSQL (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  export PG_BIN
}

as_pg_user() {
  if [ "$(id -u)" = "0" ]; then
    su -s /bin/bash "$PG_USER_OS" -c "$*"
  else
    bash -c "$*"
  fi
}

start_private_postgres() {
  ensure_postgres_installed
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = "0" ]; then
    chown "$PG_USER_OS": "$PG_DIR"
    # postgres must be able to reach its data directory through every parent folder.
    local d="$PG_DIR"
    while [ "$d" != "/" ]; do d="$(dirname "$d")"; chmod o+x "$d" 2>/dev/null || true; done
  fi
  local data="$PG_DIR/data" pwfile="$PG_DIR/superuser.pw"
  if [ ! -s "$pwfile" ]; then
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$pwfile.tmp"
    mv "$pwfile.tmp" "$pwfile"
    chmod 600 "$pwfile"
    [ "$(id -u)" = "0" ] && chown "$PG_USER_OS": "$pwfile"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "==> Creating private PostgreSQL cluster in $data"
    as_pg_user "'$PG_BIN/initdb' -D '$data' -U postgres --pwfile='$pwfile' -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 300
shared_buffers = 256MB
fsync = on
CONF
  fi
  if ! as_pg_user "'$PG_BIN/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
    echo "==> Starting private PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg_user "'$PG_BIN/pg_ctl' -D '$data' -l '$PG_DIR/server.log' -w -t 60 start" >/dev/null
  fi
  local pw; pw="$(cat "$pwfile")"
  export PGPASSWORD="$pw"
  export PG_ADMIN_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$pw"
}

psql_admin() {
  PGPASSWORD="$PGPASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

stop_private_postgres() {
  as_pg_user "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
}
