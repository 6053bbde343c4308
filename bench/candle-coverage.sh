#!/usr/bin/env bash
# Candle coverage (what `candles list` and the /candles page run) on a store with one series of 1,000,000 one-minute
# candles (a hole every 50,000) and 50 more series of 20,000 hourly candles; prints the coverage time next to the
# gaps-and-islands scan over the candles that it replaced, with the machine's load (docs/backtesting.md#candle-store).
#   ConnectionStrings__Default="Host=…;Username=…;Password=…" bench/candle-coverage.sh [rows=1000000] [others=50] [runs=20]
# The database `algotrade_bench_coverage` on that server is created, migrated and filled on the first run and kept
# (filling takes a few minutes); drop it to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ConnectionStrings__Default:?set ConnectionStrings__Default to a PostgreSQL server}"
connection="$(echo "$ConnectionStrings__Default" | sed -E 's/;?Database=[^;]*//I');Database=algotrade_bench_coverage"

dotnet build bench/AlgoTrade.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
echo "load before: $(uptime)"
dotnet bench/AlgoTrade.Benchmarks/bin/Release/net10.0/AlgoTrade.Benchmarks.dll coverage "$connection" "${1:-1000000}" "${2:-50}" "${3:-20}"
echo "load after:  $(uptime)"
