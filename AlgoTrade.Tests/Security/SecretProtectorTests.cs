using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Security;

public class SecretProtectorTests
{
    [Fact]
    public async Task Round_trips_and_keeps_purposes_apart()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var protector = services.GetRequiredService<SecretProtector>();

        var cipher = protector.Protect(SecretPurpose.ApiSecret, "top-secret-value");

        Assert.DoesNotContain("top-secret", cipher, StringComparison.Ordinal);
        Assert.Equal("top-secret-value", protector.Unprotect(SecretPurpose.ApiSecret, cipher));
        var wrongColumn = Assert.Throws<SecretUnreadableException>(() => protector.Unprotect(SecretPurpose.ApiKey, cipher));
        Assert.DoesNotContain(cipher, wrongColumn.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_node_sharing_the_database_reads_what_this_one_protected()
    {
        var connection = await TestDatabase.SharedAsync();
        await using var nodeA = CoreServices.Build(connection);
        await using var nodeB = CoreServices.Build(connection);

        var cipher = nodeA.GetRequiredService<SecretProtector>().Protect(SecretPurpose.ApiKey, "shared-across-nodes");

        Assert.Equal("shared-across-nodes", nodeB.GetRequiredService<SecretProtector>().Unprotect(SecretPurpose.ApiKey, cipher));
    }

    [Fact]
    public async Task A_configured_certificate_encrypts_the_key_ring_at_rest()
    {
        await using var fresh = await TestDatabase.CreateMigratedAsync();
        var pfx = Path.Combine(Path.GetTempPath(), $"algotrade-keyring-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AlgoTrade key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pfx-pass"));
        }
        try
        {
            var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-pass" };
            string cipher;
            await using (var node = CoreServices.Build(fresh.ConnectionString, settings: settings))
                cipher = node.GetRequiredService<SecretProtector>().Protect(SecretPurpose.ApiSecret, "at-rest");

            await using (var db = TestDatabase.CreateContext(fresh.ConnectionString))
            {
                var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            }
            await using (var restarted = CoreServices.Build(fresh.ConnectionString, settings: settings))
                Assert.Equal("at-rest", restarted.GetRequiredService<SecretProtector>().Unprotect(SecretPurpose.ApiSecret, cipher));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task A_database_dump_restored_without_the_key_file_cannot_decrypt_the_secrets()
    {
        await using var original = await TestDatabase.CreateFreshAsync();
        await using var restored = await TestDatabase.CreateFreshAsync();
        foreach (var db in new[] { original, restored })
        {
            await using var context = TestDatabase.CreateContext(db.ConnectionString);
            await DatabaseSetup.MigrateAsync(context);
        }
        var ownKey = NewKeyFileSettings();
        var otherKey = NewKeyFileSettings();
        try
        {
            string cipher;
            await using (var node = CoreServices.Build(original.ConnectionString, settings: ownKey))
                cipher = node.GetRequiredService<SecretProtector>().Protect(SecretPurpose.ApiSecret, "dumped-secret");

            // The dump: every key ring row, restored into another database.
            List<string> ring;
            await using (var db = TestDatabase.CreateContext(original.ConnectionString))
                ring = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            var xml = Assert.Single(ring);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            await using (var db = TestDatabase.CreateContext(restored.ConnectionString))
            {
                foreach (var row in await TestDatabase.CreateContext(original.ConnectionString).DataProtectionKeys.AsNoTracking().ToListAsync())
                    db.DataProtectionKeys.Add(new() { FriendlyName = row.FriendlyName, Xml = row.Xml });
                await db.SaveChangesAsync();
            }

            await using (var attacker = CoreServices.Build(restored.ConnectionString, settings: otherKey))
            {
                var failure = Assert.Throws<SecretUnreadableException>(() => attacker.GetRequiredService<SecretProtector>().Unprotect(SecretPurpose.ApiSecret, cipher));
                Assert.DoesNotContain(cipher, failure.Message, StringComparison.Ordinal);
            }
            await using (var owner = CoreServices.Build(restored.ConnectionString, settings: ownKey))
                Assert.Equal("dumped-secret", owner.GetRequiredService<SecretProtector>().Unprotect(SecretPurpose.ApiSecret, cipher));
        }
        finally
        {
            File.Delete(ownKey["DataProtection:KeyFile"]!);
            File.Delete(otherKey["DataProtection:KeyFile"]!);
        }
    }

    [Fact]
    public async Task Without_any_key_ring_protection_the_key_ring_refuses_to_open()
    {
        var settings = new Dictionary<string, string?> { ["DataProtection:KeyFile"] = "", ["DataProtection:CreateKeyFile"] = "false" };
        await using var node = CoreServices.Build(await TestDatabase.SharedAsync(), settings: settings);

        var refused = Assert.Throws<InvalidOperationException>(() => node.GetRequiredService<SecretProtector>());
        Assert.Contains("DataProtection:KeyFile", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_file_that_does_not_exist_is_refused_unless_it_may_be_created()
    {
        var path = Path.Combine(Path.GetTempPath(), $"algotrade-missing-{Guid.NewGuid():N}.key");
        var missing = new Dictionary<string, string?> { ["DataProtection:KeyFile"] = path, ["DataProtection:CreateKeyFile"] = "false" };
        var connection = await TestDatabase.SharedAsync();
        var refused = Assert.Throws<InvalidOperationException>(() => CoreServices.Build(connection, settings: missing));
        Assert.Contains(path, refused.Message, StringComparison.Ordinal);

        var created = new Dictionary<string, string?> { ["DataProtection:KeyFile"] = path, ["DataProtection:CreateKeyFile"] = "true" };
        try
        {
            await using var node = CoreServices.Build(connection, settings: created);
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(32, Convert.FromBase64String((await File.ReadAllTextAsync(path)).Trim()).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Dictionary<string, string?> NewKeyFileSettings() => new()
    {
        ["DataProtection:KeyFile"] = Path.Combine(Path.GetTempPath(), $"algotrade-kek-{Guid.NewGuid():N}.key"),
        ["DataProtection:CreateKeyFile"] = "true",
    };
}
