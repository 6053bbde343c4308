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
        await using var fresh = await TestDatabase.CreateFreshAsync();
        await using (var db = TestDatabase.CreateContext(fresh.ConnectionString))
            await DatabaseSetup.MigrateAsync(db);
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
}
