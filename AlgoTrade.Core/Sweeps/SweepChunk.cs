namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The payload of a <c>sweep_chunk</c> work item: points [<see cref="From"/>, From + <see cref="Count"/>) of a sweep.
/// A refinement's proposed points carry their values (<see cref="Points"/>, one value per dimension): they depend on
/// results, not on the index alone.
/// </summary>
public sealed record SweepChunk(long From, int Count, IReadOnlyList<decimal[]>? Points = null)
{
    public const string Kind = "sweep_chunk";

    public static IReadOnlyList<SweepChunk> Split(long total, int size) => Split(0, total, size);

    public static IReadOnlyList<SweepChunk> Split(long from, long to, int size)
    {
        var chunks = new List<SweepChunk>();
        for (var start = from; start < to; start += size)
            chunks.Add(new SweepChunk(start, (int)Math.Min(size, to - start)));
        return chunks;
    }

    /// <summary>Proposed points numbered from <paramref name="from"/>, in chunks of <paramref name="size"/>.</summary>
    public static IReadOnlyList<SweepChunk> Split(long from, IReadOnlyList<decimal[]> points, int size)
    {
        var chunks = new List<SweepChunk>();
        for (var i = 0; i < points.Count; i += size)
        {
            var part = points.Skip(i).Take(size).ToArray();
            chunks.Add(new SweepChunk(from + i, part.Length, part));
        }
        return chunks;
    }
}
