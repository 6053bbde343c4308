using System.Globalization;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace AlgoTrade.Web.Components.Pages.Candles;

/// <summary>
/// The shared candle store: the stored series, filtered, sorted and paged by the database, each with its coverage and
/// first gaps, and (admins only, since every trader's
/// backtests read these candles) a CSV import with the CLI's validation.
/// </summary>
public partial class CandleStorePage
{
    public const int MaxUploadMb = 200;
    private const int MaxGapsShown = 5;
    private const int MaxIssuesShown = 20;

    private const string Any = "";
    private const string NoWrap = "white-space: nowrap";

    private MudDataGrid<CandleSeriesSummary>? _grid;
    private string _filterExchange = Any;
    private string? _filterSymbol;
    private string _filterTimeframe = Any;
    private string _exchange = ExchangeNames.Binance;
    private string? _symbol;
    private string _timeframe = "1h";
    private bool _importing;
    private bool _failed;
    private string? _message;
    private List<string> _issues = [];

    private bool Filtered => _filterExchange != Any || !string.IsNullOrWhiteSpace(_filterSymbol) || _filterTimeframe != Any;

    private async Task<GridData<CandleSeriesSummary>> LoadSeriesAsync(GridState<CandleSeriesSummary> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(CandleSeriesSummary.Symbol) => CandleSeriesSort.Symbol,
            nameof(CandleSeriesSummary.TimeframeCode) => CandleSeriesSort.Timeframe,
            nameof(CandleSeriesSummary.Candles) => CandleSeriesSort.Candles,
            nameof(CandleSeriesSummary.First) => CandleSeriesSort.First,
            nameof(CandleSeriesSummary.End) => CandleSeriesSort.End,
            nameof(CandleSeriesSummary.GapCount) => CandleSeriesSort.Gaps,
            _ => CandleSeriesSort.Exchange,
        };
        var filter = new CandleSeriesFilter(
            _filterExchange == Any ? null : _filterExchange,
            _filterSymbol,
            Timeframe.TryParse(_filterTimeframe, out var timeframe) ? timeframe : null);
        var page = await Store.CoveragePageAsync(filter, by, sort?.Descending ?? false, state.Page, state.PageSize, MaxGapsShown, ct);
        return new GridData<CandleSeriesSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnExchangeFilterChanged(string value) { _filterExchange = value; return ReloadFromFirstPageAsync(); }
    private Task OnSymbolFilterChanged(string? value) { _filterSymbol = value; return ReloadFromFirstPageAsync(); }
    private Task OnTimeframeFilterChanged(string value) { _filterTimeframe = value; return ReloadFromFirstPageAsync(); }

    /// <summary>A new filter starts at its first page: the page the grid was on may not exist any more.</summary>
    private async Task ReloadFromFirstPageAsync()
    {
        if (_grid is null) return;
        // NavigateTo reloads the grid itself when it changes the page.
        if (_grid.CurrentPage > 0) _grid.NavigateTo(Page.First);
        else await _grid.ReloadServerData();
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _issues = [];
        var error = CandleFileImporter.Check(_exchange, _symbol, _timeframe, out var series);
        if (error is null && file.Size > MaxUploadMb * 1024L * 1024)
            error = $"{file.Name} is {file.Size / 1024 / 1024:N0} MB; at most {MaxUploadMb} MB.";
        if (error is not null)
        {
            (_failed, _message) = (true, error);
            return;
        }

        _importing = true;
        _message = null;
        StateHasChanged();
        try
        {
            // The browser stream only reads asynchronously, the parser synchronously: stage the upload in a temp file.
            await using var staged = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var upload = file.OpenReadStream(MaxUploadMb * 1024L * 1024))
                await upload.CopyToAsync(staged);
            staged.Position = 0;
            var result = await Importer.ImportAsync(staged, series!, CancellationToken.None);
            Show(file.Name, result);
            _importing = false;
            if (result.Succeeded && _grid is not null)
                await _grid.ReloadServerData();
        }
        catch (IOException ex)
        {
            (_failed, _message) = (true, $"Could not read {file.Name}: {ex.Message}");
        }
        finally
        {
            _importing = false;
        }
    }

    private void Show(string fileName, CandleFileImportResult result)
    {
        var parse = result.Parse;
        _failed = !result.Succeeded;
        var issues = _failed ? parse.Errors : parse.Warnings;
        var total = _failed ? parse.ErrorCount : parse.WarningCount;
        _issues = issues.Take(MaxIssuesShown).Select(i => i.ToString()).ToList();
        if (total > _issues.Count) _issues.Add($"… and {total - _issues.Count} more");
        if (_failed)
        {
            _message = $"{fileName} has {parse.ErrorCount} bad row(s); nothing was saved.";
            return;
        }
        var gaps = parse.WarningCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $" {parse.MissingCandles:N0} candle(s) missing in {parse.WarningCount} gap(s).")
            : "";
        _message = string.Create(CultureInfo.InvariantCulture,
            $"{result.Series}: {result.Written.Inserted:N0} candle(s) inserted, {result.Written.AlreadyPresent:N0} already present ({parse.Candles.Length:N0} rows in {fileName}).{gaps}");
    }

    /// <summary>A gap on one line; the end's date only when it is another day, so five gaps fit the column.</summary>
    internal static string Describe(CandleRange gap) => gap.To.Date == gap.From.Date
        ? string.Create(CultureInfo.InvariantCulture, $"{gap.From:yyyy-MM-dd HH:mm} → {gap.To:HH:mm} ({gap.Candles:N0})")
        : string.Create(CultureInfo.InvariantCulture, $"{gap.From:yyyy-MM-dd HH:mm} → {gap.To:yyyy-MM-dd HH:mm} ({gap.Candles:N0})");
}
