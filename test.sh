#!/usr/bin/env bash
# Sets everything up and runs every test: PostgreSQL (a throwaway database per run), Chromium, .NET tools, npm packages.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
source scripts/postgres.sh
source scripts/setup.sh
source scripts/smtp4dev.sh

ensure_chromium
ensure_nginx
ensure_native_toolchain
ensure_npm
restore_tools

DB_NAME="algotrade_test_$(date +%s)_$$"
if [ -n "${ConnectionStrings__Default:-}" ]; then
  BASE_CONN="$ConnectionStrings__Default"
  echo "==> Using the configured PostgreSQL server"
else
  start_private_postgres
  BASE_CONN="$PG_ADMIN_CONN"
fi
export ConnectionStrings__Default="$(echo "$BASE_CONN" | sed -E 's/;?Database=[^;]*//I');Database=$DB_NAME"
export ALGOTRADE_CHROMIUM="${ALGOTRADE_CHROMIUM:-$(command -v chromium)}"

# A real SMTP server for the email tests, on free loopback ports; tests that need it fail (not skip) without it.
SMTP4DEV_DIR="$(mktemp -d)"
cleanup() {
  stop_smtp4dev
  rm -rf "$SMTP4DEV_DIR"
  if [ -n "${PG_BIN:-}" ] && [ -z "${KEEP_TEST_DB:-}" ]; then
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
if [ -n "${PG_BIN:-}" ]; then
  psql_admin -d postgres -c "CREATE DATABASE \"$DB_NAME\""
fi
start_smtp4dev "$(free_port)" "$(free_port)" "$SMTP4DEV_DIR"
export ALGOTRADE_SMTP4DEV_URL="$SMTP4DEV_URL" ALGOTRADE_SMTP4DEV_SMTP_PORT="$SMTP4DEV_SMTP_PORT"

echo "==> Building"
dotnet build AlgoTrade.Web.sln -c Release -nologo -clp:ErrorsOnly

echo "==> Testing (database $DB_NAME)"
mkdir -p TestResults
set +e
dotnet test AlgoTrade.Web.sln -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --logger "trx;LogFilePrefix=results" --results-directory "$ROOT/TestResults" "$@" 2>&1 | tee TestResults/test-output.log
status=${PIPESTATUS[0]}
set -e

count() { { grep -Eo "^ +$1: +[0-9]+" TestResults/test-output.log || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
# CI keeps only the tail of the output, so the failures are repeated here, after everything else.
if [ "$failed" != 0 ]; then
  echo "==> Failed tests"
  awk '/^  Failed [A-Za-z]/ {n = seen[$0]++ ? 0 : 20} /^  Passed |^\[xUnit/ {n = 0} n > 0 {print; n--}' TestResults/test-output.log | cut -c1-400
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
