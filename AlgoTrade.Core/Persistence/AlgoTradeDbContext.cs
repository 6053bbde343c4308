using AlgoTrade.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Persistence;

public class AlgoTradeDbContext(DbContextOptions<AlgoTradeDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<BotConfig> BotConfigs => Set<BotConfig>();
    public DbSet<BotState> BotStates => Set<BotState>();
    public DbSet<Trade> Trades => Set<Trade>();
    public DbSet<BotActivityLog> BotActivityLogs => Set<BotActivityLog>();
    public DbSet<UserNotificationPreference> UserNotificationPreferences => Set<UserNotificationPreference>();
    public DbSet<BacktestJob> BacktestJobs => Set<BacktestJob>();
    public DbSet<StoredCandle> Candles => Set<StoredCandle>();
    public DbSet<StoredCandleRange> CandleRanges => Set<StoredCandleRange>();
    public DbSet<PaperBalance> PaperBalances => Set<PaperBalance>();
    public DbSet<PaperOrder> PaperOrders => Set<PaperOrder>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AdminAuditEntry> AdminAuditLog => Set<AdminAuditEntry>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<EmailDelivery> EmailDeliveries => Set<EmailDelivery>();
    public DbSet<Sweep> Sweeps => Set<Sweep>();
    public DbSet<SweepEvaluation> SweepEvaluations => Set<SweepEvaluation>();
    public DbSet<WorkQueue.WorkItem> WorkItems => Set<WorkQueue.WorkItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram indexes for substring search in the activity log (admin explorer).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AlgoTradeDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Crypto prices and quantities need 8 decimals; 12 leaves room for fees and ratios.
        configurationBuilder.Properties<decimal>().HavePrecision(30, 12);
    }
}
