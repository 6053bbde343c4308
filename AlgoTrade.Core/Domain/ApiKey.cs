namespace AlgoTrade.Core.Domain;

public class ApiKey
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string EncryptedApiKey { get; set; } = "";
    public string EncryptedSecretKey { get; set; } = "";
    public string ExchangeName { get; set; } = ExchangeNames.Binance;
    public bool IsValid { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Additions to the seed (docs/data-model.md).
    public string Label { get; set; } = "";
    /// <summary>First and last four characters of the API key, so lists never decrypt.</summary>
    public string MaskedKey { get; set; } = "";
    public DateTime? LastValidatedAt { get; set; }
    public string? ValidationMessage { get; set; }
    public bool? CanWithdraw { get; set; }
    public bool? IpRestricted { get; set; }

    public User? User { get; set; }
}
