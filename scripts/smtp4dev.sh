#!/usr/bin/env bash
# Sourced by run.sh and test.sh: smtp4dev (the Rnwood.Smtp4dev dotnet tool from dotnet-tools.json), a local SMTP server
# with a web inbox, headless and bound to 127.0.0.1 only. Needs `dotnet tool restore` (restore_tools) first.

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! port_open "$p"; then echo "$p"; return 0; fi
  done
  echo "no free loopback port found" >&2
  return 1
}

# start_smtp4dev SMTP_PORT WEB_PORT DATA_DIR: starts it in the background, waits until both ports answer and sets
# SMTP4DEV_PID, SMTP4DEV_SMTP_PORT and SMTP4DEV_URL (the web inbox and its HTTP API).
start_smtp4dev() {
  local smtp_port="$1" web_port="$2" dir="$3"
  mkdir -p "$dir"
  echo "==> Starting smtp4dev (SMTP 127.0.0.1:$smtp_port, inbox http://127.0.0.1:$web_port)"
  dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$web_port" --smtpport="$smtp_port" --bindaddress=127.0.0.1 \
    --disableipv6 --imapport= --pop3port= --db= --nousersettings --baseappdatapath="$dir" \
    --messagestokeep=10000 --sessionstokeep=200 >"$dir/smtp4dev.log" 2>&1 &
  SMTP4DEV_PID=$!
  for _ in $(seq 1 120); do
    if ! kill -0 "$SMTP4DEV_PID" 2>/dev/null; then
      echo "smtp4dev exited during start-up; its log:" >&2
      tail -n 30 "$dir/smtp4dev.log" >&2
      return 1
    fi
    if port_open "$smtp_port" && port_open "$web_port"; then
      SMTP4DEV_SMTP_PORT="$smtp_port"
      SMTP4DEV_URL="http://127.0.0.1:$web_port"
      return 0
    fi
    sleep 0.5
  done
  echo "smtp4dev did not open its ports within 60 s; its log:" >&2
  tail -n 30 "$dir/smtp4dev.log" >&2
  return 1
}

stop_smtp4dev() {
  if [ -n "${SMTP4DEV_PID:-}" ] && kill -0 "$SMTP4DEV_PID" 2>/dev/null; then
    kill "$SMTP4DEV_PID" 2>/dev/null || true
    wait "$SMTP4DEV_PID" 2>/dev/null || true
  fi
  SMTP4DEV_PID=""
}
