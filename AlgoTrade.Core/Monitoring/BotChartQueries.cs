using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Monitoring;

/// <summary>Candles of the bot's symbol and timeframe from its exchange, the strategy's indicator lines and a marker per fill.</summary>
public sealed class BotChartQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory, IExchangeClientFactory exchanges)
{
    public const int CandleCount = 300;

    /// <summary>Null when the bot is not the user's.</summary>
    public async Task<BotChartData?> GetAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bot = await db.BotConfigs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
        if (bot is null) return null;
        if (!Timeframe.TryParse(bot.Timeframe, out var timeframe))
            return new BotChartData([], [], [], $"Unknown timeframe '{bot.Timeframe}'.");

        var parameters = StrategyRegistry.TryGet(bot.StrategyType, out var definition)
            ? definition.Validate(bot.StrategyParams.RootElement).Parameters
            : null;
        // Enough extra history that the indicators are warmed up at the first candle shown.
        var warmUp = parameters is null ? 0 : definition!.WarmUpPeriod(parameters) * 3;
        var klines = await exchanges.Create(bot.ExchangeName).GetClosedKlinesAsync(bot.Symbol, bot.Timeframe, Math.Min(1000, CandleCount + warmUp), ct: ct);
        if (!klines.Success)
            return new BotChartData([], [], [], $"{bot.ExchangeName}: {klines.Error.Message}");

        var all = klines.Data;
        var shown = all.Skip(Math.Max(0, all.Count - CandleCount)).ToList();
        var candles = shown.Select(k => new ChartCandle(BotMonitorQueries.ToUnix(k.OpenTime), (double)k.Open, (double)k.High, (double)k.Low, (double)k.Close)).ToList();
        var overlays = parameters is null
            ? []
            : StrategyOverlays.For(definition!, parameters, all)
                .Select(o => o with { Points = o.Points.Where(p => candles.Count > 0 && p.Time >= candles[0].Time).ToList() })
                .ToList();

        var markers = new List<ChartMarker>();
        if (shown.Count > 0)
        {
            var from = shown[0].OpenTime;
            var trades = await db.Trades.AsNoTracking()
                .Where(t => t.BotConfigId == botId && t.UserId == userId && t.Timestamp >= from)
                .OrderBy(t => t.Timestamp).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Timestamp, t.Side, t.Price, t.QuantityFilled, t.Pnl, Reason = t.ExitReason ?? t.EntryReason })
                .ToListAsync(ct);
            var lastOpen = shown[^1].OpenTime;
            foreach (var t in trades)
            {
                var open = Floor(t.Timestamp, timeframe.Duration);
                var time = BotMonitorQueries.ToUnix(open > lastOpen ? lastOpen : open);
                var buy = t.Side == OrderSide.Buy;
                var text = buy
                    ? $"Buy {t.Reason}"
                    : $"Sell {t.Reason}{(t.Pnl is { } pnl ? $" {pnl:+0.00;-0.00;0.00}" : "")}";
                markers.Add(new ChartMarker(time, t.Id, t.Side.ToText(), (double)t.Price, t.Reason ?? "", text));
            }
        }
        return new BotChartData(candles, overlays, markers, null);
    }

    private static DateTime Floor(DateTime utc, TimeSpan step) => new(utc.Ticks - utc.Ticks % step.Ticks, DateTimeKind.Utc);
}
