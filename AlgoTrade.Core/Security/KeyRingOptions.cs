namespace AlgoTrade.Core.Security;

/// <summary>"DataProtection" section: an optional X.509 certificate (PFX) that encrypts the key ring at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}
