namespace AlgoTrade.Core.Sweeps;

/// <summary>How the points of a sweep are chosen.</summary>
public enum SweepSearch
{
    /// <summary>Every combination of the dimensions' values (lists, or ranges with a step).</summary>
    Grid,

    /// <summary><see cref="SweepDefinition.Samples"/> points drawn uniformly from the dimensions with <see cref="SweepDefinition.Seed"/>.</summary>
    Random,

    /// <summary>
    /// Bayesian-style refinement (<see cref="SweepTpe"/>): <see cref="SweepDefinition.InitialSamples"/> distinct random
    /// grid points, then batches of <see cref="SweepDefinition.BatchSize"/> points proposed where the finished ones
    /// scored well, until <see cref="SweepDefinition.Samples"/> distinct points are evaluated.
    /// </summary>
    Tpe,
}
