using System.Threading.Channels;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>In-process hand-over from the request that creates a job to <see cref="BacktestWorker"/>.</summary>
public sealed class BacktestQueue
{
    private readonly Channel<BacktestWorkItem> _channel =
        Channel.CreateUnbounded<BacktestWorkItem>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(BacktestWorkItem item, CancellationToken ct = default) => _channel.Writer.WriteAsync(item, ct);

    public IAsyncEnumerable<BacktestWorkItem> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
