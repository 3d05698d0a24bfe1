#!/usr/bin/env bash
# The benchmark suite's one command (see bench/README.md):
#   bench/run.sh [--members 1000000] [--databases "sqlite postgres"] [runner options...]
# Installs wrk (and PostgreSQL when it is asked for) with apt if missing, builds Release, then
# bench/Doorstep.BenchRunner makes a fresh data set per database, measures, and writes
# bench/results/*.json and docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\n== %s\n' "$*"; }

members=1000000
databases="sqlite postgres"
passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --members) members=$2; shift 2 ;;
    --databases) databases=$2; shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

if ! command -v wrk >/dev/null; then
  say "installing wrk"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null
fi

postgres=()
if [[ " $databases " == *" postgres "* ]]; then
  say "starting PostgreSQL"
  . scripts/postgres.sh
  start_postgres
  if [ -z "$POSTGRES_CONNECTION" ]; then
    echo "PostgreSQL could not be started; run with --databases sqlite to measure SQLite alone." >&2
    exit 1
  fi
  postgres=(--postgres "$POSTGRES_CONNECTION")
fi

say "building Release"
projects=(src/Doorstep bench/Doorstep.BenchRunner)
[ -d bench/Doorstep.Benchmarks ] && projects+=(bench/Doorstep.Benchmarks)
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v:quiet
done

say "measuring"
dotnet bench/Doorstep.BenchRunner/bin/Release/net10.0/Doorstep.BenchRunner.dll run \
  --members "$members" --databases "$databases" "${postgres[@]}" "${passthrough[@]}"
