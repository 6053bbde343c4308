using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>
/// Sends one REST call: weight budget, signing, the -1021 resync-and-retry, and error typing. Never logs or reports the
/// query string of a signed call, the API key or the secret.
/// </summary>
internal sealed class BinanceTransport(
    HttpClient http,
    BinanceOptions options,
    BinanceEndpoint endpoint,
    ExchangeCredentials? credentials,
    TimeProvider clock,
    ILogger logger)
{
    public BinanceEndpoint Endpoint => endpoint;
    public TimeProvider Clock => clock;

    /// <summary>
    /// After this long the exchange refuses a request signed now (its timestamp falls out of recvWindow); one more
    /// second covers the offset left after the clock sync.
    /// </summary>
    public TimeSpan ReceiveWindow => TimeSpan.FromMilliseconds(options.RecvWindowMs) + TimeSpan.FromSeconds(1);

    /// <summary>
    /// From the moment an order is written down to the moment the exchange can no longer accept it: the wait for the
    /// weight budget, the request timeout and the receive window.
    /// </summary>
    public TimeSpan OrderInFlightWindow => options.MaxRateLimitWait + options.RequestTimeout + ReceiveWindow;
    public bool HasCredentials => credentials is not null;

    public async Task<ExchangeResult<JsonElement>> SendAsync(
        HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> parameters, bool signed, int weight, CancellationToken ct)
    {
        if (signed && credentials is null)
            return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.InvalidApiKey, "This call needs an API key and secret.");
        var list = parameters.ToList();
        if (!signed)
            return await SendOnceAsync(method, path, list, signed: false, weight, ct);

        if (!endpoint.TimeSynced)
        {
            var synced = await SyncTimeAsync(endpoint.TimeSyncVersion, ct);
            if (!synced.Success)
                return synced.As<JsonElement>();
        }
        var version = endpoint.TimeSyncVersion;
        var result = await SendOnceAsync(method, path, list, signed: true, weight, ct);
        if (result.Success || result.Error.Kind != ExchangeErrorKind.Timestamp)
            return result;

        // -1021 means the exchange refused the request unexecuted, so one retry after a resync is safe.
        logger.LogWarning("Binance rejected the timestamp of {Method} {Path}; resyncing the server clock and retrying once", method.Method, path);
        var resynced = await SyncTimeAsync(version, ct);
        if (!resynced.Success)
            return result;
        return await SendOnceAsync(method, path, list, signed: true, weight, ct);
    }

    public async Task<ExchangeResult<bool>> SyncTimeAsync(int seenVersion, CancellationToken ct)
    {
        await endpoint.TimeSyncGate.WaitAsync(ct);
        try
        {
            if (endpoint.TimeSynced && endpoint.TimeSyncVersion != seenVersion)
                return ExchangeResult<bool>.Ok(true);
            var before = clock.GetUtcNow();
            var time = await SendOnceAsync(HttpMethod.Get, "/api/v3/time", [], signed: false, weight: 1, ct);
            if (!time.Success)
                return time.As<bool>();
            var after = clock.GetUtcNow();
            var server = DateTimeOffset.FromUnixTimeMilliseconds(time.Data.GetProperty("serverTime").GetInt64());
            var local = before + (after - before) / 2;
            endpoint.SetServerTimeOffset(server - local);
            logger.LogDebug("Binance server clock offset for {BaseUrl} is {OffsetMs} ms", endpoint.BaseUrl, (server - local).TotalMilliseconds);
            return ExchangeResult<bool>.Ok(true);
        }
        finally
        {
            endpoint.TimeSyncGate.Release();
        }
    }

    private async Task<ExchangeResult<JsonElement>> SendOnceAsync(
        HttpMethod method, string path, List<KeyValuePair<string, string>> parameters, bool signed, int weight, CancellationToken ct)
    {
        var backOff = await endpoint.Limiter.AcquireAsync(weight, ct);
        if (backOff is { } wait)
        {
            logger.LogWarning("Binance weight budget for {BaseUrl} exhausted; refusing {Method} {Path} for {WaitSeconds:F1} s", endpoint.BaseUrl, method.Method, path, wait.TotalSeconds);
            return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.RateLimited, "Request weight limit reached; not sent.", retryAfter: wait);
        }

        using var request = new HttpRequestMessage(method, endpoint.BaseUrl + path + BuildQuery(parameters, signed));
        if (credentials is not null)
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", credentials.ApiKey);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.RequestTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Binance {Method} {Path} timed out after {TimeoutSeconds} s", method.Method, path, options.RequestTimeout.TotalSeconds);
            return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.UnknownExecutionStatus, $"No answer within {options.RequestTimeout.TotalSeconds:0.###} s; the request may or may not have been executed.");
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            logger.LogWarning("Binance {Method} {Path} could not connect: {Error}", method.Method, path, ex.HttpRequestError);
            return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.Unavailable, $"Could not connect to {endpoint.BaseUrl} ({ex.HttpRequestError}).");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Binance {Method} {Path} failed in transit: {Error}", method.Method, path, ex.HttpRequestError);
            return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.UnknownExecutionStatus, $"The connection failed in transit ({ex.HttpRequestError}); the request may or may not have been executed.");
        }

        using (response)
        {
            if (response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var used)
                && int.TryParse(used.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var usedWeight))
                endpoint.Limiter.ObserveUsedWeight(usedWeight);

            logger.LogDebug("Binance {Method} {Path} answered {StatusCode}", method.Method, path, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    using var doc = JsonDocument.Parse(body);
                    return ExchangeResult<JsonElement>.Ok(doc.RootElement.Clone());
                }
                catch (JsonException)
                {
                    return ExchangeResult<JsonElement>.Fail(ExchangeErrorKind.UnknownExecutionStatus, "The exchange answered with malformed JSON.");
                }
            }

            var (code, message) = ParseError(body);
            var retryAfter = RetryAfter(response);
            var error = BinanceErrors.Classify(response.StatusCode, code, message, retryAfter);
            if (error.Kind == ExchangeErrorKind.RateLimited)
            {
                endpoint.Limiter.BlockFor(error.RetryAfter ?? TimeSpan.FromMinutes(1));
                logger.LogWarning("Binance rate limit hit on {BaseUrl} (HTTP {StatusCode}); backing off {RetryAfterSeconds} s", endpoint.BaseUrl, (int)response.StatusCode, error.RetryAfter?.TotalSeconds);
            }
            else
            {
                logger.LogInformation("Binance {Method} {Path} failed: {ErrorKind} {ErrorCode} {ErrorMessage}", method.Method, path, error.Kind, error.Code, error.Message);
            }
            return ExchangeResult<JsonElement>.Fail(error);
        }
    }

    private string BuildQuery(List<KeyValuePair<string, string>> parameters, bool signed)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in parameters)
            Append(query, key, value);
        if (signed)
        {
            Append(query, "recvWindow", options.RecvWindowMs.ToString(CultureInfo.InvariantCulture));
            Append(query, "timestamp", endpoint.ServerNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            Append(query, "signature", BinanceSigner.Sign(query.ToString(), credentials!.ApiSecret));
        }
        return query.Length == 0 ? "" : "?" + query;
    }

    private static void Append(StringBuilder query, string key, string value)
    {
        if (query.Length > 0)
            query.Append('&');
        query.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static (int? Code, string? Message) ParseError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            var message = root.TryGetProperty("msg", out var m) ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
                return delta;
            if (header.Date is { } date)
                return date - clock.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.Zero;
        }
        return null;
    }
}
