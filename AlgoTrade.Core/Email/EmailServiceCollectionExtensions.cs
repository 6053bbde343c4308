using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>SMTP sending, templates and the outbox; the host adds <see cref="EmailDeliveryWorker"/> to deliver.</summary>
    public static IServiceCollection AddAlgoTradeEmail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailDeliveryLog>();
        services.AddSingleton<EmailDeliveryWorker>();
        return services;
    }
}
