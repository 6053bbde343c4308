namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Runs on its own after the parallel tests: the Native AOT publish takes both cores for about a minute, which would
/// otherwise land in the middle of timing-sensitive tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedCliCollection : ICollectionFixture<PublishedCliFixture>
{
    public const string Name = "Published CLI";
}
