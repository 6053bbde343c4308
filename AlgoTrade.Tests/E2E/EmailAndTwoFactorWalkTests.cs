using System.Text.RegularExpressions;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// The whole account journey in Chromium against real Kestrel, PostgreSQL and smtp4dev: register, verify the address
/// from the real inbox, enrol TOTP (codes computed here from the shown secret), sign out, sign in with a code, with a
/// recovery code, and reset the password by email. The app's own log file is grepped for every secret seen.
/// </summary>
public sealed class EmailAndTwoFactorWalkTests : IAsyncLifetime
{
    private readonly Smtp4devInbox _inbox = Smtp4devInbox.FromEnvironment();
    private readonly string _logDir = Path.Combine(Path.GetTempPath(), "algotrade-tests", "walk-" + Guid.NewGuid().ToString("N"));
    private AlgoTradeWebFactory _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;
    private readonly System.Text.StringBuilder _console = new();
    private TextWriter _originalOut = Console.Out;

    public async Task InitializeAsync()
    {
        var port = AlgoTradeWebFactory.FreePort();
        var settings = _inbox.AppSettings(new Uri($"http://127.0.0.1:{port}"));
        // Everything at Information, ASP.NET Core included, into a file of this test's own.
        settings["Serilog:MinimumLevel:Default"] = "Information";
        settings["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Information";
        // The app's console sink writes to Console.Out at each event: keep a copy of everything it prints.
        _originalOut = Console.Out;
        Console.SetOut(TextWriter.Synchronized(new StringWriter(_console)));
        _app = await AlgoTradeWebFactory.StartAsync(settings, port: port);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ALGOTRADE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        _inbox.Dispose();
        Console.SetOut(_originalOut);
    }

    [Fact]
    public async Task Register_verify_enrol_two_factor_sign_in_with_code_and_recovery_code_then_reset_the_password_by_email()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var email = TestUsers.NewEmail("walk");
        var secrets = new List<string>();

        // Register: the account works at once and a verification email goes out.
        await page.GotoAsync("/account/register");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.FillAsync("#confirm", TestUsers.Password);
        await page.ClickAsync("#register-submit");
        // Registration answers a new and a taken address alike, so it sends to sign-in rather than signing in.
        await Expect(page.Locator("#login-registered")).ToBeVisibleAsync();
        await SignInAsync(page, email, TestUsers.Password);
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 20_000 });

        var verification = await _inbox.WaitForAsync(email, "Confirm your AlgoTrade email address");
        Assert.Contains("noreply@algotrade.test", verification.From);
        Assert.Contains("Confirm your email address", verification.Text);
        Assert.Contains("Confirm your email address", verification.Html);
        var verifyLink = verification.Link("/account/verify-email");
        Assert.StartsWith(_app.BaseAddress.ToString().TrimEnd('/'), verifyLink);
        Assert.Contains(verifyLink, verification.HtmlLinks);
        secrets.Add(new Uri(verifyLink).Query);

        await page.GotoAsync(verifyLink);
        await BrowserFixture.ScreenshotAsync(page, "account-verify-email");
        await page.ClickAsync("#verify-submit");
        await Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-result", "verified");
        await BrowserFixture.ScreenshotAsync(page, "account-verify-email-done");
        // A replayed link is refused.
        await page.GotoAsync(verifyLink);
        await page.ClickAsync("#verify-submit");
        await Expect(page.Locator("#verify-result")).ToHaveAttributeAsync("data-result", "AlreadyUsed");

        // Enrol two-factor with the secret shown on the page.
        await page.GotoAsync("/account/two-factor");
        await Expect(page.Locator("#two-factor-status")).ToHaveAttributeAsync("data-enabled", "false");
        await page.ClickAsync("#begin-submit");
        await Expect(page.Locator("#totp-qr")).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        secrets.Add(secret);
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-enrol");
        var codes = new TotpCodes(secret);
        await page.FillAsync("#confirm-code", "000000");
        await page.ClickAsync("#confirm-submit");
        await Expect(page.Locator("#two-factor-message")).ToContainTextAsync("does not match");
        await page.FillAsync("#confirm-code", await codes.NextAsync());
        await page.ClickAsync("#confirm-submit");
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        var recoveryCodes = (await page.Locator("#recovery-codes li").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.All(recoveryCodes, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c));
        await BrowserFixture.ScreenshotAsync(page, "account-two-factor-recovery-codes");
        // After enrolment the seed is never shown again.
        await page.GotoAsync("/account/two-factor");
        await Expect(page.Locator("#two-factor-status")).ToHaveAttributeAsync("data-enabled", "true");
        Assert.DoesNotContain(secret, await page.ContentAsync());

        // Sign out, sign in: the password alone leads to the code page.
        await SignOutAsync(page);
        await SignInAsync(page, email, TestUsers.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await page.FillAsync("#code", codes.Stale());
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#two-factor-error")).ToContainTextAsync("not valid");
        await BrowserFixture.ScreenshotAsync(page, "account-login-2fa-error");
        var code = await codes.NextAsync();
        await page.FillAsync("#code", code);
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 20_000 });

        // The same code cannot sign in a second time.
        await SignOutAsync(page);
        await SignInAsync(page, email, TestUsers.Password);
        await page.FillAsync("#code", code);
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#two-factor-error")).ToContainTextAsync("already used");

        // A recovery code works once.
        await UseRecoveryCodeAsync(page);
        await page.FillAsync("#code", recoveryCodes[3]);
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 20_000 });
        await SignOutAsync(page);
        await SignInAsync(page, email, TestUsers.Password);
        await UseRecoveryCodeAsync(page);
        await page.FillAsync("#code", recoveryCodes[3]);
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#two-factor-error")).ToContainTextAsync("not valid or was already used");

        // Forgot password: the page never says whether the address has an account.
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#forgot-password-link");
        // The sign-in page has an #email too: fill only once the link's page has replaced it.
        await Expect(page.Locator("#forgot-form")).ToBeVisibleAsync();
        await page.FillAsync("#email", TestUsers.NewEmail("nobody"));
        await page.ClickAsync("#forgot-submit");
        var unknownAnswer = await page.Locator("#reset-sent").InnerTextAsync();
        await page.GotoAsync("/account/forgot-password");
        await Expect(page.Locator("#forgot-form")).ToBeVisibleAsync();
        await page.FillAsync("#email", email);
        await page.ClickAsync("#forgot-submit");
        Assert.Equal(unknownAnswer, await page.Locator("#reset-sent").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "account-forgot-password-sent");

        var reset = await _inbox.WaitForAsync(email, "Reset your AlgoTrade password");
        var resetLink = reset.Link("/account/reset-password");
        Assert.Contains(resetLink, reset.HtmlLinks);
        secrets.Add(new Uri(resetLink).Query);
        await page.GotoAsync(resetLink);
        await page.FillAsync("#new", "short");
        await page.FillAsync("#confirm", "short");
        await page.ClickAsync("#reset-submit");
        await Expect(page.Locator(".at-validation").First).ToContainTextAsync("at least 12 characters");
        const string newPassword = "Brand-New-Horse-77";
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("#reset-submit");
        await Expect(page.Locator("#reset-done")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-reset-password-done");
        // The link works once.
        await page.GotoAsync(resetLink);
        await Expect(page.Locator("#reset-invalid")).ToHaveAttributeAsync("data-result", "AlreadyUsed");

        // The old password is gone; the new one plus a code signs in.
        await SignInAsync(page, email, TestUsers.Password);
        await Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        await SignInAsync(page, email, newPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await page.FillAsync("#code", await codes.NextAsync());
        await page.ClickAsync("#two-factor-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 20_000 });

        // The Sessions page lists this browser.
        await page.GotoAsync("/account/sessions");
        await Expect(page.Locator(".session-row[data-current='true']")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "account-sessions");
        await context.CloseAsync();

        // No secret seen on the way reached the app's log (Information and up, ASP.NET Core's request lines included).
        await _app.DisposeAsync();
        string logText;
        lock (_console) logText = _console.ToString();
        Assert.Contains("verified their email address", logText);
        foreach (var s in secrets.Select(s => s.TrimStart('?').Replace("token=", "", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(s, logText);
            Assert.DoesNotContain(Uri.UnescapeDataString(s), logText);
        }
        foreach (var r in recoveryCodes) Assert.DoesNotContain(r, logText);
        Assert.DoesNotContain(newPassword, logText);
        _app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?> { ["Email:RunWorker"] = "false" });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync(".at-user-menu button");
        await page.ClickAsync("#logout-button");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    // The link loads the recovery form as a new page: typing before it arrives fills the old form's field.
    private static async Task UseRecoveryCodeAsync(IPage page)
    {
        await page.ClickAsync("#use-recovery");
        await Expect(page).ToHaveURLAsync(new Regex("recovery=true"));
        await Expect(page.GetByText("Enter one of your recovery codes.")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
