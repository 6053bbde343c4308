using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
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
        builder.ComplexProperty(b => b.Risk, risk =>
        {
            // Column names are the seed schema's; fee and slippage are execution costs, not bot columns.
            risk.Property(r => r.InitialCapital).HasColumnName("initial_capital");
            risk.Property(r => r.PositionSizePerc).HasColumnName("position_size_perc");
            risk.Property(r => r.PositionSizeFixed).HasColumnName("position_size_fixed");
            risk.Property(r => r.StopLossPerc).HasColumnName("stop_loss_perc");
            risk.Property(r => r.TakeProfitPerc).HasColumnName("take_profit_perc");
            risk.Property(r => r.TrailingStopPerc).HasColumnName("trailing_stop_perc");
            risk.Property(r => r.TrailingStopActive).HasColumnName("trailing_stop_active");
            risk.Property(r => r.PartialTakeProfits).HasColumnName(PartialTakeProfitParser.Field).HasColumnType("jsonb")
                .HasConversion(PartialTakeProfitsJson.Converter, PartialTakeProfitsJson.Comparer).IsRequired();
            risk.Property(r => r.MaxTradeDurationHours).HasColumnName("max_trade_duration_hours");
            risk.Property(r => r.DailyTargetPerc).HasColumnName("daily_target_perc");
            risk.Property(r => r.MaxDailyLossPerc).HasColumnName("max_daily_loss_perc");
            risk.Ignore(r => r.FeeRate);
            risk.Ignore(r => r.SlippageBps);
        });
        builder.Property(b => b.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(b => b.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(b => b.User).WithMany(u => u.BotConfigs).HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.UserId);
        builder.HasIndex(b => b.IsActive);
    }
}
