using AlgoTrade.Core.Domain;
using AlgoTrade.Core.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToTable("work_items");
        builder.Property(w => w.Id).UseIdentityAlwaysColumn();
        builder.Property(w => w.Kind).HasMaxLength(32);
        builder.Property(w => w.Payload).HasColumnType("jsonb");
        builder.Property(w => w.Status).HasMaxLength(16)
            .HasConversion(s => WorkItemStatusNames.Of(s), s => WorkItemStatusNames.Parse(s));
        builder.Property(w => w.ClaimedBy).HasMaxLength(200);
        builder.Property(w => w.Error).HasMaxLength(4000);
        builder.Property(w => w.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(w => w.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne<User>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        // Claiming scans only what can be claimed; finished items (the bulk, over time) stay out of the index.
        builder.HasIndex(w => new { w.CreatedAt, w.Id }).HasDatabaseName("ix_work_items_claimable")
            .HasFilter("status IN ('pending', 'running')");
        builder.HasIndex(w => w.JobId);
        builder.HasIndex(w => new { w.UserId, w.Status });
    }
}
