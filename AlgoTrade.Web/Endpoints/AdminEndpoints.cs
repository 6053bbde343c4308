using AlgoTrade.Core.Admin;
using AlgoTrade.Web.Admin;
using AlgoTrade.Web.Security;

namespace AlgoTrade.Web.Endpoints;

public static class AdminEndpoints
{
    public const string ExportPath = "/admin/activity-logs/export";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.Admin);
        return endpoints;
    }

    /// <summary>
    /// Streams the filtered activity log as CSV or JSON lines: rows come from a chain of keyset pages and go straight
    /// into the response body, so memory stays flat whatever the size of the export.
    /// </summary>
    private static async Task ExportAsync(HttpContext http, ActivityLogQuery query, ILoggerFactory loggers, CancellationToken ct)
    {
        var errors = new List<string>();
        var filter = ActivityLogFilterQuery.Parse(name => http.Request.Query[name], errors);
        var formatRaw = http.Request.Query["format"].ToString();
        ActivityLogExportFormat? format = formatRaw.ToLowerInvariant() switch
        {
            "" or "csv" => ActivityLogExportFormat.Csv,
            "jsonl" or "ndjson" => ActivityLogExportFormat.JsonLines,
            _ => null,
        };
        if (format is null) errors.Add("'format' must be csv or jsonl.");
        if (errors.Count > 0)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { errors }, ct);
            return;
        }

        var csv = format == ActivityLogExportFormat.Csv;
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"activity-logs-{stamp}.{(csv ? "csv" : "jsonl")}\"";
        http.Response.Headers.CacheControl = "no-store";

        var output = http.Response.BodyWriter;
        if (csv) ActivityLogExportWriter.WriteCsvHeader(output);
        var rows = 0L;
        await foreach (var row in query.StreamAsync(filter, ct))
        {
            if (csv) ActivityLogExportWriter.WriteCsvRow(output, row);
            else ActivityLogExportWriter.WriteJsonLine(output, row);
            if (++rows % 500 == 0)
                await output.FlushAsync(ct);
        }
        await output.FlushAsync(ct);
        loggers.CreateLogger(typeof(AdminEndpoints)).LogInformation("Admin {UserId} exported {Rows} activity log rows as {Format}",
            http.User.GetUserId(), rows, format);
    }
}
