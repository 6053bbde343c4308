using System.Diagnostics;
using System.Text;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// The command line as shipped: scripts/publish-cli.sh publishes the native algotrade with the managed CLI beside it,
/// once per test run (about a minute of Native AOT compilation).
/// </summary>
public sealed class PublishedCliFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("algotrade-published-cli-").FullName;

    public string Executable => Path.Combine(_directory, "algotrade");

    public async Task InitializeAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AlgoTrade.Web.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("AlgoTrade.Web.sln not found above " + AppContext.BaseDirectory);
        var publish = await RunAsync("bash", [Path.Combine(root.FullName, "scripts", "publish-cli.sh"), _directory], TimeSpan.FromMinutes(10));
        if (publish.Code != 0 || !File.Exists(Executable))
            throw new InvalidOperationException($"scripts/publish-cli.sh failed ({publish.Code}):\n{Encoding.UTF8.GetString(publish.Out)}\n{publish.Err}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the published algotrade; standard output as raw bytes, so a comparison is byte for byte.</summary>
    public Task<(int Code, byte[] Out, string Err)> RunCliAsync(params string[] args) => RunAsync(Executable, args, TimeSpan.FromMinutes(2));

    private static async Task<(int Code, byte[] Out, string Err)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}.");
        }
        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }
}
