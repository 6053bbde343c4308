namespace AlgoTrade.Core.Admin;

public sealed record AdminActionResult(bool Succeeded, string? Error = null)
{
    public static AdminActionResult Ok { get; } = new(true);

    public static AdminActionResult Fail(string error) => new(false, error);
}
