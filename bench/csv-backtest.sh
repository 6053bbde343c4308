#!/usr/bin/env bash
# Wall time of `algotrade backtest --json` over a 1,000,000-row one-minute Binance CSV, parse and JSON output
# included, measured from process start (docs/backtesting.md#speed). The CSV comes from the benchmark program's
# seeded generator, so every run reads the same bytes.
#   bench/csv-backtest.sh [rows=1000000] [runs=7]
# ALGOTRADE_BENCH_R2R=0 times the plain framework-dependent build instead of the ReadyToRun publish.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-7}
work=${ALGOTRADE_BENCH_DIR:-/tmp/algotrade-csv-bench}
mkdir -p "$work"

dotnet build bench/AlgoTrade.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
if [[ ! -s "$work/candles-$rows.csv" ]]; then
  dotnet bench/AlgoTrade.Benchmarks/bin/Release/net10.0/AlgoTrade.Benchmarks.dll generate-csv "$work/candles-$rows.csv" "$rows" >/dev/null
fi
cat > "$work/config.json" <<'JSON'
{
  "symbol": "BTCUSDT", "timeframe": "1m", "start": null, "end": null,
  "strategy_type": "ema_cross_rsi",
  "strategy_params": {"ema_fast": 12, "ema_slow": 26, "rsi_period": 14, "rsi_overbought": 70},
  "initial_capital": 10000, "position_size_perc": 50, "position_size_fixed": null,
  "stop_loss_perc": 1, "take_profit_perc": 2, "trailing_stop_perc": 0.5, "trailing_stop_active": true,
  "partial_take_profits_config": [{"percentage": 1, "ratio": 0.5}],
  "max_trade_duration_hours": 24, "daily_target_perc": null, "max_daily_loss_perc": null,
  "fee_rate": 0.001, "slippage_bps": 2
}
JSON

if [[ "${ALGOTRADE_BENCH_R2R:-1}" == 1 ]]; then
  dotnet publish AlgoTrade.Cli -c Release -nologo -clp:ErrorsOnly -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$work/cli" >/dev/null
  cli=("$work/cli/algotrade")
else
  dotnet build AlgoTrade.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
  cli=(dotnet AlgoTrade.Cli/bin/Release/net10.0/algotrade.dll)
fi

"${cli[@]}" backtest --config "$work/config.json" --data "$work/candles-$rows.csv" --json >"$work/result.json"  # warm the page cache
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "${cli[@]}" backtest --config "$work/config.json" --data "$work/candles-$rows.csv" --json >"$work/result.json"
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "rows=$rows runs=$runs wall ms: ${times[*]}"
echo "min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, json $(stat -c %s "$work/result.json") bytes, load $(cut -d' ' -f1-3 /proc/loadavg)"
