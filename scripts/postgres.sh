#!/usr/bin/env bash
# PostgreSQL for the tests and the benchmarks, sourced by scripts/test.sh and bench/run.sh:
#   . scripts/postgres.sh && start_postgres
# installs PostgreSQL with apt when no server is installed (as root or through sudo), starts the newest
# installed cluster (no systemd needed) and makes sure the role doorstep_test (CREATEDB) exists. Sets
# POSTGRES_CONNECTION to its connection string, or leaves it empty when no server could be started.

_pg_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

start_postgres() {
  POSTGRES_CONNECTION=""
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    # Only when none is installed: installing over an installed server would upgrade it.
    _pg_as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive _pg_as_root apt-get install -y -qq postgresql >/dev/null
  fi

  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || return 0
  pg_lsclusters -h 2>/dev/null | grep -q "^$version main" || _pg_as_root pg_createcluster "$version" main >/dev/null
  _pg_as_root pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 || return 0

  _pg_as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'doorstep_test'" | grep -q 1 \
    || _pg_as_root runuser -u postgres -- psql -qc "CREATE ROLE doorstep_test LOGIN CREATEDB PASSWORD 'doorstep_test'"
  POSTGRES_CONNECTION="Host=127.0.0.1;Port=5432;Username=doorstep_test;Password=doorstep_test"
  export POSTGRES_CONNECTION
}
