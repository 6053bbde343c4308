using System.Text.RegularExpressions;

namespace AlgoTrade.Core.Exchanges;

public static partial class ClientOrderIds
{
    /// <summary>Binance's rule for newClientOrderId, applied to every exchange so ids stay portable.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,36}$")]
    private static partial Regex Pattern();
}
