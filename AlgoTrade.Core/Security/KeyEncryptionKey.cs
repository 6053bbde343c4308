using System.Security.Cryptography;

namespace AlgoTrade.Core.Security;

/// <summary>The 256-bit key that encrypts the Data Protection key ring before it is written to the database.</summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        // Names the key in each encrypted element, so a wrong key is reported as such instead of as corruption.
        Id = Convert.ToHexStringLower(SHA256.HashData(key)[..8]);
    }

    internal byte[] Key { get; }
    public string Id { get; }

    public static KeyEncryptionKey FromOptions(KeyRingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
            return Parse(options.Key, "DataProtection:Key");
        var path = Path.GetFullPath(options.KeyFile!);
        if (!File.Exists(path))
        {
            if (!options.CreateKeyFile)
                throw new InvalidOperationException($"DataProtection:KeyFile points to '{path}', which does not exist.");
            Create(path);
        }
        return Parse(File.ReadAllText(path), $"the key file '{path}'");
    }

    private static KeyEncryptionKey Parse(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The key-encryption key in {source} is not base64.");
        }
        if (key.Length != Length)
            throw new InvalidOperationException($"The key-encryption key in {source} has {key.Length} bytes; it needs {Length} (openssl rand -base64 32).");
        return new KeyEncryptionKey(key);
    }

    /// <summary>Writes a new random key readable by this user only; a concurrent creator's file wins.</summary>
    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
