using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.EncryptedApiKey).IsRequired();
        builder.Property(k => k.EncryptedSecretKey).IsRequired();
        builder.Property(k => k.ExchangeName).HasMaxLength(32).HasDefaultValue(ExchangeNames.Binance);
        builder.Property(k => k.Label).HasMaxLength(100);
        builder.Property(k => k.MaskedKey).HasMaxLength(20);
        builder.Property(k => k.ValidationMessage).HasMaxLength(500);
        builder.Property(k => k.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(k => k.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne(k => k.User).WithMany(u => u.ApiKeys).HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => new { k.UserId, k.ExchangeName });
    }
}
