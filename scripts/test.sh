#!/usr/bin/env bash
# Runs every test of Doorstep: the bench runner's own tests, the integration suite on SQLite and
# again on a real PostgreSQL server, the published app started as in production (scripts/publish-check.sh),
# then the browser tests in Debian's Chromium. Installs what is missing with apt (as root or with
# sudo), starts PostgreSQL, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

results="$PWD/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\n== %s\n' "$*"; }

# --- What the tests need from the machine --------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qiE 'wqy|noto (sans|serif) cjk' || missing+=(fonts-wqy-microhei)
# 随身听's server speech: espeak-ng's Mandarin voice, lame for MP3 (docs/deployment.md).
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v lame >/dev/null || missing+=(lame)
# The bench runner's tests run its wrk script for real.
command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- PostgreSQL: install if missing, start the cluster and a role for the tests ---------------------
say "starting PostgreSQL"
. scripts/postgres.sh
start_postgres
postgres=$POSTGRES_CONNECTION
if [ -z "$postgres" ] && [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be started; under CI that is a failure." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Build once, warnings as errors ---------------------------------------------------------------
say "building"
dotnet tool restore >/dev/null
if ! dotnet build Doorstep.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

say "checking formatting"
if ! dotnet format Doorstep.slnx --verify-no-changes --no-restore; then
  echo "formatting differs: run 'dotnet format Doorstep.slnx'" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

declare -A exit_codes # each run's exit code, by its results file's name

run() { # name, project, extra environment..., then optionally --filter EXPRESSION
  local name=$1 project=$2; shift 2
  local environment=() filter=()
  while [ $# -gt 0 ]; do
    if [ "$1" = --filter ]; then filter=(--filter "$2"); shift 2; else environment+=("$1"); shift; fi
  done
  say "tests: $name"
  env "${environment[@]}" dotnet test "$project" -c Release --no-build --nologo "${filter[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
  exit_codes[$name]=$?
}

run bench tests/Doorstep.BenchRunner.Tests
run sqlite tests/Doorstep.Tests DOORSTEP_TEST_DB=Sqlite
if [ -n "$postgres" ]; then
  # Classes that always run on SQLite files (start-up checks, backups) ran in the pass above.
  run postgres tests/Doorstep.Tests DOORSTEP_TEST_DB=Postgres "DOORSTEP_TEST_POSTGRES=$postgres" --filter "Database!=SqliteOnly"
else
  say "PostgreSQL is not available here: its run is skipped (never under CI)"
fi

say "publish: the published folder in Production, on SQLite and on PostgreSQL"
scripts/publish-check.sh "$results/publish.trx" "$postgres"
exit_codes[publish]=$?

run browser tests/Doorstep.BrowserTests

# --- One closing line from the real results --------------------------------------------------------
passed=0; failed=0; total_files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  total_files=$((total_files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  name=$(basename "$trx" .trx)
  if [ "${exit_codes[$name]:-0}" -ne 0 ] && [ $((${f:-0} + ${e:-0})) -eq 0 ]; then
    echo "the $name run ended with exit code ${exit_codes[$name]} although its results show no failure (a crashed test host?)" >&2
    failed=$((failed + 1))
  fi
done
expected_files=$([ -n "$postgres" ] && echo 5 || echo 4)
if [ "$total_files" -lt "$expected_files" ]; then
  failed=$((failed + expected_files - total_files)) # a run that wrote no results crashed
fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
