namespace AlgoTrade.Core.Admin;

/// <summary>
/// Follows rows as they are written by polling for ids above a watermark, which works on every app node. Ids are
/// handed out at insert but transactions commit in any order, so a row with a lower id can appear after a higher one
/// was seen: the watermark only moves up to the table's max id as it was <see cref="SettleWindow"/> ago, the rows
/// above it are re-read each poll, and ids already delivered are skipped.
/// </summary>
public sealed class ActivityLogTail(ActivityLogQuery query, ActivityLogFilter filter, long startAfterId, TimeProvider clock)
{
    /// <summary>How long a writer's transaction may take between taking an id and committing.</summary>
    public static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(10);
    public const int MaxRowsPerPoll = 200;

    private readonly Queue<(DateTimeOffset At, long MaxId)> _marks = new();
    private readonly HashSet<long> _delivered = [];
    private long _low = startAfterId;

    public ActivityLogFilter Filter => filter;

    /// <summary>Rows not delivered before, oldest first. A burst larger than <see cref="MaxRowsPerPoll"/> yields its newest rows.</summary>
    public async Task<IReadOnlyList<ActivityLogRow>> PollAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var maxId = await query.MaxIdAsync(ct);
        var rows = await query.NewestAfterAsync(filter, _low, MaxRowsPerPoll, ct);
        var fresh = rows.Where(r => _delivered.Add(r.Id)).OrderBy(r => r.Id).ToList();

        _marks.Enqueue((now, maxId));
        while (_marks.TryPeek(out var mark) && now - mark.At >= SettleWindow)
        {
            _low = Math.Max(_low, _marks.Dequeue().MaxId);
            _delivered.RemoveWhere(id => id <= _low);
        }
        return fresh;
    }
}
