namespace AlgoTrade.Core.ApiKeys;

public static class ApiKeyMask
{
    /// <summary>First four and last four characters; short keys are hidden entirely rather than mostly shown.</summary>
    public static string Mask(string apiKey) =>
        apiKey.Length < 12 ? "••••" : $"{apiKey[..4]}…{apiKey[^4..]}";
}
