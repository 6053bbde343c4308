using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Web.Services;

/// <summary>
/// Development only: a demo admin and trader so a newcomer can sign in at once, and two running bots on the offline
/// simulated market so the trader sees bots trade without API keys or network.
/// </summary>
public class DemoDataSeeder(
    UserAccountService accounts,
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<DemoSeedOptions> options,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await EnsureUserAsync(o.AdminEmail, o.AdminPassword, UserRoles.Admin, ct);
        if (await EnsureUserAsync(o.TraderEmail, o.TraderPassword, UserRoles.Trader, ct))
            await EnsureDemoBotsAsync(EmailAddress.Normalize(o.TraderEmail), ct);
    }

    private async Task<bool> EnsureUserAsync(string email, string password, string role, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Demo {Role} not seeded: no password configured", role);
            return false;
        }
        var result = await accounts.RegisterAsync(email, password, role, ct);
        if (result.Succeeded)
            logger.LogInformation("Seeded demo {Role} {Email}", role, email);
        else if (!result.Errors.ContainsKey("Email"))
        {
            logger.LogWarning("Demo {Role} not seeded: {Problems}", role, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            return false;
        }
        return true;
    }

    private async Task EnsureDemoBotsAsync(string traderEmail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trader = await db.Users.SingleAsync(u => u.Email == traderEmail, ct);
        if (await db.BotConfigs.AnyAsync(b => b.UserId == trader.Id, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.BotConfigs.AddRange(
            DemoBot(trader.Id, now, "BTC scalper (demo)", "BTCUSDT", "1m", "ema_cross_rsi",
                """{"ema_fast": 5, "ema_slow": 13, "rsi_period": 7, "rsi_overbought": 80}""", stopLoss: 0.6m, takeProfit: 1.2m, trailing: 0.4m,
                partials: [new PartialTakeProfit(0.6m, 0.5m)]),
            DemoBot(trader.Id, now, "ETH mean reversion (demo)", "ETHUSDT", "1m", "rsi_mean_reversion",
                "{}", stopLoss: 1.5m, takeProfit: 3m, trailing: null, partials: []));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded two running demo bots on the simulated market for the demo trader");
    }

    private static BotConfig DemoBot(int userId, DateTime now, string name, string symbol, string timeframe, string strategy, string parameters,
        decimal stopLoss, decimal takeProfit, decimal? trailing, IReadOnlyList<PartialTakeProfit> partials) => new()
    {
        UserId = userId,
        Name = name,
        Symbol = symbol,
        Timeframe = timeframe,
        ExchangeName = ExchangeNames.Simulated,
        IsActive = true,
        StrategyType = strategy,
        StrategyParams = JsonDocument.Parse(parameters),
        Risk = new RiskSettings
        {
            InitialCapital = 10_000m,
            PositionSizePerc = 25m,
            StopLossPerc = stopLoss,
            TakeProfitPerc = takeProfit,
            TrailingStopActive = trailing is not null,
            TrailingStopPerc = trailing,
            PartialTakeProfits = partials,
        },
        CheckIntervalSeconds = 10,
        CreatedAt = now,
        UpdatedAt = now,
        State = new BotState { Status = BotStatus.Running, LastUpdatedAt = now },
    };
}
