namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Test hosts protect the Data Protection key ring like Development does: with a generated key-encryption key file
/// outside the database, one per machine so every host of a run (sharing one database) reads the same ring.
/// </summary>
public static class TestKeyRing
{
    public static string KeyFile { get; } = Path.Combine(Path.GetTempPath(), "algotrade-tests", "key-encryption.key");

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["DataProtection:KeyFile"] = KeyFile,
        ["DataProtection:CreateKeyFile"] = "true",
    };

    public static void AddTo(IDictionary<string, string?> values)
    {
        foreach (var (k, v) in Settings)
            values.TryAdd(k, v);
    }
}
