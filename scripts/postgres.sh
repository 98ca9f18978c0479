#!/bin/bash
# A throwaway PostgreSQL from Debian's packages for tests: scripts/postgres.sh start|stop|url|status
#   start  initializes .state/postgres (once), starts it on 127.0.0.1:${ISOLAB_TEST_PG_PORT:-5433}
#          as the postgres user, creates database isolab owned by a password user isolab, and
#          prints the JDBC URL (user and password included) on stdout. Idempotent.
#   stop   stops this instance only (the data directory's postmaster), never another cluster.
#   url    prints the JDBC URL of an initialized instance.
# Progress goes to stderr, so `url=$(scripts/postgres.sh start)` captures only the URL.
set -euo pipefail
source "$(dirname "$0")/lib.sh" >&2
need_root
PORT=${ISOLAB_TEST_PG_PORT:-5433}
DATA="$ISOLAB_STATE/postgres"
PASSFILE="$ISOLAB_STATE/postgres-password"   # outside DATA, readable by root only
LOG="$ISOLAB_STATE/logs/postgres.log"
mkdir -p "$ISOLAB_STATE/logs"

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] || fail "PostgreSQL server binaries missing: apt-get install postgresql (scripts/host-setup.sh does)"
  echo "$d"
}
as_pg() { runuser -u postgres -- "$@"; }
running() { [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
url() { echo "jdbc:postgresql://127.0.0.1:$PORT/isolab?user=isolab&password=$(cat "$PASSFILE")"; }
# psql as the superuser over TCP (no unix socket: its path could exceed 107 bytes under .state).
psql_admin() { PGCONNECT_TIMEOUT=15 PGPASSWORD=$(cat "$PASSFILE") as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }

init() {
  id postgres >/dev/null 2>&1 || fail "no postgres user: apt-get install postgresql"
  if [ ! -s "$PASSFILE" ]; then (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PASSFILE"); fi
  [ -f "$DATA/PG_VERSION" ] && return 0
  step "Initializing PostgreSQL in $DATA" >&2
  rm -rf "$DATA"; mkdir -p "$DATA"; chown postgres: "$DATA"; chmod 700 "$DATA"
  local pw; pw=$(mktemp); cp "$PASSFILE" "$pw"; chown postgres "$pw"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pw" --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$LOG.init" 2>&1 || { rm -f "$pw"; cat "$LOG.init" >&2; fail "initdb failed"; }
  rm -f "$pw"
}

start() {
  init
  if running; then
    # postmaster.pid, line 4: the port this instance listens on
    local actual; actual=$(sed -n 4p "$DATA/postmaster.pid")
    [ "$actual" = "$PORT" ] || fail "the test PostgreSQL in $DATA runs on port $actual, not $PORT: scripts/postgres.sh stop first"
    info "PostgreSQL already running in $DATA" >&2
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      fail "port $PORT is taken by another process (set ISOLAB_TEST_PG_PORT)"
    fi
    step "Starting PostgreSQL on 127.0.0.1:$PORT" >&2
    mkdir -p "$(dirname "$LOG")"; touch "$LOG"; chown postgres "$LOG"
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 90 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='' -c fsync=off" start >&2 \
      || { tail -n 20 "$LOG" >&2; fail "PostgreSQL did not start (log: $LOG)"; }
  fi
  local pw; pw=$(cat "$PASSFILE")
  # Idempotent: the role's password follows the password file, the database is created once.
  psql_admin -d postgres >&2 <<SQL
SELECT 'CREATE ROLE isolab LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'isolab')\gexec
ALTER ROLE isolab PASSWORD '$pw';
SELECT 'CREATE DATABASE isolab OWNER isolab' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'isolab')\gexec
SQL
  url
}

stop() {
  if running; then
    step "Stopping PostgreSQL in $DATA" >&2
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >&2
  else
    info "PostgreSQL in $DATA is not running" >&2
  fi
}

BIN=$(pg_bin)
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) [ -s "$PASSFILE" ] || fail "not initialized: scripts/postgres.sh start"; url ;;
  status) if running; then echo running; else echo stopped; exit 1; fi ;;
  *) echo "usage: scripts/postgres.sh start|stop|url|status" >&2; exit 2 ;;
esac
