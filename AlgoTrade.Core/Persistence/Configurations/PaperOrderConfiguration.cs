using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class PaperOrderConfiguration : IEntityTypeConfiguration<PaperOrder>
{
    public void Configure(EntityTypeBuilder<PaperOrder> builder)
    {
        builder.ToTable("paper_orders");
        builder.Property(o => o.ExchangeName).HasMaxLength(32).IsRequired();
        builder.Property(o => o.ClientOrderId).HasMaxLength(36).IsRequired();
        builder.Property(o => o.Symbol).HasMaxLength(32).IsRequired();
        builder.Property(o => o.Side).HasMaxLength(4).IsRequired().HasConversion(s => s.ToText(), text => OrderSideText.Parse(text));
        builder.Property(o => o.OrderType).HasMaxLength(16).IsRequired();
        builder.Property(o => o.Status).HasMaxLength(16).IsRequired().HasConversion(s => s.ToText(), text => OrderStatusText.Parse(text));
        builder.Property(o => o.CommissionAsset).HasMaxLength(16);
        builder.Property(o => o.ReservedAsset).HasMaxLength(16);
        builder.Property(o => o.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(o => o.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(o => o.BotConfig).WithMany().HasForeignKey(o => o.BotConfigId).OnDelete(DeleteBehavior.Cascade);
        // Client order ids are unique per bot, which is what makes a retried placement detectable.
        builder.HasIndex(o => new { o.BotConfigId, o.ClientOrderId }).IsUnique();
        builder.HasIndex(o => new { o.BotConfigId, o.Status });
    }
}
