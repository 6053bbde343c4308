using System.Security.Cryptography.X509Certificates;
using AlgoTrade.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Security;

public static class KeyRingProtection
{
    /// <summary>
    /// One key ring in PostgreSQL so every node reads what another protected; with DataProtection:CertificatePath the
    /// keys in that table are themselves encrypted with the certificate.
    /// </summary>
    public static IServiceCollection AddAlgoTradeDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("AlgoTrade")
            .PersistKeysToDbContext<AlgoTradeDbContext>();
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!File.Exists(options.CertificatePath))
                throw new InvalidOperationException($"DataProtection:CertificatePath points to '{options.CertificatePath}', which does not exist.");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<SecretProtector>();
        return services;
    }
}
