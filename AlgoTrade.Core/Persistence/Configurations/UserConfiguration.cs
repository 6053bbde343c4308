using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlgoTrade.Core.Persistence.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users", t => t.HasCheckConstraint("ck_users_email_lower", "email = lower(email)"));
        builder.Property(u => u.Email).HasMaxLength(320).IsRequired();
        // Emails are stored lower-cased (checked above), so this unique index is case-insensitive.
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.HashedPassword).IsRequired();
        builder.Property(u => u.Role).HasMaxLength(20).HasDefaultValue(UserRoles.Trader);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.Property(u => u.DigestHourUtc).HasDefaultValue(7);
        builder.ToTable(t => t.HasCheckConstraint("ck_users_digest_hour", "digest_hour_utc BETWEEN 0 AND 23"));
        builder.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(u => u.UpdatedAt).HasDefaultValueSql("now()");
    }
}
