using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class AdminAuditEntryConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> builder)
    {
        builder.ToTable("admin_audit_log");
        builder.Property(a => a.Action).HasMaxLength(40).IsRequired();
        builder.Property(a => a.TargetType).HasMaxLength(20).IsRequired();
        builder.Property(a => a.TargetId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Details).HasColumnType("jsonb");
        builder.Property(a => a.Timestamp).HasDefaultValueSql("now()");
        // The record of who did something outlives nothing it points at: an admin with audit rows cannot be deleted.
        builder.HasOne(a => a.AdminUser).WithMany().HasForeignKey(a => a.AdminUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Timestamp, a.Id }).IsDescending(true, true);
        builder.HasIndex(a => new { a.AdminUserId, a.Timestamp }).IsDescending(false, true);
    }
}
