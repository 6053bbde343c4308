using System.Diagnostics.CodeAnalysis;

namespace AlgoTrade.Core.Market;

/// <summary>A candle interval as Binance names it (<c>1m</c> … <c>1d</c>).</summary>
public sealed class Timeframe
{
    private Timeframe(string code, TimeSpan duration)
    {
        Code = code;
        Duration = duration;
    }

    public string Code { get; }
    public TimeSpan Duration { get; }

    public static Timeframe M1 { get; } = new("1m", TimeSpan.FromMinutes(1));
    public static Timeframe M3 { get; } = new("3m", TimeSpan.FromMinutes(3));
    public static Timeframe M5 { get; } = new("5m", TimeSpan.FromMinutes(5));
    public static Timeframe M15 { get; } = new("15m", TimeSpan.FromMinutes(15));
    public static Timeframe M30 { get; } = new("30m", TimeSpan.FromMinutes(30));
    public static Timeframe H1 { get; } = new("1h", TimeSpan.FromHours(1));
    public static Timeframe H2 { get; } = new("2h", TimeSpan.FromHours(2));
    public static Timeframe H4 { get; } = new("4h", TimeSpan.FromHours(4));
    public static Timeframe H6 { get; } = new("6h", TimeSpan.FromHours(6));
    public static Timeframe H8 { get; } = new("8h", TimeSpan.FromHours(8));
    public static Timeframe H12 { get; } = new("12h", TimeSpan.FromHours(12));
    public static Timeframe D1 { get; } = new("1d", TimeSpan.FromDays(1));

    public static IReadOnlyList<Timeframe> All { get; } = [M1, M3, M5, M15, M30, H1, H2, H4, H6, H8, H12, D1];

    public static bool TryParse(string? code, [NotNullWhen(true)] out Timeframe? timeframe)
    {
        timeframe = All.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.Ordinal));
        return timeframe is not null;
    }

    public static Timeframe Parse(string code) =>
        TryParse(code, out var tf)
            ? tf
            : throw new FormatException($"Unknown timeframe '{code}'. Use one of: {string.Join(' ', All.Select(t => t.Code))}.");

    /// <summary>Close time of a candle that opens at <paramref name="openTime"/>.</summary>
    public DateTime CloseTimeOf(DateTime openTime) => openTime + Duration;

    public override string ToString() => Code;
}
