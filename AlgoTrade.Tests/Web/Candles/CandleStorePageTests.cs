using System.Globalization;
using System.Text;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Candles;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Candles;

/// <summary>The candles page against the real store and database.</summary>
public sealed class CandleStorePageTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly BunitContext _ctx = new();
    private ServiceProvider _core = default!;
    private BunitAuthorizationContext _auth = default!;

    public async Task InitializeAsync()
    {
        _core = CoreServices.Build(await TestDatabase.SharedAsync());
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_core.GetRequiredService<CandleStore>());
        _ctx.Services.AddSingleton(_core.GetRequiredService<CandleFileImporter>());
        _auth = _ctx.AddAuthorization();
        _auth.SetAuthorized("candles@example.test");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
    }

    internal static string HourlyCsv(int count, int skipFrom = -1, int skipTo = -1)
    {
        var text = new StringBuilder("datetime,open,high,low,close,volume\n");
        foreach (var c in CandleStoreTests.Series(Start, Timeframe.H1, count))
            if (!(c.OpenTime >= Start.AddHours(skipFrom) && c.OpenTime < Start.AddHours(skipTo)))
                text.Append(CultureInfo.InvariantCulture, $"{c.OpenTime:yyyy-MM-ddTHH:mm:ssZ},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}\n");
        return text.ToString();
    }

    [Fact]
    public async Task An_admin_imports_a_csv_bad_rows_are_listed_with_their_line_and_save_nothing_and_the_series_appears_with_its_gap()
    {
        _auth.SetRoles(UserRoles.Admin);
        var symbol = CandleStoreTests.NewSymbol("pg");
        var cut = _ctx.Render<CandleStorePage>();
        cut.Find("#import-symbol").Change(symbol.ToLowerInvariant());

        var bad = HourlyCsv(30).Replace("2025-08-01T05:00:00Z,", "2025-08-01T05:00:00Z,x", StringComparison.Ordinal);
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(bad, "bad.csv"));
        cut.WaitForAssertion(() => Assert.Contains("bad.csv has 1 bad row(s); nothing was saved.", cut.Find("#import-message").TextContent), TimeSpan.FromSeconds(10));
        Assert.StartsWith("line 7: open 'x", cut.Find(".import-issue").TextContent.Trim(), StringComparison.Ordinal);
        await using (var db = TestDatabase.CreateContext(await TestDatabase.SharedAsync()))
            Assert.Equal(0, await db.Candles.CountAsync(c => c.Symbol == symbol));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(HourlyCsv(48, skipFrom: 20, skipTo: 22), "good.csv"));
        cut.WaitForAssertion(() => Assert.Contains($"binance {symbol} 1h: 46 candle(s) inserted, 0 already present", cut.Find("#import-message").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("2 candle(s) missing in 1 gap(s)", cut.Find("#import-message").TextContent);
        // The shared database holds other tests' series too: narrow the grid to this one.
        cut.Find("#filter-symbol").Input(symbol[..6].ToLowerInvariant());
        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll(".candle-series-row").Single(r => r.TextContent.Contains(symbol, StringComparison.Ordinal));
            Assert.Contains("46", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("2025-08-01 00:00", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("1 gap(s), 2 candle(s) missing", row.QuerySelector(".series-gaps")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("2025-08-01 20:00 → 22:00 (2)", row.QuerySelector(".series-gaps")!.TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(HourlyCsv(48, skipFrom: 20, skipTo: 22), "good.csv"));
        cut.WaitForAssertion(() => Assert.Contains("0 candle(s) inserted, 46 already present", cut.Find("#import-message").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_trader_sees_the_stored_series_but_no_import_form()
    {
        var cut = _ctx.Render<CandleStorePage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#candle-series")));
        Assert.Empty(cut.FindAll("#candle-import"));
    }
}
