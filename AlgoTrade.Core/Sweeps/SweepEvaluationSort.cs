namespace AlgoTrade.Core.Sweeps;

public enum SweepEvaluationSort
{
    InSampleScore,
    OutOfSampleScore,
    InSampleTrades,
    PointIndex,
}
