#!/usr/bin/env bash
# The Candles page's paged coverage query (CandleStore.CoveragePageAsync) on a store of 2,000 series with 20 gaps each,
# next to what the page ran before (every series' coverage, paged in memory), with the machine's load
# (docs/backtesting.md#candle-store).
#   ConnectionStrings__Default="Host=…;Username=…;Password=…" bench/candle-coverage-page.sh [series=2000] [candles=500] [gaps=20] [runs=20]
# The database `algotrade_bench_coverage_page_<series>_<candles>_<gaps>` on that server is created, migrated and filled
# through the store on the first run with those numbers and kept; drop it to start over.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ConnectionStrings__Default:?set ConnectionStrings__Default to a PostgreSQL server}"
series="${1:-2000}" candles="${2:-500}" gaps="${3:-20}" runs="${4:-20}"
connection="$(echo "$ConnectionStrings__Default" | sed -E 's/;?Database=[^;]*//I');Database=algotrade_bench_coverage_page_${series}_${candles}_${gaps}"

dotnet build bench/AlgoTrade.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
echo "load before: $(uptime)"
dotnet bench/AlgoTrade.Benchmarks/bin/Release/net10.0/AlgoTrade.Benchmarks.dll coverage-page "$connection" "$series" "$candles" "$gaps" "$runs"
echo "load after:  $(uptime)"
