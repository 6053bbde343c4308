using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class PaperBalanceConfiguration : IEntityTypeConfiguration<PaperBalance>
{
    public void Configure(EntityTypeBuilder<PaperBalance> builder)
    {
        builder.ToTable("paper_balances");
        builder.Property(b => b.Asset).HasMaxLength(16).IsRequired();
        builder.Property(b => b.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(b => b.BotConfig).WithMany().HasForeignKey(b => b.BotConfigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.BotConfigId, b.Asset }).IsUnique();
    }
}
