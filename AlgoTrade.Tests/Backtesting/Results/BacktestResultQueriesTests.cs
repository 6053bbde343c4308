using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Backtesting.Results;

/// <summary>BacktestResultQueries on the real PostgreSQL database: owner-scoped, reading only what each page needs.</summary>
public class BacktestResultQueriesTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private BacktestResultQueries _queries = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(await TestDatabase.SharedAsync());
        _queries = _services.GetRequiredService<BacktestResultQueries>();
        _alice = await BotFixtures.NewUserAsync(_services, "res-alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "res-mallory");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    internal static BacktestConfig SampleConfig(string symbol = "BTCUSDT") => new()
    {
        Symbol = symbol,
        ExchangeName = ExchangeNames.Simulated,
        Timeframe = "1h",
        Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        End = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 8, "ema_slow": 30, "rsi_period": 14, "rsi_overbought": 72}""").RootElement,
        InitialCapital = 5_000,
        PositionSizePerc = 40,
        StopLossPerc = 3,
        TakeProfitPerc = 6,
        PartialTakeProfits = [new PartialTakeProfit(2, 0.25m)],
    };

    [Fact]
    public async Task The_config_of_a_run_is_read_for_its_owner_only()
    {
        var config = SampleConfig("ETHUSDT");
        var id = await BacktestJobRows.SaveAsync(_services, _alice, config);

        var mine = await _queries.GetConfigAsync(_alice, id);
        Assert.NotNull(mine);
        Assert.Equal("ETHUSDT", mine.Symbol);
        Assert.Equal(30, mine.StrategyParams.GetProperty("ema_slow").GetInt32());
        Assert.Equal(config.ToRiskSettings(), mine.ToRiskSettings());

        Assert.Null(await _queries.GetConfigAsync(_mallory, id));
        Assert.Null(await _queries.GetConfigAsync(_alice, Guid.CreateVersion7()));
    }
}
