using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;

namespace AlgoTrade.Core.Sweeps;

/// <summary>Puts a new sweep's chunks on the work queue in the same unit of work as the sweep row (adds to <paramref name="db"/>, the caller saves).</summary>
public interface ISweepChunkScheduler
{
    void Schedule(AlgoTradeDbContext db, Sweep sweep, IReadOnlyList<SweepChunk> chunks);
}
