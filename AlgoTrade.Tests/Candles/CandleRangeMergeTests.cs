using AlgoTrade.Core.Candles;
using static AlgoTrade.Core.Candles.CandleRangeMerge;

namespace AlgoTrade.Tests.Candles;

/// <summary>The candle_ranges arithmetic on plain numbers (step 10).</summary>
public class CandleRangeMergeTests
{
    private const long Step = 10;

    [Fact]
    public void Runs_of_unordered_times_with_duplicates_are_their_unbroken_stretches()
    {
        Assert.Equal([new Span(0, 30), new Span(50, 60), new Span(80, 110)], Runs([20, 0, 10, 10, 50, 100, 80, 90, 20], Step));
        Assert.Empty(Runs([], Step));
    }

    [Fact]
    public void Times_off_each_others_grid_form_separate_runs_even_where_they_interleave()
    {
        // 0, 10, 20 on one grid; 5, 15 shifted by half a step.
        Assert.Equal([new Span(0, 30), new Span(5, 25)], Runs([0, 5, 10, 15, 20], Step));
    }

    [Fact]
    public void Overlapping_adjacent_and_contained_ranges_merge_and_separate_ones_stay()
    {
        Span[] stored = [new(0, 30), new(40, 60), new(100, 120)];

        // Overlaps the first, reaches the second (adjacent at 40): both become one.
        Assert.Equal([new Span(0, 60), new Span(100, 120)], Union(stored, [new Span(20, 40)], Step));
        // Adjacent after the last.
        Assert.Equal([new Span(0, 30), new Span(40, 60), new Span(100, 130)], Union(stored, [new Span(120, 130)], Step));
        // Inside one: nothing changes.
        Assert.Equal(stored, Union(stored, [new Span(40, 50)], Step));
        // Covers everything.
        Assert.Equal([new Span(-10, 130)], Union(stored, [new Span(-10, 130)], Step));
        // One step apart is a gap of one candle, not adjacency.
        Assert.Equal([new Span(0, 30), new Span(40, 60), new Span(70, 80), new Span(100, 120)], Union(stored, [new Span(70, 80)], Step));
    }

    [Fact]
    public void Ranges_on_another_grid_never_merge_with_these()
    {
        Assert.Equal([new Span(0, 30), new Span(5, 45)], Union([new Span(0, 30)], [new Span(5, 45)], Step));
    }
}
