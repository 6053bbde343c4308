using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Notifications;

/// <summary>A real Kestrel webhook receiver on 127.0.0.1 that records every POST and answers <see cref="StatusCode"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Path, string Query, string? Signature, string? DeliveryId, string ContentType, byte[] Body);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public int StatusCode { get; set; } = 200;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        // The test output holds the web app's appsettings.json; a receiver answers any host name it is reached by.
        builder.Configuration["AllowedHosts"] = "*";
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            receiver.Requests.Enqueue(new Received(http.Request.Path, http.Request.QueryString.Value ?? "",
                http.Request.Headers["X-AlgoTrade-Signature"].FirstOrDefault(), http.Request.Headers["X-AlgoTrade-Delivery"].FirstOrDefault(),
                http.Request.ContentType ?? "", buffer.ToArray()));
            return Results.StatusCode(receiver.StatusCode);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived, then a little longer so extra ones would show.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Requests.Count < count && DateTime.UtcNow < deadline) await Task.Delay(25);
        await Task.Delay(settle ?? TimeSpan.FromMilliseconds(400));
        return [.. Requests];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
