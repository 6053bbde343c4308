namespace AlgoTrade.Core.ApiKeys;

/// <summary>Input of <see cref="ApiKeyService.AddAsync"/>; ToString is redacted so the pair never reaches a log.</summary>
public sealed record NewApiKey(string ExchangeName, string Label, string ApiKey, string ApiSecret)
{
    public override string ToString() => $"NewApiKey {{ ExchangeName = {ExchangeName}, Label = {Label}, *** }}";
}
