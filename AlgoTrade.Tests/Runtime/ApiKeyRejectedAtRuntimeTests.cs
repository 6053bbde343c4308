using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Runtime;

/// <summary>A tick the exchange refuses for the key stops the bot and raises "API key rejected" once, with the bot named.</summary>
public sealed class ApiKeyRejectedAtRuntimeTests
{
    private static readonly DateTime T0 = new(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_invalid_key_answer_stops_the_bot_and_notifies_its_owner()
    {
        FaultyExchangeFactory? faults = null;
        await using var h = await RuntimeHarness.StartAsync(T0, inner => faults = new FaultyExchangeFactory(inner)
        {
            FailKlines = 1, KlineError = ExchangeErrorKind.InvalidApiKey,
        });
        var sink = new RecordingNotificationSink();
        var runner = ActivatorUtilities.CreateInstance<BotRunner>(h.Services, sink, new WarmStrategies(h.Clock));
        var (userId, botId) = await h.CreateBotAsync();

        Assert.Equal(TickOutcome.BotDisabled, await runner.TickAsync(botId, CancellationToken.None));

        Assert.Equal(BotStatus.Error, (await RuntimeHarness.StateAsync(botId)).Status);
        var (to, type, message) = Assert.Single(sink.Raised);
        Assert.Equal((userId, NotificationTypes.ApiKeyInvalid), (to, type));
        Assert.Equal((botId, "runtime test", "injected failure"), (message.Payload.BotId, message.Payload.BotName, message.Payload.Reason));
        Assert.Contains(message.Lines, l => l.Contains("API key while runtime test was running; the bot is stopped with status error.", StringComparison.Ordinal));

        // An exchange that is down is not a key problem.
        faults!.FailKlines = 1;
        faults.KlineError = ExchangeErrorKind.Unavailable;
        var (_, other) = await h.CreateBotAsync();
        Assert.Equal(TickOutcome.FailedTransient, await runner.TickAsync(other, CancellationToken.None));
        Assert.Single(sink.Raised);
    }
}
