namespace AlgoTrade.Core.Exchanges;

/// <summary>A decrypted key pair. ToString is redacted so it cannot leak through logging or string formatting.</summary>
public sealed record ExchangeCredentials(string ApiKey, string ApiSecret)
{
    public override string ToString() => "ExchangeCredentials { *** }";
}
