using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class BotActivityLogConfiguration : IEntityTypeConfiguration<BotActivityLog>
{
    public void Configure(EntityTypeBuilder<BotActivityLog> builder)
    {
        builder.ToTable("bot_activity_logs");
        builder.Property(l => l.LogLevel).HasMaxLength(10).IsRequired().HasConversion(l => l.ToText(), text => ActivityLogLevelText.Parse(text));
        builder.Property(l => l.Message).IsRequired();
        builder.Property(l => l.Details).HasColumnType("jsonb");
        builder.HasOne(l => l.BotConfig).WithMany().HasForeignKey(l => l.BotConfigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        // Newest-first keyset pages: (timestamp, id) descending under each filter.
        builder.HasIndex(l => new { l.BotConfigId, l.Timestamp, l.Id }).IsDescending(false, true, true);
        builder.HasIndex(l => new { l.UserId, l.LogLevel, l.Timestamp, l.Id }).IsDescending(false, false, true, true);
        builder.HasIndex(l => new { l.Timestamp, l.Id }).IsDescending(true, true);
        builder.HasIndex(l => new { l.LogLevel, l.Timestamp, l.Id }).IsDescending(false, true, true);
        // Admin explorer (docs/admin.md): without skip scan, "one user" and "one bot's errors" need their own orderings.
        builder.HasIndex(l => new { l.UserId, l.Timestamp, l.Id }).IsDescending(false, true, true);
        builder.HasIndex(l => new { l.BotConfigId, l.LogLevel, l.Timestamp, l.Id }).IsDescending(false, false, true, true);
        builder.HasIndex(l => l.Message).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_bot_activity_logs_message_trgm");
    }
}
