namespace AlgoTrade.Core.Security;

/// <summary>
/// "DataProtection" section: what encrypts the key ring at rest, since the ring lives in the same database as the
/// secrets it protects. One of an X.509 certificate (PFX), a key-encryption key file, or the key itself (base64).
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>A file holding a base64 256-bit key-encryption key, kept outside the database and its backups.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Generate <see cref="KeyFile"/> (mode 600) when it does not exist: Development and tests only.</summary>
    public bool CreateKeyFile { get; set; }

    /// <summary>The key-encryption key itself, base64 (for a secret store that injects environment variables).</summary>
    public string? Key { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath);
    public bool HasKeyEncryptionKey => !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(Key);
    public bool IsProtected => HasCertificate || HasKeyEncryptionKey;

    public const string NotProtectedMessage =
        "The Data Protection key ring is not protected: without protection a copy of the database alone decrypts every " +
        "stored API secret. Set DataProtection:CertificatePath (an X.509 PFX), DataProtection:KeyFile (a file with a " +
        "base64 256-bit key, e.g. from `openssl rand -base64 32`) or DataProtection:Key (the same key in an environment " +
        "variable, DataProtection__Key), and keep it out of the database backups.";
}
