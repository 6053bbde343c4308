namespace AlgoTrade.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "Correct-Horse-42";

    /// <summary>A unique email per call, so tests sharing the run's database never collide.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";
}
