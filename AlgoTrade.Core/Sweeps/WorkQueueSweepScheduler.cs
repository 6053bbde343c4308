using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;

namespace AlgoTrade.Core.Sweeps;

/// <summary>Each chunk becomes a <c>sweep_chunk</c> item on the cluster work queue, committed with the sweep row; any node runs it.</summary>
public sealed class WorkQueueSweepScheduler(WorkQueue.WorkQueue queue) : ISweepChunkScheduler
{
    public void Schedule(AlgoTradeDbContext db, Sweep sweep, IReadOnlyList<SweepChunk> chunks)
    {
        foreach (var chunk in chunks)
            queue.Enqueue(db, SweepChunk.Kind, sweep.Id, sweep.UserId, chunk);
    }
}
