using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// Each chunk becomes a <c>sweep_chunk</c> item on the cluster work queue, committed with the sweep row (or, for a
/// refinement's next batch, with the chunk that completed the batch before); any node runs it. Uses the queue's
/// static enqueue: the chunk runner schedules through this class and is itself one of the queue's handlers.
/// </summary>
public sealed class WorkQueueSweepScheduler(TimeProvider clock) : ISweepChunkScheduler
{
    public void Schedule(AlgoTradeDbContext db, Sweep sweep, IReadOnlyList<SweepChunk> chunks)
    {
        foreach (var chunk in chunks)
            WorkQueue.WorkQueue.Enqueue(db, SweepChunk.Kind, sweep.Id, sweep.UserId, chunk, clock);
    }
}
