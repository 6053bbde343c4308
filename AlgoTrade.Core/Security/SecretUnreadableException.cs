namespace AlgoTrade.Core.Security;

public sealed class SecretUnreadableException(SecretPurpose purpose, Exception inner)
    : Exception($"A stored {purpose} could not be decrypted; the data protection key ring may have changed.", inner)
{
    public SecretPurpose Purpose { get; } = purpose;
}
