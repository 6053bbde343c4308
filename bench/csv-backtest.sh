#!/usr/bin/env bash
# Wall time of `algotrade backtest --json` over a 1,000,000-row one-minute Binance CSV, parse and JSON output
# included, measured from process start (docs/backtesting.md#speed). The CSV comes from the benchmark program's
# seeded generator, so every run reads the same bytes.
#   bench/csv-backtest.sh [rows=1000000] [runs=7]
# It times the shipped command line (scripts/publish-cli.sh: the Native AOT algotrade runs backtest itself).
# ALGOTRADE_BENCH_CLI=r2r times the managed CLI's ReadyToRun publish instead (what shipped before), =build its plain
# framework-dependent build.
# ALGOTRADE_BENCH_PRIORITY=1 runs each timed run in its own scheduler autogroup at nice -20 (needs root): on a machine
# busy with other work this approximates an idle one for the measured process (with autogroups, plain `nice` only
# ranks a process within its own session). ALGOTRADE_TIMINGS=1 adds the CLI's per-phase breakdown of the last run.
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

case "${ALGOTRADE_BENCH_CLI:-native}" in
  native)
    scripts/publish-cli.sh "$work/cli" >/dev/null
    cli=("$work/cli/algotrade") ;;
  r2r)
    dotnet publish AlgoTrade.Cli -c Release -nologo -clp:ErrorsOnly -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$work/cli-r2r" >/dev/null
    cli=("$work/cli-r2r/algotrade") ;;
  build)
    dotnet build AlgoTrade.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
    cli=(dotnet AlgoTrade.Cli/bin/Release/net10.0/algotrade.dll) ;;
  *) echo "ALGOTRADE_BENCH_CLI is native, r2r or build" >&2; exit 2 ;;
esac

"${cli[@]}" backtest --config "$work/config.json" --data "$work/candles-$rows.csv" --json >"$work/result.json"  # warm the page cache
# CPU time (user+sys, all threads) depends far less on the other load on the machine than wall time does.
prio=()
if [[ "${ALGOTRADE_BENCH_PRIORITY:-0}" == 1 ]]; then
  prio=(setsid bash -c 'echo -20 > /proc/$$/autogroup && exec "$@"' bash)
fi
times=() cpus=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "${prio[@]}" /usr/bin/time -f '%U %S' -o "$work/cpu" \
    "${cli[@]}" backtest --config "$work/config.json" --data "$work/candles-$rows.csv" --json >"$work/result.json" 2>"$work/stderr"
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
  cpus+=("$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
sorted_cpu=($(printf '%s\n' "${cpus[@]}" | sort -n))
grep '^timing:' "$work/stderr" || true
echo "rows=$rows runs=$runs${prio:+ (autogroup nice -20)} wall ms: ${times[*]}; user+sys ms: ${cpus[*]}"
echo "wall min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms; user+sys min ${sorted_cpu[0]} ms, median ${sorted_cpu[$((runs / 2))]} ms;" \
  "json $(stat -c %s "$work/result.json") bytes, load $(cut -d' ' -f1-3 /proc/loadavg)"
