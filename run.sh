#!/usr/bin/env bash
# Sets everything up and serves AlgoTrade on http://localhost:5000.
# Without ConnectionStrings__Default it starts a private PostgreSQL under .data/ and seeds demo users.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/setup.sh

ensure_npm
restore_tools
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"

if [ -z "${ConnectionStrings__Default:-}" ]; then
  start_private_postgres
  if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname='algotrade'")" != "1" ]; then
    psql_admin -d postgres -c "CREATE DATABASE algotrade"
  fi
  export ConnectionStrings__Default="$PG_ADMIN_CONN;Database=algotrade"
fi

echo "==> Building"
dotnet build AlgoTrade.Web/AlgoTrade.Web.csproj -c Release -nologo -clp:ErrorsOnly
dotnet build AlgoTrade.Cli/AlgoTrade.Cli.csproj -c Release -nologo -clp:ErrorsOnly
echo "==> Applying database migrations"
dotnet run --no-build -c Release --project AlgoTrade.Cli -- db migrate

if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  cat <<MSG

  AlgoTrade is starting on $ASPNETCORE_URLS
  Demo accounts (Development only):
    admin   admin@algotrade.local   / Admin-Demo-2026!
    trader  trader@algotrade.local  / Trader-Demo-2026!
  Press Ctrl-C to stop.

MSG
fi
cd AlgoTrade.Web
exec dotnet run --no-build -c Release --no-launch-profile
