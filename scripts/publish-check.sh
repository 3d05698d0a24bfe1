#!/usr/bin/env bash
# The deployable artifact, checked as an operator would use it (docs/deployment.md): publishes the
# app, starts the published folder from another directory in Production on an empty SQLite folder
# and on an empty PostgreSQL database, and checks /healthz, the static files, the file modes, the
# backup command and the refusals of a missing or wrong key. Writes its results as a small TRX:
#   scripts/publish-check.sh RESULTS.trx [POSTGRES_SERVER_CONNECTION]
set -uo pipefail
cd "$(dirname "$0")/.."
trx=$1
postgres=${2:-}
repo=$PWD
work=$(mktemp -d /tmp/doorstep-publish.XXXXXX)
out=$work/app
port=$((20000 + RANDOM % 20000))
key=$(head -c 32 /dev/urandom | base64)
results=()
pid=""

check() { # name, command...: records the outcome of the command
  local name=$1; shift
  if "$@" >>"$work/checks.log" 2>&1; then results+=("Passed|$name"); echo "  ok    $name"
  else results+=("Failed|$name"); echo "  FAIL  $name (see $work/checks.log and $work/app-*.log)"; fi
}

start() { # log name, environment...: the published app, started from a directory that is not its own
  local name=$1; shift
  (cd "$work" && exec env "$@" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$out/Doorstep.dll" >"$work/app-$name.log" 2>&1) &
  pid=$!
}

stop() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }

healthy() { # waits up to 60 s for /healthz to answer Healthy
  for _ in $(seq 1 120); do
    [ "$(curl -s "http://127.0.0.1:$port/healthz")" = "Healthy" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

refused() { # log name, expected text, environment...: the app exits non-zero within 60 s, saying why
  local name=$1 text=$2; shift 2
  start "$name" "$@"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then stop; return 1; fi
  wait "$pid"; local code=$?; pid=""
  [ "$code" -ne 0 ] && grep -q "$text" "$work/app-$name.log"
}

mode_is() { [ "$(stat -c %a "$2")" = "$1" ]; }
page_ok() { curl -sf "http://127.0.0.1:$port$1" | grep -q "$2"; }

echo "publishing to $out"
check "dotnet publish src/Doorstep gives a complete folder" \
  dotnet publish "$repo/src/Doorstep" -c Release -o "$out" --nologo -clp:ErrorsOnly -v:quiet
check "the published folder has no separate migrations assemblies" bash -c "! ls '$out'/Doorstep.Migrations.* 2>/dev/null"

sqlite=(Doorstep__DataDirectory="$work/sqlite/data")
start sqlite "${sqlite[@]}" Doorstep__PersonalDataKey="$key"
check "SQLite: the published app starts in Production on an empty data folder and /healthz is Healthy" healthy
check "SQLite: it finds its wwwroot and pages when started from another directory" \
  bash -c "curl -sf http://127.0.0.1:$port/css/site.css >/dev/null && curl -sf http://127.0.0.1:$port/Accounts/SignIn | grep -q '登录'"
check "SQLite: the data folder is 0700 and doorstep.db 0600" \
  bash -c "[ \$(stat -c %a '$work/sqlite/data') = 700 ] && [ \$(stat -c %a '$work/sqlite/data/doorstep.db') = 600 ]"
check "SQLite: backup writes a checked copy while the app runs" \
  bash -c "cd '$work' && env ${sqlite[*]} Doorstep__PersonalDataKey='$key' ASPNETCORE_ENVIRONMENT=Production dotnet '$out/Doorstep.dll' backup '$work/backup.db' && [ -s '$work/backup.db' ] && [ ! -e '$work/backup.db.partial' ]"
stop
check "SQLite: a start with another key is refused, saying so" \
  refused wrong-key "个人信息密钥与数据库不符" "${sqlite[@]}" Doorstep__PersonalDataKey="$(head -c 32 /dev/urandom | base64)"
check "SQLite: a start in Production without a key is refused, saying so" \
  refused no-key "缺少个人信息密钥" Doorstep__DataDirectory="$work/sqlite/other"

if [ -n "$postgres" ]; then
  database="doorstep_publish_$$"
  admin=$(sed -E 's/;?Database=[^;]*//I' <<<"$postgres")
  connection="$admin;Database=$database"
  user=$(sed -nE 's/.*Username=([^;]*).*/\1/Ip' <<<"$postgres"); password=$(sed -nE 's/.*Password=([^;]*).*/\1/Ip' <<<"$postgres")
  PGPASSWORD=$password psql -q -h 127.0.0.1 -U "$user" -d postgres -c "CREATE DATABASE $database" >>"$work/checks.log" 2>&1
  pg=(Database__Provider=Postgres "Database__ConnectionString=$connection" Database__MigrateOnStart=false Doorstep__PersonalDataKey="$key")
  check "PostgreSQL: migrate upgrades an empty database and exits" \
    bash -c "cd '$work' && env \"\$@\" ASPNETCORE_ENVIRONMENT=Production dotnet '$out/Doorstep.dll' migrate" _ "${pg[@]}"
  start postgres "${pg[@]}"
  check "PostgreSQL: the published app starts in Production (migrating on start off) and /healthz is Healthy" healthy
  stop
  PGPASSWORD=$password psql -q -h 127.0.0.1 -U "$user" -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >>"$work/checks.log" 2>&1
else
  echo "  PostgreSQL is not available: its part is skipped (scripts/test.sh fails a CI run without it)"
fi
stop

passed=0; failed=0
for r in "${results[@]}"; do [ "${r%%|*}" = Passed ] && passed=$((passed + 1)) || failed=$((failed + 1)); done
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<TestRun name="publish-check" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">'
  echo "  <ResultSummary outcome=\"$([ $failed -eq 0 ] && echo Completed || echo Failed)\">"
  echo "    <Counters total=\"$((passed + failed))\" executed=\"$((passed + failed))\" passed=\"$passed\" failed=\"$failed\" error=\"0\" />"
  echo '  </ResultSummary>'
  echo '  <Results>'
  for r in "${results[@]}"; do
    name=${r#*|}; name=${name//&/&amp;}; name=${name//</&lt;}
    echo "    <UnitTestResult testName=\"$name\" outcome=\"${r%%|*}\" />"
  done
  echo '  </Results>'
  echo '</TestRun>'
} >"$trx"
echo "publish check: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && rm -rf "$work"
[ "$failed" -eq 0 ]
