using AlgoTrade.Core.Candles;
using AlgoTrade.Web.Components.Pages.Candles;

namespace AlgoTrade.Tests.Web.Candles;

public class CandleGapTextTests
{
    private static readonly DateTime Day = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_gap_names_its_end_date_only_when_it_ends_on_another_day()
    {
        Assert.Equal("2025-06-01 05:00 → 06:00 (1)", CandleStorePage.Describe(new CandleRange(Day.AddHours(5), Day.AddHours(6), 1)));
        Assert.Equal("2025-06-01 23:00 → 2025-06-02 00:00 (1)", CandleStorePage.Describe(new CandleRange(Day.AddHours(23), Day.AddHours(24), 1)));
        Assert.Equal("2025-06-01 00:00 → 2025-06-11 00:00 (1,440)", CandleStorePage.Describe(new CandleRange(Day, Day.AddDays(10), 1440)));
    }
}
