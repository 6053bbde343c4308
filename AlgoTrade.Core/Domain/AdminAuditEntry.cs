using System.Text.Json;

namespace AlgoTrade.Core.Domain;

/// <summary>One thing an admin did (docs/data-model.md, admin_audit_log): who, what, to what, when.</summary>
public class AdminAuditEntry
{
    public long Id { get; set; }
    public int AdminUserId { get; set; }
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string TargetId { get; set; } = "";
    public JsonDocument? Details { get; set; }
    public DateTime Timestamp { get; set; }

    public User? AdminUser { get; set; }
}
