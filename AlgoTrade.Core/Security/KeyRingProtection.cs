using System.Security.Cryptography.X509Certificates;
using AlgoTrade.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Security;

public static class KeyRingProtection
{
    /// <summary>
    /// One key ring in PostgreSQL so every node reads what another protected, each key encrypted with a certificate or
    /// a key-encryption key kept outside the database. Without either the ring refuses to open (the first use of Data
    /// Protection throws), because a database dump would otherwise decrypt every secret.
    /// </summary>
    public static IServiceCollection AddAlgoTradeDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("AlgoTrade")
            .PersistKeysToDbContext<AlgoTradeDbContext>();
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.HasKeyEncryptionKey)
        {
            var kek = KeyEncryptionKey.FromOptions(options);
            services.AddSingleton(kek);
            if (!options.HasCertificate)
                services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(kek));
        }
        if (options.HasCertificate)
        {
            if (!File.Exists(options.CertificatePath))
                throw new InvalidOperationException($"DataProtection:CertificatePath points to '{options.CertificatePath}', which does not exist.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        if (!options.IsProtected)
            services.Configure<KeyManagementOptions>(_ => throw new InvalidOperationException(KeyRingOptions.NotProtectedMessage));
        services.AddSingleton<SecretProtector>();
        return services;
    }
}
