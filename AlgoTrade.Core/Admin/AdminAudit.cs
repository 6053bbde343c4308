using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;

namespace AlgoTrade.Core.Admin;

/// <summary>Adds an audit row to the action's own DbContext, so the row commits (or rolls back) with the action.</summary>
internal static class AdminAudit
{
    public static void Record(AlgoTradeDbContext db, int adminUserId, string action, string targetType, string targetId, object details, DateTime now) =>
        db.AdminAuditLog.Add(new AdminAuditEntry
        {
            AdminUserId = adminUserId,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = JsonSerializer.SerializeToDocument(details, JsonOptions),
            Timestamp = now,
        });

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
