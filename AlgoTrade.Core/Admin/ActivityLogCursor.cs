using System.Globalization;

namespace AlgoTrade.Core.Admin;

/// <summary>The (timestamp, id) of the last row of a page; the next page holds the rows strictly before it.</summary>
public readonly record struct ActivityLogCursor(DateTime Timestamp, long Id)
{
    public static ActivityLogCursor After(ActivityLogRow row) => new(row.Timestamp, row.Id);

    public override string ToString() => $"{Timestamp.ToString("O", CultureInfo.InvariantCulture)}/{Id}";
}
