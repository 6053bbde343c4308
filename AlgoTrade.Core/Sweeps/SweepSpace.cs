using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The points of a validated sweep, addressable by index without listing them: a grid point is its index in mixed
/// radix (the last dimension varies fastest, like nested loops); a random point is drawn from a generator seeded with
/// (seed, index). So any node computes any chunk of points, and the same seed always gives the same points.
/// </summary>
public sealed class SweepSpace
{
    private readonly SweepSearch _search;
    private readonly int _seed;
    private readonly long[] _gridCounts;
    private readonly SweepDimension[] _dimensions;
    private readonly ParameterKind[] _kinds;

    public SweepSpace(SweepSearch search, int seed, long count, IReadOnlyList<SweepDimension> dimensions, IReadOnlyList<SweepTarget> targets)
    {
        _search = search;
        _seed = seed;
        Count = count;
        _dimensions = [.. dimensions];
        _gridCounts = [.. dimensions.Select(d => d.GridCount())];
        _kinds = [.. targets.Select(t => t.Limits.Kind)];
    }

    public long Count { get; }

    public int Dimensions => _dimensions.Length;

    public decimal[] Point(long index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"A point index is 0 to {Count - 1}.");
        var values = new decimal[_dimensions.Length];
        if (_search == SweepSearch.Grid)
        {
            var rest = index;
            for (var d = _dimensions.Length - 1; d >= 0; d--)
            {
                values[d] = _dimensions[d].GridValue(rest % _gridCounts[d]);
                rest /= _gridCounts[d];
            }
            return values;
        }

        var random = new SplitMix64(SplitMix64.Mix((ulong)(uint)_seed, (ulong)index));
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var dimension = _dimensions[d];
            if (_gridCounts[d] > 0)
            {
                values[d] = dimension.GridValue((long)(random.Next() % (ulong)_gridCounts[d]));
                continue;
            }
            var (min, max) = (dimension.Min!.Value, dimension.Max!.Value);
            var u = (decimal)random.NextDouble();
            var value = min + (max - min) * u;
            // Whole numbers for integer parameters; four decimals otherwise, so a point prints and replays exactly.
            value = Math.Round(value, _kinds[d] == ParameterKind.Integer ? 0 : 4, MidpointRounding.AwayFromZero);
            values[d] = Math.Clamp(value, min, max);
        }
        return values;
    }
}
