using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Tests.Runtime;

public class RuleBotRunnerTests
{
    private static readonly DateTime T0 = new(2026, 3, 9, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_rules_bot_edited_into_an_invalid_document_stops_with_the_problem_and_trades_nothing()
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync(bot =>
        {
            bot.StrategyType = RuleStrategy.TypeName;
            bot.StrategyParams = JsonDocument.Parse("""{"version": 1, "entry": {"left": {"ind": "rsi", "period": 1}, "op": "<", "right": 30}}""");
        });

        await h.Runner.TickAsync(botId, CancellationToken.None);

        var state = await RuntimeHarness.StateAsync(botId);
        Assert.Equal(BotStatus.Error, state.Status);
        Assert.Contains("Period must be at least 2 and at most 500 (got 1).", state.LastErrorMessage);
        Assert.Empty(await RuntimeHarness.TradesAsync(botId));
    }
}
