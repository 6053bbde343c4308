using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The points of a validated sweep, addressable by index without listing them: a grid point is its index in mixed
/// radix (the last dimension varies fastest, like nested loops); a random point is drawn from a generator seeded with
/// (seed, index). So any node computes any chunk of points, and the same seed always gives the same points. A
/// refinement (TPE) addresses only its initial batch by index (distinct uniform grid points from the seed); later
/// points are proposed from finished results (<see cref="SweepTpe"/>) and travel with their chunk.
/// </summary>
public sealed class SweepSpace
{
    private readonly SweepSearch _search;
    private readonly int _seed;
    private readonly long[] _gridCounts;
    private readonly SweepDimension[] _dimensions;
    private readonly ParameterKind[] _kinds;

    private readonly int _initial;
    private readonly Lazy<decimal[][]> _initialPoints;
    private readonly Lazy<Dictionary<decimal, int>[]> _gridLookup;

    public SweepSpace(SweepSearch search, int seed, long count, IReadOnlyList<SweepDimension> dimensions, IReadOnlyList<SweepTarget> targets, int initialSamples = 0)
    {
        _search = search;
        _seed = seed;
        Count = count;
        _dimensions = [.. dimensions];
        _gridCounts = [.. dimensions.Select(d => d.GridCount())];
        _kinds = [.. targets.Select(t => t.Limits.Kind)];
        _initial = search == SweepSearch.Tpe ? initialSamples : 0;
        _gridLookup = new(() => [.. _dimensions.Select((d, i) =>
        {
            var lookup = new Dictionary<decimal, int>();
            for (var k = 0; k < _gridCounts[i]; k++) lookup.TryAdd(d.GridValue(k), k);
            return lookup;
        })]);
        _initialPoints = new(() => [.. SweepTpe.Uniform(GridPositions(), _initial, SplitMix64.Mix((ulong)(uint)_seed, 0)).Select(Values)]);
    }

    public long Count { get; }

    /// <summary>Points addressable by index: all of them, except for a refinement, whose later points come from proposals.</summary>
    public long IndexedCount => _search == SweepSearch.Tpe ? _initial : Count;

    /// <summary>Per dimension, the positions (0–1) of its grid values, the space <see cref="SweepTpe"/> proposes in.</summary>
    public double[][] GridPositions() => [.. _dimensions.Select((d, i) => SweepTpe.Positions([.. Enumerable.Range(0, checked((int)_gridCounts[i])).Select(k => d.GridValue(k))]))];

    /// <summary>The values of a grid point given by one grid index per dimension.</summary>
    public decimal[] Values(int[] gridIndices) => [.. gridIndices.Select((k, d) => _dimensions[d].GridValue(k))];

    /// <summary>The grid index per dimension of a point's values; null when one is not a grid value.</summary>
    public int[]? GridIndices(IReadOnlyList<decimal> values)
    {
        var lookup = _gridLookup.Value;
        var indices = new int[_dimensions.Length];
        for (var d = 0; d < indices.Length; d++)
        {
            if (!lookup[d].TryGetValue(values[d], out var k)) return null;
            indices[d] = k;
        }
        return indices;
    }

    public int Dimensions => _dimensions.Length;

    public decimal[] Point(long index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"A point index is 0 to {Count - 1}.");
        if (_search == SweepSearch.Tpe)
        {
            if (index >= _initial) throw new ArgumentOutOfRangeException(nameof(index), index, $"Point {index} of a refinement is proposed from results; only the first {_initial} are addressable.");
            return [.. _initialPoints.Value[index]];
        }
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
