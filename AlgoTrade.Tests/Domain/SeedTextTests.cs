using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.WorkQueue;

namespace AlgoTrade.Tests.Domain;

public class SeedTextTests
{
    private enum Colour { Red, Green }

    [Fact]
    public void Every_stored_enum_round_trips_through_its_seed_text()
    {
        AssertRoundTrips(BotStatusText.Texts, ["running", "stopped", "error", "paused"]);
        AssertRoundTrips(ActivityLogLevelText.Texts, ["DEBUG", "INFO", "WARNING", "ERROR"]);
        AssertRoundTrips(EmailDeliveryStatusText.Texts, ["pending", "retrying", "sent", "failed"]);
        AssertRoundTrips(BacktestJobStatusNames.Texts, ["pending", "running", "completed", "failed", "cancelled"]);
        AssertRoundTrips(WorkItemStatusNames.Texts, ["pending", "running", "done", "failed", "cancelled"]);
        AssertRoundTrips(OrderStatusText.Texts, ["NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "PENDING_CANCEL", "REJECTED", "EXPIRED"]);
    }

    private static void AssertRoundTrips<TEnum>(SeedText<TEnum> texts, string[] expected) where TEnum : struct, Enum
    {
        Assert.Equal(expected, texts.All.Select(texts.ToText));
        Assert.Equal(Enum.GetValues<TEnum>().Order(), texts.All.Order());
        foreach (var text in expected)
            Assert.Equal(text, texts.ToText(texts.Parse(text)));
    }

    [Fact]
    public void Text_is_matched_exactly_and_unknown_text_names_what_it_is()
    {
        Assert.False(ActivityLogLevelText.TryParse("error", out _));
        Assert.False(BotStatusText.TryParse(null, out _));
        Assert.False(BotStatusText.TryParse("Running", out _));
        var ex = Assert.Throws<FormatException>(() => BotStatusText.Parse("sleeping"));
        Assert.Equal("Unknown bot status 'sleeping'.", ex.Message);
    }

    [Fact]
    public void A_map_that_leaves_a_value_out_or_spells_two_alike_is_refused_when_built()
    {
        Assert.Throws<ArgumentException>(() => new SeedText<Colour>("colour", (Colour.Red, "red")));
        Assert.Throws<ArgumentException>(() => new SeedText<Colour>("colour", (Colour.Red, "red"), (Colour.Green, "red")));
    }

    [Fact]
    public void Json_reads_and_writes_the_seed_text_and_refuses_anything_else()
    {
        Assert.Equal("\"paused\"", JsonSerializer.Serialize(BotStatus.Paused, new JsonSerializerOptions { Converters = { new BotStatusJsonConverter() } }));
        var options = new JsonSerializerOptions { Converters = { new ActivityLogLevelJsonConverter() } };
        Assert.Equal(ActivityLogLevel.Warning, JsonSerializer.Deserialize<ActivityLogLevel>("\"WARNING\"", options));
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActivityLogLevel>("\"FATAL\"", options));
        Assert.Equal("Unknown activity log level 'FATAL'.", ex.Message);
    }
}
