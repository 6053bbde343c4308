using System.Text;
using AlgoTrade.Core.Trades;
using AlgoTrade.Web.Security;

namespace AlgoTrade.Web.Endpoints;

public static class TradeExportEndpoints
{
    public const string Path = "/trades/export.csv";

    public static IEndpointRouteBuilder MapTradeExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>Streams the signed-in user's filtered trades: each row goes to the response as it is read, never the whole file in memory.</summary>
    private static async Task ExportAsync(HttpContext http, TradeQueries trades, ILoggerFactory loggers, CancellationToken ct)
    {
        var userId = http.User.GetUserId() ?? throw new UnauthorizedAccessException("No signed-in user.");
        var errors = new List<string>();
        var filter = TradeFilterQuery.Parse(http.Request.Query, errors);
        if (errors.Count > 0)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { errors }, ct);
            return;
        }
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"trades-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        http.Response.Headers.CacheControl = "no-store";

        var writer = http.Response.BodyWriter;
        Encoding.UTF8.GetBytes(TradeCsv.Header, writer);
        var rows = 0;
        await foreach (var row in trades.StreamAsync(userId, filter, ct))
        {
            Encoding.UTF8.GetBytes(TradeCsv.Line(row), writer);
            // Flushing every few hundred rows bounds the buffered bytes whatever the export's size.
            if (++rows % 256 == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        loggers.CreateLogger(typeof(TradeExportEndpoints)).LogInformation("User {UserId} exported {Rows} trades as CSV", userId, rows);
    }
}
