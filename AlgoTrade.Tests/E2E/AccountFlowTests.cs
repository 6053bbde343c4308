using System.Text.RegularExpressions;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

[Collection(BrowserCollection.Name)]
public class AccountFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_newcomer_registers_toggles_the_theme_logs_out_and_logs_back_in()
    {
        var page = await browser.NewPageAsync();
        var email = TestUsers.NewEmail("e2e");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await BrowserFixture.ScreenshotAsync(page, "account-login");
        await page.ClickAsync("text=Create an account");
        // The login page has an #email field too: wait for the register form before typing.
        await Expect(page).ToHaveURLAsync(new Regex("/account/register"));
        await page.Locator("#register-form").WaitForAsync();

        // The policy is enforced in the browser-visible form before anything is stored.
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "tooshort");
        await page.FillAsync("#confirm", "tooshort");
        await page.ClickAsync("#register-submit");
        await Expect(page.Locator(".at-validation").First).ToContainTextAsync("at least 12 characters");
        await BrowserFixture.ScreenshotAsync(page, "account-register-errors");

        await page.FillAsync("#password", TestUsers.Password);
        await page.FillAsync("#confirm", TestUsers.Password);
        await page.ClickAsync("#register-submit");
        // Registering never signs in: a taken address would get the same page, so nothing tells which addresses exist.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?registered=true"));
        await Expect(page.Locator("#login-registered")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-registered");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("#welcome")).ToContainTextAsync("Welcome, ");
        await Expect(page.Locator("#nav-admin")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "dashboard-light");

        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#theme-toggle");
        await Expect(page.Locator("body")).ToHaveClassAsync(new Regex("at-dark"));
        await page.ReloadAsync();
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email);
        await Expect(page.Locator("body")).ToHaveClassAsync(new Regex("at-dark"));
        await BrowserFixture.ScreenshotAsync(page, "dashboard-dark");

        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync(".at-user-menu button");
        await page.Locator("#logout-button").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "user-menu-open");
        await page.ClickAsync("#logout-button");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByText("You have been signed out.")).ToBeVisibleAsync();

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Wrong-Password-1");
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("Invalid email or password.");

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email);
        await page.Context.CloseAsync();
    }
}
