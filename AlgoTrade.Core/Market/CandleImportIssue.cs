namespace AlgoTrade.Core.Market;

/// <summary>A problem at a 1-based line of the CSV file.</summary>
public sealed record CandleImportIssue(int LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}
