using System.Net;
using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Admin;

/// <summary>The admin area through the real app on Kestrel: role gate, deactivation of a signed-in user, export.</summary>
public class AdminWebTests : IAsyncLifetime
{
    public static readonly string[] AdminPages = ["/admin", "/admin/users", "/admin/bots", "/admin/activity-logs", "/admin/system", "/admin/audit"];
    private const string Export = "/admin/activity-logs/export?format=csv";

    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() => _app = await AlgoTradeWebFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Email, int Id, HttpClient Client)> SignInAsync(bool admin)
    {
        var accounts = _app.Services.GetRequiredService<UserAccountService>();
        var email = TestUsers.NewEmail(admin ? "admin" : "trader");
        var result = admin ? await accounts.CreateOrPromoteAdminAsync(email, TestUsers.Password) : await accounts.RegisterAsync(email, TestUsers.Password);
        var client = _app.CreateBrowserLikeClient();
        var login = await FormLogin.LoginAsync(client, email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (email, result.User!.Id, client);
    }

    [Fact]
    public async Task Traders_get_403_on_every_admin_page_and_the_export()
    {
        var (_, _, client) = await SignInAsync(admin: false);
        using (client)
        {
            foreach (var path in AdminPages.Append(Export))
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {response.StatusCode}");
            }
            Assert.DoesNotContain("href=\"/admin", await client.GetStringAsync("/"));
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_admin_page_and_the_export()
    {
        using var client = _app.CreateBrowserLikeClient();
        foreach (var path in AdminPages.Append(Export))
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode}");
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Admins_get_every_admin_page_with_its_sub_navigation()
    {
        var (_, _, client) = await SignInAsync(admin: true);
        using (client)
        {
            foreach (var path in AdminPages)
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("id=\"admin-nav\"", html);
                Assert.Contains($"href=\"{path}\"", html);
            }
            // The app runs its scheduler: the System page reports it instead of the "not running here" notice.
            var system = await client.GetStringAsync("/admin/system");
            Assert.Contains("id=\"scheduled-bots\"", system);
            Assert.Contains("InMemory", system);
            Assert.DoesNotContain("id=\"scheduler-not-wired\"", system);
        }
    }

    [Fact]
    public async Task Deactivating_a_signed_in_trader_ends_the_session_blocks_login_stops_the_bots_and_is_audited()
    {
        var (_, adminId, adminClient) = await SignInAsync(admin: true);
        adminClient.Dispose();
        var (traderEmail, traderId, client) = await SignInAsync(admin: false);
        int botId;
        await using (var db = await TestDatabase.SharedContextAsync())
            botId = (await AdminTestData.AddBotAsync(db, traderId, "Live bot")).Id;
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            var result = await _app.Services.GetRequiredService<AdminUserService>().SetActiveAsync(adminId, traderId, false);
            Assert.True(result.Succeeded, result.Error);

            var after = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
            var again = await FormLogin.LoginAsync(client, traderEmail, TestUsers.Password);
            Assert.Contains("This account has been deactivated.", await again.Content.ReadAsStringAsync());
        }
        await using var check = await TestDatabase.SharedContextAsync();
        var bot = await check.BotConfigs.AsNoTracking().Include(b => b.State).SingleAsync(b => b.Id == botId);
        Assert.False(bot.IsActive);
        Assert.Equal(BotStatus.Stopped, bot.State!.Status);
        var audit = await check.AdminAuditLog.AsNoTracking().SingleAsync(a => a.TargetType == AdminActions.TargetUser && a.TargetId == traderId.ToString());
        Assert.Equal((AdminActions.DeactivateUser, adminId), (audit.Action, audit.AdminUserId));
    }

    [Fact]
    public async Task Export_streams_the_filtered_rows_newest_first_as_csv_and_json_lines()
    {
        var (_, _, client) = await SignInAsync(admin: true);
        int userId, botId;
        var t0 = new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var owner = await AdminTestData.AddUserAsync(db, prefix: "export");
            var bot = await AdminTestData.AddBotAsync(db, owner.Id, "Export, \"quoted\" bot");
            var other = await AdminTestData.AddBotAsync(db, owner.Id, "Other");
            db.BotActivityLogs.AddRange(
                AdminTestData.Log(bot, t0, ActivityLogLevel.Info, "first"),
                AdminTestData.Log(bot, t0.AddSeconds(1), ActivityLogLevel.Error, "=HYPERLINK(\"x\"), with comma", new { price = 1.5 }),
                AdminTestData.Log(bot, t0.AddSeconds(2), ActivityLogLevel.Info, "line\nbreak"),
                AdminTestData.Log(other, t0.AddSeconds(3), ActivityLogLevel.Info, "other bot"));
            await db.SaveChangesAsync();
            (userId, botId) = (owner.Id, bot.Id);
        }
        using (client)
        {
            var csv = await client.GetAsync($"/admin/activity-logs/export?format=csv&user={userId}&bot={botId}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.Contains("attachment", csv.Content.Headers.ContentDisposition!.ToString());
            var text = await csv.Content.ReadAsStringAsync();
            Assert.StartsWith(ActivityLogExportHeader, text);
            Assert.Contains("\"line\nbreak\"", text);
            Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), with comma\"", text);
            Assert.Contains("\"Export, \"\"quoted\"\" bot\"", text);
            Assert.Contains($",{t0.AddSeconds(1):O},ERROR,{userId},", text);
            Assert.Contains($",{t0:O},INFO,{userId},", text);
            Assert.DoesNotContain("other bot", text);
            Assert.True(text.IndexOf("line\nbreak", StringComparison.Ordinal) < text.IndexOf("HYPERLINK", StringComparison.Ordinal));
            Assert.True(text.IndexOf("HYPERLINK", StringComparison.Ordinal) < text.IndexOf("first", StringComparison.Ordinal));

            var jsonl = await client.GetAsync($"/admin/activity-logs/export?format=jsonl&user={userId}&level=ERROR");
            Assert.Equal(HttpStatusCode.OK, jsonl.StatusCode);
            var lines = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var row = JsonDocument.Parse(Assert.Single(lines)).RootElement;
            Assert.Equal("ERROR", row.GetProperty("level").GetString());
            Assert.Equal(botId, row.GetProperty("botId").GetInt32());
            Assert.Equal(1.5, row.GetProperty("details").GetProperty("price").GetDouble());
            Assert.Equal(t0.AddSeconds(1), row.GetProperty("timestamp").GetDateTime().ToUniversalTime());

            // The level in the address is case-insensitive; one that does not exist is refused by name.
            var lower = await client.GetStringAsync($"/admin/activity-logs/export?format=jsonl&user={userId}&level=error");
            Assert.Equal(row.GetProperty("id").GetInt64(), JsonDocument.Parse(lower).RootElement.GetProperty("id").GetInt64());
            var fatal = await client.GetAsync($"/admin/activity-logs/export?format=csv&level=fatal");
            Assert.Equal(HttpStatusCode.BadRequest, fatal.StatusCode);
            var fatalErrors = JsonDocument.Parse(await fatal.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Equal(["Unknown level 'FATAL'."], fatalErrors.EnumerateArray().Select(e => e.GetString()));

            var bad = await client.GetAsync($"/admin/activity-logs/export?format=xml&q=ab");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = await bad.Content.ReadAsStringAsync();
            Assert.Contains("format", errors);
            Assert.Contains("at least 3 characters", errors);
        }
    }

    private const string ActivityLogExportHeader = "id,timestamp,level,user_id,user_email,bot_id,bot_name,message,details\n";
}
