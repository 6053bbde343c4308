namespace AlgoTrade.Core.Admin;

/// <summary>
/// Rows in bot_activity_logs without counting millions: the planner's density (rows per page at the last ANALYZE)
/// times the table's current pages. A table never analyzed has no density; it is then counted, up to a cap.
/// </summary>
internal static class ActivityLogRowEstimate
{
    public const string Sql = """
        SELECT CASE WHEN c.relpages > 0 AND c.reltuples > 0
            THEN (c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int))::bigint
            ELSE (SELECT count(*) FROM (SELECT 1 FROM bot_activity_logs LIMIT 1000000) s) END
        FROM pg_class c WHERE c.oid = 'bot_activity_logs'::regclass
        """;
}
