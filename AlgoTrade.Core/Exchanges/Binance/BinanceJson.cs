using System.Text.Json;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Reads Binance's JSON, where prices and quantities are strings.</summary>
internal static class BinanceJson
{
    public static decimal Decimal(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? ToDecimal(v) : 0m;

    public static decimal ToDecimal(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => DecimalText.ParseDecimal(v.GetString()!),
        JsonValueKind.Number => v.GetDecimal(),
        _ => 0m,
    };

    public static string String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public static DateTime Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;

    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static SymbolInfo Symbol(JsonElement s)
    {
        decimal tick = 0, step = 0, minQty = 0, maxQty = 0, minNotional = 0;
        if (s.TryGetProperty("filters", out var filters))
        {
            foreach (var f in filters.EnumerateArray())
            {
                switch (String(f, "filterType"))
                {
                    case "PRICE_FILTER":
                        tick = Decimal(f, "tickSize");
                        break;
                    case "LOT_SIZE":
                        step = Decimal(f, "stepSize");
                        minQty = Decimal(f, "minQty");
                        maxQty = Decimal(f, "maxQty");
                        break;
                    case "MIN_NOTIONAL":
                    case "NOTIONAL":
                        minNotional = Math.Max(minNotional, Decimal(f, "minNotional"));
                        break;
                }
            }
        }
        return new SymbolInfo(String(s, "symbol"), String(s, "status"), String(s, "baseAsset"), String(s, "quoteAsset"),
            tick, step, minQty, maxQty, minNotional);
    }

    public static Kline Kline(JsonElement k) => new(
        Time(k[0].GetInt64()), Time(k[6].GetInt64()),
        ToDecimal(k[1]), ToDecimal(k[2]), ToDecimal(k[3]), ToDecimal(k[4]), ToDecimal(k[5]));

    public static ExchangeOrder Order(JsonElement o, IReadOnlyList<OrderFill>? fills = null)
    {
        var parsedFills = fills ?? (o.TryGetProperty("fills", out var f)
            ? f.EnumerateArray().Select(x => new OrderFill(Decimal(x, "price"), Decimal(x, "qty"), Decimal(x, "commission"), String(x, "commissionAsset"))).ToList()
            : []);
        var time = o.TryGetProperty("updateTime", out var u) ? u.GetInt64()
            : o.TryGetProperty("transactTime", out var t) ? t.GetInt64() : 0;
        return new ExchangeOrder(
            String(o, "symbol"),
            o.TryGetProperty("orderId", out var id) ? id.GetRawText() : "",
            ClientOrderId(o),
            String(o, "side") == "SELL" ? OrderSide.Sell : OrderSide.Buy,
            String(o, "type") == "LIMIT" ? OrderType.Limit : OrderType.Market,
            Status(String(o, "status")),
            Decimal(o, "price"),
            Decimal(o, "origQty"),
            Decimal(o, "executedQty"),
            Decimal(o, "cummulativeQuoteQty"),
            Time(time),
            parsedFills);
    }

    public static OrderFill Trade(JsonElement t) =>
        new(Decimal(t, "price"), Decimal(t, "qty"), Decimal(t, "commission"), String(t, "commissionAsset"));

    // A cancel answer carries the cancel request's id in clientOrderId and the order's own in origClientOrderId.
    private static string ClientOrderId(JsonElement o) =>
        String(o, "origClientOrderId") is { Length: > 0 } orig ? orig : String(o, "clientOrderId");

    public static OrderStatus Status(string status) => status switch
    {
        "NEW" => OrderStatus.New,
        "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "PENDING_CANCEL" => OrderStatus.PendingCancel,
        "REJECTED" => OrderStatus.Rejected,
        _ => OrderStatus.Expired,
    };

    public static string Side(OrderSide side) => side == OrderSide.Sell ? "SELL" : "BUY";
}
