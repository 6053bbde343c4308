using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class BacktestJobConfiguration : IEntityTypeConfiguration<BacktestJob>
{
    public void Configure(EntityTypeBuilder<BacktestJob> builder)
    {
        builder.ToTable("backtest_jobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Status).HasMaxLength(16)
            .HasConversion(s => BacktestJobStatusNames.Of(s), s => BacktestJobStatusNames.Parse(s))
            .HasDefaultValue(BacktestJobStatus.Pending).HasSentinel((BacktestJobStatus)(-1));
        builder.Property(j => j.Config).HasColumnType("jsonb");
        builder.Property(j => j.Results).HasColumnType("jsonb");
        builder.Property(j => j.ErrorMessage).HasMaxLength(4000);
        builder.Property(j => j.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(j => j.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(j => j.User).WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.UserId, j.CreatedAt });
    }
}
