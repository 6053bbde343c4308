using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Sweeps;

namespace AlgoTrade.Tests.Sweeps;

/// <summary>Keeps the chunks a sweep was split into so the test runs them itself, in any order and as often as it likes.</summary>
internal sealed class RecordingSweepScheduler : ISweepChunkScheduler
{
    public List<(Guid SweepId, int UserId, SweepChunk Chunk)> Chunks { get; } = [];

    public void Schedule(AlgoTradeDbContext db, Sweep sweep, IReadOnlyList<SweepChunk> chunks)
    {
        lock (Chunks)
            foreach (var chunk in chunks) Chunks.Add((sweep.Id, sweep.UserId, chunk));
    }
}
