namespace AlgoTrade.Core.Sweeps;

/// <summary>The payload of a <c>sweep_chunk</c> work item: points [<see cref="From"/>, From + <see cref="Count"/>) of a sweep.</summary>
public sealed record SweepChunk(long From, int Count)
{
    public const string Kind = "sweep_chunk";

    public static IReadOnlyList<SweepChunk> Split(long total, int size)
    {
        var chunks = new List<SweepChunk>();
        for (long from = 0; from < total; from += size)
            chunks.Add(new SweepChunk(from, (int)Math.Min(size, total - from)));
        return chunks;
    }
}
