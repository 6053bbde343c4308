using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class SweepConfiguration : IEntityTypeConfiguration<Sweep>
{
    public void Configure(EntityTypeBuilder<Sweep> builder)
    {
        builder.ToTable("sweeps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasMaxLength(16).HasDefaultValue(SweepStatus.Pending);
        builder.Property(s => s.Definition).HasColumnType("jsonb");
        builder.Property(s => s.Best).HasColumnType("jsonb");
        builder.Property(s => s.DataGaps).HasColumnType("jsonb");
        builder.Property(s => s.ErrorMessage).HasMaxLength(4000);
        builder.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}
