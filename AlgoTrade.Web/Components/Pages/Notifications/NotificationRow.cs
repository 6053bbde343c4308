using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Web.Components.Pages.Notifications;

/// <summary>The editable state of one notification type on the page.</summary>
public sealed class NotificationRow(NotificationTypeInfo info, NotificationSetting setting)
{
    public NotificationTypeInfo Info { get; } = info;
    public bool WebhookEnabled { get; set; } = setting.WebhookEnabled;
    public string? WebhookUrl { get; set; } = setting.WebhookUrl;
    public bool EmailEnabled { get; set; } = setting.EmailEnabled;
    public IReadOnlyList<string> Errors { get; set; } = [];
    public string? TestOutcome { get; set; }
    public bool TestSucceeded { get; set; }

    public NotificationSetting ToSetting() => new(Info.Type, WebhookEnabled, WebhookUrl, EmailEnabled);
}
