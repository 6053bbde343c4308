using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class TradeConfiguration : IEntityTypeConfiguration<Trade>
{
    public void Configure(EntityTypeBuilder<Trade> builder)
    {
        builder.ToTable("trades");
        builder.Property(t => t.BinanceOrderId).HasMaxLength(64);
        builder.Property(t => t.ClientOrderId).HasMaxLength(36);
        builder.Property(t => t.Symbol).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Side).HasMaxLength(4).IsRequired().HasConversion(s => s.ToText(), text => OrderSideText.Parse(text));
        builder.Property(t => t.OrderType).HasMaxLength(16).IsRequired();
        builder.Property(t => t.CommissionAsset).HasMaxLength(16);
        builder.Property(t => t.EntryReason).HasMaxLength(64);
        builder.Property(t => t.ExitReason).HasMaxLength(64);
        builder.HasOne(t => t.BotConfig).WithMany().HasForeignKey(t => t.BotConfigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.BotConfigId, t.Timestamp });
        builder.HasIndex(t => new { t.UserId, t.Timestamp });
        // A retried tick finds its order again by client id instead of recording it twice.
        builder.HasIndex(t => new { t.BotConfigId, t.ClientOrderId }).IsUnique().HasFilter("client_order_id IS NOT NULL");
    }
}
