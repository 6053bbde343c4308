using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class StoredCandleRangeConfiguration : IEntityTypeConfiguration<StoredCandleRange>
{
    public void Configure(EntityTypeBuilder<StoredCandleRange> builder)
    {
        builder.ToTable("candle_ranges", t => t.HasCheckConstraint("ck_candle_ranges_nonempty", "range_to > range_from AND candles > 0"));
        // One series' ranges in time order: what coverage reads and what a write merges with.
        builder.HasKey(r => new { r.Exchange, r.Symbol, r.Timeframe, r.RangeFrom });
        builder.Property(r => r.Exchange).HasMaxLength(32);
        builder.Property(r => r.Symbol).HasMaxLength(32);
        builder.Property(r => r.Timeframe).HasMaxLength(8);
    }
}
