using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class StoredCandleConfiguration : IEntityTypeConfiguration<StoredCandle>
{
    public void Configure(EntityTypeBuilder<StoredCandle> builder)
    {
        builder.ToTable("candles");
        // The key's index serves both ON CONFLICT and every range read (one series, ordered by open_time);
        // why there is no BRIN index or partitioning: docs/backtesting.md#candle-store.
        builder.HasKey(c => new { c.Exchange, c.Symbol, c.Timeframe, c.OpenTime });
        builder.Property(c => c.Exchange).HasMaxLength(32);
        builder.Property(c => c.Symbol).HasMaxLength(32);
        builder.Property(c => c.Timeframe).HasMaxLength(8);
    }
}
