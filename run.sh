#!/usr/bin/env bash
# Sets everything up and serves AlgoTrade on http://localhost:5000.
# Without ConnectionStrings__Default it starts a private PostgreSQL under .data/ and seeds demo users.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/setup.sh
source scripts/smtp4dev.sh

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

INBOX_LINE=""
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ] && [ -z "${Smtp__Host:-}" ]; then
  # Development sends real email to smtp4dev on this machine, so verification and reset links can be followed.
  SMTP4DEV_SMTP="${SMTP4DEV_SMTP_PORT_DEV:-2525}" SMTP4DEV_WEB="${SMTP4DEV_WEB_PORT_DEV:-5081}"
  if port_open "$SMTP4DEV_SMTP" || port_open "$SMTP4DEV_WEB"; then
    echo "==> Port $SMTP4DEV_SMTP or $SMTP4DEV_WEB is taken; assuming smtp4dev is already running there"
  else
    start_smtp4dev "$SMTP4DEV_SMTP" "$SMTP4DEV_WEB" "$(pwd)/.data/smtp4dev"
    trap stop_smtp4dev EXIT
  fi
  export Smtp__Host=127.0.0.1 Smtp__Port="$SMTP4DEV_SMTP" Smtp__Security=None Smtp__From="AlgoTrade <noreply@algotrade.local>"
  export Email__BaseUrl="${Email__BaseUrl:-${ASPNETCORE_URLS%%;*}}"
  INBOX_LINE="  Emails (verification, password reset, notifications): http://127.0.0.1:$SMTP4DEV_WEB"
fi

if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  cat <<MSG

  AlgoTrade is starting on $ASPNETCORE_URLS
  Demo accounts (Development only):
    admin   admin@algotrade.local   / Admin-Demo-2026!
    trader  trader@algotrade.local  / Trader-Demo-2026!
$INBOX_LINE
  Press Ctrl-C to stop.

MSG
fi
cd AlgoTrade.Web
# Not exec: smtp4dev (when this script started it) stops with the app.
dotnet run --no-build -c Release --no-launch-profile
