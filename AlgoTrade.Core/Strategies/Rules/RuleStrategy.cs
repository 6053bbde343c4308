using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies.Rules.Evaluation;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// A compiled rule document. Per candle: every distinct indicator instance updates once, every series used captures
/// its value, and once the warm-up has passed the entry tree is evaluated, then the exit tree (a candle where both
/// hold signals Enter, as in the built-in strategies). Nothing is allocated per candle.
/// </summary>
public sealed class RuleStrategy : IStrategy
{
    public const string TypeName = "rules";

    private readonly RuleFeed[] _feeds;
    private readonly RuleSeries[] _series;
    private readonly RuleCondition _entry;
    private readonly RuleCondition? _exit;
    private int _seen;

    internal RuleStrategy(RuleDocument document, RuleFeed[] feeds, RuleSeries[] series, RuleCondition entry, RuleCondition? exit, int warmUp)
    {
        Document = document;
        _feeds = feeds;
        _series = series;
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
        var feeds = _feeds;
        for (var i = 0; i < feeds.Length; i++) feeds[i].Update(in candle);
        var series = _series;
        for (var i = 0; i < series.Length; i++) series[i].Capture();
        if (_seen < WarmUpPeriod && ++_seen < WarmUpPeriod) return Signal.None;
        if (_entry.Evaluate()) return Signal.Enter;
        return _exit is not null && _exit.Evaluate() ? Signal.Exit : Signal.None;
    }

    public void Reset()
    {
        foreach (var feed in _feeds) feed.Reset();
        foreach (var s in _series) s.Reset();
        _seen = 0;
    }
}
