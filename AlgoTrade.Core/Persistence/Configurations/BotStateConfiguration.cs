using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class BotStateConfiguration : IEntityTypeConfiguration<BotState>
{
    public void Configure(EntityTypeBuilder<BotState> builder)
    {
        builder.ToTable("bot_state");
        builder.HasKey(s => s.BotConfigId);
        builder.Property(s => s.BotConfigId).ValueGeneratedNever();
        builder.Property(s => s.Status).HasMaxLength(16)
            .HasConversion(s => s.ToText(), text => BotStatusText.Parse(text))
            .HasDefaultValue(BotStatus.Stopped).HasSentinel((BotStatus)(-1));
        builder.Property(s => s.LastErrorMessage).HasMaxLength(2000);
        builder.Property(s => s.LastUpdatedAt).HasDefaultValueSql("now()");
        builder.Property(s => s.EngineState).HasColumnType("jsonb");
        builder.Property(s => s.PendingOrders).HasColumnType("jsonb");
        builder.HasOne(s => s.BotConfig).WithOne(b => b.State).HasForeignKey<BotState>(s => s.BotConfigId).OnDelete(DeleteBehavior.Cascade);
    }
}
