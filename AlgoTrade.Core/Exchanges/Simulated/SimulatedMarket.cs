using System.Collections.Concurrent;

namespace AlgoTrade.Core.Exchanges.Simulated;

/// <summary>
/// A deterministic synthetic market. Each symbol follows a daily log-price walk (geometric Brownian motion with slow
/// mean reversion to its level, three volatility regimes and rare jumps); inside a day a Brownian bridge between the
/// day's anchors gives the 1m path. Every timeframe aggregates those same 1m klines, so they always agree.
/// </summary>
public sealed class SimulatedMarket
{
    /// <summary>History starts here; nothing is generated before it.</summary>
    public static readonly DateTime Origin = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const int MinutesPerDay = 1440;
    private static readonly double[] RegimeVolatility = [0.6, 1.0, 2.2];

    private readonly long _seed;
    private readonly int _cachedDays;
    private readonly Dictionary<string, SimulatedSymbol> _symbols;
    private readonly ConcurrentDictionary<string, DailyWalk> _walks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Symbol, int Day), Kline[]> _days = new();
    private readonly ConcurrentDictionary<(string Symbol, int Day), Kline> _daySummaries = new();
    private readonly ConcurrentQueue<(string Symbol, int Day)> _dayOrder = new();

    public SimulatedMarket(SimulatedMarketOptions options)
    {
        _seed = options.Seed;
        _cachedDays = Math.Max(4, options.CachedDays);
        _symbols = SimulatedSymbol.Catalog.ToDictionary(s => s.Info.Symbol, StringComparer.Ordinal);
    }

    public IReadOnlyList<SymbolInfo> Symbols => SimulatedSymbol.Catalog.Select(s => s.Info).ToList();

    public SymbolInfo? FindSymbol(string symbol) => _symbols.TryGetValue(symbol.ToUpperInvariant(), out var s) ? s.Info : null;

    /// <summary>The price at any instant: the 1m path, interpolated linearly inside the minute.</summary>
    public decimal PriceAt(string symbol, DateTime time)
    {
        var s = Get(symbol);
        var t = Clamp(time);
        var minuteOpen = KlineIntervals.OpenTimeOf("1m", t);
        var k = Minute(s, minuteOpen);
        var fraction = (decimal)(t - minuteOpen).Ticks / TimeSpan.TicksPerMinute;
        return RoundToTick(k.Open + (k.Close - k.Open) * fraction, s.Info.TickSize);
    }

    /// <summary>Klines of <paramref name="interval"/> opening from <paramref name="firstOpen"/> to <paramref name="lastOpen"/> inclusive.</summary>
    public IReadOnlyList<Kline> GetKlines(string symbol, string interval, DateTime firstOpen, DateTime lastOpen)
    {
        var s = Get(symbol);
        var length = KlineIntervals.Length(interval);
        var result = new List<Kline>();
        for (var open = firstOpen; open <= lastOpen; open += length)
        {
            if (open < Origin)
                continue;
            result.Add(interval == "1m" ? Minute(s, open) : Aggregate(s, open, length));
        }
        return result;
    }

    private Kline Aggregate(SimulatedSymbol s, DateTime open, TimeSpan length)
    {
        var close = open + length;
        if (length.Ticks % TimeSpan.TicksPerDay == 0)
            return Merge(Enumerable.Range(0, (int)(length.Ticks / TimeSpan.TicksPerDay)).Select(d => DaySummary(s, DayIndex(open) + d)), open, close);
        var day = Day(s, DayIndex(open));
        var first = (int)((open - DayStart(DayIndex(open))).Ticks / TimeSpan.TicksPerMinute);
        return Merge(new ArraySegment<Kline>(day, first, (int)(length.Ticks / TimeSpan.TicksPerMinute)), open, close);
    }

    private static Kline Merge(IEnumerable<Kline> parts, DateTime open, DateTime close)
    {
        decimal o = 0, h = decimal.MinValue, l = decimal.MaxValue, c = 0, v = 0;
        var any = false;
        foreach (var k in parts)
        {
            if (!any)
                o = k.Open;
            any = true;
            h = Math.Max(h, k.High);
            l = Math.Min(l, k.Low);
            c = k.Close;
            v += k.Volume;
        }
        return new Kline(open, close.AddMilliseconds(-1), o, h, l, c, v);
    }

    private Kline Minute(SimulatedSymbol s, DateTime open)
    {
        var dayIndex = DayIndex(open);
        return Day(s, dayIndex)[(int)((open - DayStart(dayIndex)).Ticks / TimeSpan.TicksPerMinute)];
    }

    private Kline DaySummary(SimulatedSymbol s, int dayIndex) =>
        _daySummaries.GetOrAdd((s.Info.Symbol, dayIndex), key => Merge(Day(s, key.Day), DayStart(key.Day), DayStart(key.Day + 1)));

    private Kline[] Day(SimulatedSymbol s, int dayIndex)
    {
        if (_days.TryGetValue((s.Info.Symbol, dayIndex), out var cached))
            return cached;
        var built = BuildDay(s, dayIndex);
        if (_days.TryAdd((s.Info.Symbol, dayIndex), built))
        {
            _dayOrder.Enqueue((s.Info.Symbol, dayIndex));
            while (_dayOrder.Count > _cachedDays && _dayOrder.TryDequeue(out var old))
                _days.TryRemove(old, out _);
        }
        return built;
    }

    private Kline[] BuildDay(SimulatedSymbol s, int dayIndex)
    {
        var walk = _walks.GetOrAdd(s.Info.Symbol, _ => new DailyWalk(s, SplitMix64.Mix((ulong)_seed, SplitMix64.Hash(s.Info.Symbol))));
        var (start, end, volatility, jump) = walk.Day(dayIndex);
        var rng = new SplitMix64(SplitMix64.Mix(walk.Seed, 0x5EED_0000_0000UL + (ulong)dayIndex));
        var sigma = volatility / Math.Sqrt(MinutesPerDay);

        // Brownian bridge from start to end; a jump day shows its jump as one step at a random minute.
        Span<double> w = stackalloc double[MinutesPerDay + 1];
        var jumpMinute = jump != 0 ? (int)(rng.NextDouble() * MinutesPerDay) : -1;
        for (var m = 0; m < MinutesPerDay; m++)
            w[m + 1] = w[m] + sigma * rng.NextGaussian() + (m == jumpMinute ? jump : 0);
        var total = w[MinutesPerDay];

        var tick = s.Info.TickSize;
        var dayStart = DayStart(dayIndex);
        var klines = new Kline[MinutesPerDay];
        var previousClose = RoundToTick((decimal)Math.Exp(start), tick);
        for (var m = 0; m < MinutesPerDay; m++)
        {
            var f = (m + 1) / (double)MinutesPerDay;
            var logClose = start + f * (end - start) + w[m + 1] - f * total;
            var open = previousClose;
            var close = RoundToTick((decimal)Math.Exp(logClose), tick);
            var wick = sigma * 0.6;
            var high = Math.Max(Math.Max(open, close), RoundToTick(Math.Max(open, close) * (decimal)Math.Exp(Math.Abs(rng.NextGaussian()) * wick), tick));
            var low = Math.Min(Math.Min(open, close), RoundToTick(Math.Min(open, close) * (decimal)Math.Exp(-Math.Abs(rng.NextGaussian()) * wick), tick));
            var move = Math.Abs(logClose - Math.Log((double)open)) / sigma;
            var volume = Math.Round((decimal)(s.VolumePerMinute * Math.Exp(0.4 * rng.NextGaussian()) * (0.5 + 0.5 * move)), 4);
            var openTime = dayStart.AddMinutes(m);
            klines[m] = new Kline(openTime, openTime.AddMinutes(1).AddMilliseconds(-1), open, high, Math.Max(low, tick), close, volume);
            previousClose = close;
        }
        return klines;
    }

    private SimulatedSymbol Get(string symbol) =>
        _symbols.TryGetValue(symbol.ToUpperInvariant(), out var s) ? s : throw new ArgumentException($"Unknown simulated symbol '{symbol}'.", nameof(symbol));

    private static DateTime Clamp(DateTime time) => time < Origin ? Origin : time;

    private static int DayIndex(DateTime time) => (int)((time - Origin).Ticks / TimeSpan.TicksPerDay);

    private static DateTime DayStart(int dayIndex) => Origin.AddDays(dayIndex);

    private static decimal RoundToTick(decimal price, decimal tick) => Math.Max(tick, Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick);

    /// <summary>The day-by-day anchors of one symbol, extended lazily; each day depends on the one before.</summary>
    private sealed class DailyWalk(SimulatedSymbol symbol, ulong seed)
    {
        private const double MeanReversionPerDay = 0.01;
        private const double JumpProbability = 0.03;
        private const double RegimeStayProbability = 0.94;

        private readonly Lock _gate = new();
        private readonly List<double> _logPrice = [Math.Log(symbol.BasePrice)];
        private readonly List<double> _volatility = [];
        private readonly List<double> _jump = [];
        private int _regime = 1;

        public ulong Seed { get; } = seed;

        /// <summary>Log price at the start and end of the day, its daily volatility and its jump (0 for none).</summary>
        public (double Start, double End, double Volatility, double Jump) Day(int dayIndex)
        {
            lock (_gate)
            {
                var level = Math.Log(symbol.BasePrice);
                while (_volatility.Count <= dayIndex)
                {
                    var d = _volatility.Count;
                    var rng = new SplitMix64(SplitMix64.Mix(Seed, (ulong)d));
                    if (rng.NextDouble() > RegimeStayProbability)
                        _regime = (_regime + 1 + (int)(rng.NextDouble() * 2)) % RegimeVolatility.Length;
                    var sigma = symbol.DailyVolatility * RegimeVolatility[_regime];
                    var jump = rng.NextDouble() < JumpProbability ? rng.NextGaussian() * 4 * symbol.DailyVolatility : 0;
                    var current = _logPrice[d];
                    _logPrice.Add(current - 0.5 * sigma * sigma + sigma * rng.NextGaussian() + jump - MeanReversionPerDay * (current - level));
                    _volatility.Add(sigma);
                    _jump.Add(jump);
                }
                return (_logPrice[dayIndex], _logPrice[dayIndex + 1], _volatility[dayIndex], _jump[dayIndex]);
            }
        }
    }
}
