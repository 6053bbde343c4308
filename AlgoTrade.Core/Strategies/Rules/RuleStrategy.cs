using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies.Rules.Evaluation;
using AlgoTrade.Core.Strategies.Rules.Feeds;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// A compiled rule document. Per candle: every distinct indicator instance updates once, the program captures the
/// values its comparisons read, and once the warm-up has passed the entry conditions are evaluated, then the exit
/// conditions (a candle where both hold signals Enter, as in the built-in strategies). Nothing is allocated per
/// candle.
/// </summary>
public sealed class RuleStrategy : IStrategy
{
    public const string TypeName = "rules";

    private readonly RuleFeed[] _feeds;

    // The most used indicators by their sealed type, so their updates are direct (inlinable) calls; the rest virtual.
    private readonly EmaFeed[] _emas;
    private readonly RsiFeed[] _rsis;
    private readonly AdxFeed[] _adxs;
    private readonly RuleFeed[] _others;
    private readonly RuleProgram _program;
    private readonly int _entry;
    private readonly int _exit;
    private int _seen;

    internal RuleStrategy(RuleDocument document, RuleFeed[] feeds, RuleProgram program, int entry, int exit, int warmUp)
    {
        Document = document;
        _feeds = feeds;
        _emas = [.. feeds.OfType<EmaFeed>()];
        _rsis = [.. feeds.OfType<RsiFeed>()];
        _adxs = [.. feeds.OfType<AdxFeed>()];
        _others = [.. feeds.Where(f => f is not (EmaFeed or RsiFeed or AdxFeed))];
        _program = program;
        _entry = entry;
        _exit = exit;
        WarmUpPeriod = warmUp;
    }

    public RuleDocument Document { get; }
    public string Type => TypeName;
    public int WarmUpPeriod { get; }

    /// <summary>Distinct indicator instances computed per candle (identical ones in several conditions count once).</summary>
    public int IndicatorInstances => _feeds.Length;

    public Signal OnCandle(in Candle candle)
    {
        foreach (var feed in _emas) feed.Update(in candle);
        foreach (var feed in _rsis) feed.Update(in candle);
        foreach (var feed in _adxs) feed.Update(in candle);
        foreach (var feed in _others) feed.Update(in candle);
        _program.Capture();
        if (_seen < WarmUpPeriod && ++_seen < WarmUpPeriod) return Signal.None;
        if (_program.Evaluate(_entry)) return Signal.Enter;
        return _program.Evaluate(_exit) ? Signal.Exit : Signal.None;
    }

    public void Reset()
    {
        foreach (var feed in _feeds) feed.Reset();
        _program.Reset();
        _seen = 0;
    }
}
