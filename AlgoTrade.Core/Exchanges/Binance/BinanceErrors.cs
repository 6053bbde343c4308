using System.Net;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Maps Binance's HTTP statuses and error codes onto <see cref="ExchangeErrorKind"/>.</summary>
public static class BinanceErrors
{
    public const int UnknownExecution = -1007;
    public const int TooManyRequests = -1003;
    public const int TimestampOutsideWindow = -1021;
    public const int InvalidSignature = -1022;
    public const int FilterFailure = -1013;
    public const int BadSymbol = -1121;
    public const int NewOrderRejected = -2010;
    public const int CancelRejected = -2011;
    public const int NoSuchOrder = -2013;
    public const int BadApiKeyFormat = -2014;
    public const int RejectedMbxKey = -2015;

    public static ExchangeError Classify(HttpStatusCode status, int? code, string? message, TimeSpan? retryAfter)
    {
        var text = string.IsNullOrWhiteSpace(message) ? $"HTTP {(int)status}" : message.Trim();
        if (status is HttpStatusCode.TooManyRequests or (HttpStatusCode)418 || code == TooManyRequests)
            return new(ExchangeErrorKind.RateLimited, text, code ?? (int)status, retryAfter ?? TimeSpan.FromSeconds(60));
        if ((int)status >= 500 || code == UnknownExecution)
            return new(ExchangeErrorKind.UnknownExecutionStatus, text, code ?? (int)status);

        var kind = code switch
        {
            BadApiKeyFormat or RejectedMbxKey or InvalidSignature => ExchangeErrorKind.InvalidApiKey,
            TimestampOutsideWindow => ExchangeErrorKind.Timestamp,
            FilterFailure => ExchangeErrorKind.FilterFailure,
            BadSymbol => ExchangeErrorKind.BadSymbol,
            NoSuchOrder => ExchangeErrorKind.OrderNotFound,
            // -2010 covers several rejections; the message tells them apart.
            NewOrderRejected when text.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => ExchangeErrorKind.DuplicateOrder,
            NewOrderRejected when text.Contains("balance", StringComparison.OrdinalIgnoreCase) => ExchangeErrorKind.InsufficientBalance,
            NewOrderRejected => ExchangeErrorKind.Rejected,
            CancelRejected when text.Contains("Unknown order", StringComparison.OrdinalIgnoreCase) => ExchangeErrorKind.OrderNotFound,
            _ when status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExchangeErrorKind.InvalidApiKey,
            _ => ExchangeErrorKind.Rejected,
        };
        return new(kind, text, code ?? (int)status);
    }
}
