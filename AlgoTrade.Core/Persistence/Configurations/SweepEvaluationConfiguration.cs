using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class SweepEvaluationConfiguration : IEntityTypeConfiguration<SweepEvaluation>
{
    public void Configure(EntityTypeBuilder<SweepEvaluation> builder)
    {
        builder.ToTable("sweep_evaluations");
        builder.HasKey(e => new { e.SweepId, e.PointIndex });
        builder.Property(e => e.Params).HasColumnType("jsonb");
        builder.Property(e => e.InSample).HasColumnType("jsonb");
        builder.Property(e => e.OutOfSample).HasColumnType("jsonb");
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne(e => e.Sweep).WithMany().HasForeignKey(e => e.SweepId).OnDelete(DeleteBehavior.Cascade);
        // The results table sorts by score within one sweep.
        builder.HasIndex(e => new { e.SweepId, e.InSampleScore });
    }
}
