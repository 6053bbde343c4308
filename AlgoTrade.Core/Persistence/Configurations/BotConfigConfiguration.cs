using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class BotConfigConfiguration : IEntityTypeConfiguration<BotConfig>
{
    public void Configure(EntityTypeBuilder<BotConfig> builder)
    {
        builder.ToTable("bot_configs");
        builder.Property(b => b.Name).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Symbol).HasMaxLength(32).IsRequired();
        builder.Property(b => b.Timeframe).HasMaxLength(8).IsRequired();
        builder.Property(b => b.ExchangeName).HasMaxLength(32).HasDefaultValue(ExchangeNames.Binance);
        builder.Property(b => b.StrategyType).HasMaxLength(64).IsRequired();
        builder.Property(b => b.StrategyParams).HasColumnType("jsonb");
        builder.Property(b => b.PartialTakeProfitsConfig).HasColumnType("jsonb");
        builder.Property(b => b.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(b => b.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(b => b.User).WithMany(u => u.BotConfigs).HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.UserId);
        builder.HasIndex(b => b.IsActive);
    }
}
