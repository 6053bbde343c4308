using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The candles of the sweeps this node is working on, loaded once per sweep and shared read-only by every chunk the
/// node runs for it, with the gaps the loader found in them. Keeps the few most recent sweeps; a later chunk of an evicted sweep loads again.
/// </summary>
public sealed class SweepDataCache(BacktestCandleLoader loader)
{
    private const int Capacity = 4;
    private readonly Lock _gate = new();
    private readonly LinkedList<(Guid SweepId, Lazy<Task<SweepData>> Data)> _entries = new();

    public Task<SweepData> GetAsync(Guid sweepId, SweepDefinition definition, CancellationToken ct)
    {
        Lazy<Task<SweepData>> lazy;
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && node.Value.SweepId != sweepId) node = node.Next;
            if (node is not null)
                _entries.Remove(node);
            else
                node = new LinkedListNode<(Guid, Lazy<Task<SweepData>>)>((sweepId, new Lazy<Task<SweepData>>(() => LoadAsync(definition, CancellationToken.None))));
            _entries.AddFirst(node);
            while (_entries.Count > Capacity) _entries.RemoveLast();
            lazy = node.Value.Data;
        }
        return lazy.Value.WaitAsync(ct);
    }

    /// <summary>Drops a sweep's candles (a failed load is not kept, so the next chunk tries again).</summary>
    public void Forget(Guid sweepId)
    {
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && node.Value.SweepId != sweepId) node = node.Next;
            if (node is not null) _entries.Remove(node);
        }
    }

    private async Task<SweepData> LoadAsync(SweepDefinition definition, CancellationToken ct)
    {
        var config = definition.BaseConfig;
        if (config.ExchangeName is null || config.Start is null || config.End is null)
            throw new BacktestDataException("The sweep names no exchange and period to fetch candles for.");
        var (candles, gaps) = await loader.LoadWithGapsAsync(config.ExchangeName, config.Symbol, Timeframe.Parse(config.Timeframe), config.Start.Value, config.End.Value, ct);
        return SweepData.Prepare(definition, candles, gaps);
    }
}
