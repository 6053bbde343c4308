using System.Globalization;
using AlgoTrade.Tests.Exchanges.Fakes;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// The randomized part of the fault schedule, all drawn from one seed: which request meets which fault, the market's
/// price path with its gaps, clock skew, and which connections time out. The runtime handles one request at a time
/// in the test, so a seed replays the same schedule.
/// </summary>
public sealed class FaultSchedule
{
    /// <summary>Set this to replay a schedule, e.g. the one a failing CI run printed.</summary>
    public const string SeedVariable = "ALGOTRADE_FAULT_SEED";

    public static readonly FakeFaultKind[] OrderFaults =
    [
        FakeFaultKind.TimeoutAfterAccept, FakeFaultKind.ServerErrorAfterAccept, FakeFaultKind.BackendTimeoutAfterAccept,
        FakeFaultKind.TimeoutBeforeAccept, FakeFaultKind.ServerErrorBeforeAccept, FakeFaultKind.RateLimited, FakeFaultKind.IpBanned,
        FakeFaultKind.TimestampOutsideWindow, FakeFaultKind.InsufficientBalance, FakeFaultKind.PartialFill, FakeFaultKind.DuplicateAnswerAfterAccept,
    ];

    private static readonly FakeFaultKind[] LookupFaults =
    [
        FakeFaultKind.TimeoutBeforeAccept, FakeFaultKind.ServerErrorBeforeAccept, FakeFaultKind.RateLimited, FakeFaultKind.TimestampOutsideWindow,
    ];

    private static readonly FakeFaultKind[] MarketDataFaults =
    [
        FakeFaultKind.TimeoutBeforeAccept, FakeFaultKind.ServerErrorBeforeAccept, FakeFaultKind.ServerErrorBeforeAccept, FakeFaultKind.RateLimited,
        FakeFaultKind.RateLimited, FakeFaultKind.IpBanned,
    ];

    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _start;
    private readonly (DateTimeOffset At, double Factor)[] _gaps;
    private readonly Dictionary<string, (double Base, double Phase)> _symbols;
    private readonly Queue<FakeFaultKind> _orderFaultsFirst;

    public FaultSchedule(int seed, DateTimeOffset start, TimeSpan length)
    {
        Seed = seed;
        _random = new Random(seed);
        _start = start;
        // Three gaps somewhere in the run: the market jumps 6-12 % between two candles and stays there.
        _gaps = Enumerable.Range(0, 3)
            .Select(_ => (start + length * (0.15 + 0.7 * _random.NextDouble()), (_random.Next(2) == 0 ? -1 : 1) * (0.06 + 0.06 * _random.NextDouble())))
            .Select(g => (new DateTimeOffset(g.Item1.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero), 1 + g.Item2))
            .OrderBy(g => g.Item1).ToArray();
        // Every order fault is served at least twice, whatever the draws: the first order faults go through all of them.
        _orderFaultsFirst = new(OrderFaults.Concat(OrderFaults).OrderBy(_ => _random.Next()));
        _symbols = new()
        {
            ["BTCUSDT"] = (100, _random.NextDouble() * Math.PI * 2),
            ["ETHUSDT"] = (40, _random.NextDouble() * Math.PI * 2),
        };
    }

    public int Seed { get; }

    /// <summary>Per route, the share of requests that meet a fault while the schedule is on.</summary>
    public double OrderFaultRate { get; init; } = 0.45;
    public double LookupFaultRate { get; init; } = 0.15;
    public double TradesFaultRate { get; init; } = 0.1;
    public double MarketDataFaultRate { get; init; } = 0.02;
    public double ConnectTimeoutRate { get; init; } = 0.005;
    public double ClockSkewRate { get; init; } = 0.03;

    public bool Enabled { get; set; } = true;

    public int ConnectTimeouts { get; private set; }
    public int ClockSkews { get; private set; }
    public IReadOnlyList<(DateTimeOffset At, double Factor)> Gaps => _gaps;

    public static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>
    /// Two waves (about 7 and 3 minutes) around the symbol's base price, times every gap passed: the ema cross keeps
    /// signalling and the stops and take-profits keep firing.
    /// </summary>
    public decimal PriceAt(string symbol, DateTimeOffset at)
    {
        var (basePrice, phase) = _symbols.TryGetValue(symbol, out var s) ? s : (100, 0);
        var minutes = (at - _start).TotalMinutes;
        var price = basePrice * (1 + 0.02 * Math.Sin(2 * Math.PI * minutes / 7 + phase) + 0.008 * Math.Sin(2 * Math.PI * minutes / 2.9 + phase * 3));
        foreach (var (gapAt, factor) in _gaps)
            if (at >= gapAt) price *= factor;
        return Math.Round((decimal)price, 2);
    }

    public FakeFault? FaultFor(string route)
    {
        if (!Enabled) return null;
        lock (_gate)
        {
            var (rate, kinds) = route switch
            {
                "POST /api/v3/order" => (OrderFaultRate, OrderFaults),
                "GET /api/v3/order" => (LookupFaultRate, LookupFaults),
                "GET /api/v3/myTrades" => (TradesFaultRate, [FakeFaultKind.ServerErrorBeforeAccept]),
                "GET /api/v3/klines" or "GET /api/v3/ticker/price" => (MarketDataFaultRate, MarketDataFaults),
                _ => (0.0, Array.Empty<FakeFaultKind>()),
            };
            if (kinds.Length == 0 || _random.NextDouble() >= rate) return null;
            var kind = route == "POST /api/v3/order" && _orderFaultsFirst.TryDequeue(out var first) ? first : kinds[_random.Next(kinds.Length)];
            return kind switch
            {
                // The fake answers after 2 s, long after the client (0.4 s) has given up.
                FakeFaultKind.TimeoutAfterAccept or FakeFaultKind.TimeoutBeforeAccept => new FakeFault(kind, Delay: TimeSpan.FromSeconds(2)),
                FakeFaultKind.RateLimited => new FakeFault(kind, RetryAfterSeconds: _random.Next(1, 4)),
                FakeFaultKind.IpBanned => new FakeFault(kind, RetryAfterSeconds: _random.Next(10, 26)),
                _ => new FakeFault(kind),
            };
        }
    }

    /// <summary>Whether the next new connection hangs until the client's timeout, as a SYN into a black hole does.</summary>
    public bool ConnectTimesOut()
    {
        if (!Enabled) return false;
        lock (_gate)
        {
            if (_random.NextDouble() >= ConnectTimeoutRate) return false;
            ConnectTimeouts++;
            return true;
        }
    }

    /// <summary>Now and then the exchange's clock jumps up to 30 s either way: the client has to resync by itself.</summary>
    public TimeSpan? NextClockSkew()
    {
        if (!Enabled) return null;
        lock (_gate)
        {
            if (_random.NextDouble() >= ClockSkewRate) return null;
            ClockSkews++;
            return TimeSpan.FromSeconds((_random.Next(2) == 0 ? -1 : 1) * _random.Next(7, 31));
        }
    }

    public void Shuffle<T>(IList<T> items)
    {
        lock (_gate)
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
    }
}
