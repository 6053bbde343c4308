#!/usr/bin/env bash
# Publishes the shipped command line into OUT (default out/cli): OUT/algotrade is the Native AOT build of
# AlgoTrade.Cli.Native, which runs `backtest` itself and hands every other command to the managed CLI (ReadyToRun,
# framework-dependent) in OUT/managed/. Run commands as OUT/algotrade <command> (README, "Command line").
#   scripts/publish-cli.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
out=$(realpath -m "${1:-out/cli}")
ensure_native_toolchain
dotnet publish AlgoTrade.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -nologo -clp:ErrorsOnly -o "$out/managed" >/dev/null
dotnet publish AlgoTrade.Cli.Native -c Release -r linux-x64 -p:DebugType=none -nologo -clp:ErrorsOnly -o "$out" >/dev/null
echo "$out/algotrade"
