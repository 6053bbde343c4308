using System.Diagnostics;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>
/// Request logging for the Binance HttpClient that carries method, path, status and time only. The framework's
/// default logger redacts header values in its message but still hands the raw headers (X-MBX-APIKEY) to structured
/// sinks as properties, and its URL holds the signed query string.
/// </summary>
public sealed class BinanceHttpLogger(ILogger logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        logger.LogTrace("Sending HTTP request {Method} {Path}", request.Method.Method, request.RequestUri?.AbsolutePath);
        return Stopwatch.GetTimestamp();
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Path} answered {StatusCode} after {ElapsedMs:F1} ms",
            request.Method.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Path} failed after {ElapsedMs:F1} ms: {Error}",
            request.Method.Method, request.RequestUri?.AbsolutePath, elapsed.TotalMilliseconds, exception.GetType().Name);
}
