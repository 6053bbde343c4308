using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Account;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Web.Components;

public class AccountFormTests : AppBunitContext
{
    [Fact]
    public void Login_form_requires_email_and_password()
    {
        var cut = Render<Login>();
        cut.Find("form").Submit();

        var messages = cut.FindAll(".at-validation").Select(e => e.TextContent).ToList();
        Assert.Contains("Enter your email address.", messages);
        Assert.Contains("Enter your password.", messages);
    }

    [Fact]
    public void Login_form_rejects_a_malformed_email()
    {
        var cut = Render<Login>();
        cut.Find("#email").Change("not-an-email");
        cut.Find("#password").Change("whatever-it-is");
        cut.Find("form").Submit();

        Assert.Equal("Enter a valid email address.", cut.Find(".at-validation").TextContent);
    }

    [Fact]
    public void Login_form_shows_the_same_error_for_unknown_email_and_wrong_password()
    {
        var cut = Render<Login>();
        cut.Find("#email").Change(TestUsers.NewEmail());
        cut.Find("#password").Change("Wrong-Password-1");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Invalid email or password.", cut.Find("#login-error").TextContent));
        Assert.Equal("", cut.Find("#password").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Register_form_shows_each_password_rule_and_the_confirmation_mismatch()
    {
        var cut = Render<Register>();
        cut.Find("#email").Change(TestUsers.NewEmail());
        cut.Find("#password").Change("lowercaseonly");
        cut.Find("#confirm").Change("different");
        cut.Find("form").Submit();

        var messages = string.Join("\n", cut.FindAll(".at-validation").Select(e => e.TextContent));
        Assert.Contains("Password must mix at least two kinds of characters", messages);
        Assert.Contains("The passwords do not match.", messages);

        cut.Find("#password").Change("short1A");
        cut.Find("form").Submit();
        Assert.Contains("Password must be at least 12 characters long.", string.Join("\n", cut.FindAll(".at-validation").Select(e => e.TextContent)));
    }

    [Fact]
    public async Task Register_form_answers_an_existing_email_exactly_as_a_new_one()
    {
        var taken = TestUsers.NewEmail();
        await Core.GetRequiredService<UserAccountService>().RegisterAsync(taken, TestUsers.Password);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        string Submit(string email)
        {
            var cut = Render<Register>();
            cut.Find("#email").Change(email);
            cut.Find("#password").Change(TestUsers.Password);
            cut.Find("#confirm").Change(TestUsers.Password);
            cut.Find("form").Submit();
            cut.WaitForAssertion(() => Assert.EndsWith("/account/login?registered=true", navigation.Uri, StringComparison.Ordinal));
            Assert.Empty(cut.FindAll(".at-validation"));
            Assert.DoesNotContain("already exists", cut.Markup, StringComparison.OrdinalIgnoreCase);
            var answer = navigation.Uri;
            navigation.NavigateTo("/account/register");
            return answer;
        }

        Assert.Equal(Submit(TestUsers.NewEmail()), Submit(taken.ToUpperInvariant()));
    }

    [Fact]
    public void Register_form_requires_every_field()
    {
        var cut = Render<Register>();
        cut.Find("form").Submit();
        var messages = cut.FindAll(".at-validation").Select(e => e.TextContent).ToList();
        Assert.Contains("Enter your email address.", messages);
        Assert.Contains("Choose a password.", messages);
        Assert.Contains("Repeat the password.", messages);
    }
}
