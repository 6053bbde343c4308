using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// The web app as a separate operating-system process (the build output's AlgoTrade.Web.dll), so a test can kill it
/// with SIGKILL or run several nodes. Its Serilog JSON file is the test's window into what it did.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _console = new();

    private AppProcess(string name, int port, Process process, string logDirectory)
    {
        Name = name;
        Port = port;
        _process = process;
        LogDirectory = logDirectory;
    }

    public string Name { get; }
    public int Port { get; }
    public string LogDirectory { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string ConsoleOutput { get { lock (_console) return _console.ToString(); } }

    /// <summary>The web project's build output, next to this test assembly's own configuration (Release or Debug).</summary>
    public static string WebOutputDirectory
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AlgoTrade.Web.sln"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("AlgoTrade.Web.sln not found above " + AppContext.BaseDirectory);
            return Path.Combine(root.FullName, "AlgoTrade.Web", "bin", configuration, framework);
        }
    }

    /// <summary>
    /// Starts the app and waits until it answers /healthz/ready. A free port can be taken by another process on the
    /// machine before the app binds it; the app then exits at once and is started again on another port.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string name, string connectionString, IReadOnlyDictionary<string, string?>? settings = null,
        int port = 0, TimeSpan? readyTimeout = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var app = Launch(name, connectionString, settings, port);
            try
            {
                await app.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(120));
                return app;
            }
            catch (InvalidOperationException) when (port == 0 && attempt < 3 && app.ConsoleOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Work queue settings of a node named <paramref name="nodeId"/>: one item at a time and a 5 s lease renewed every
    /// second, so an item whose node died is taken over within seconds.
    /// </summary>
    public static Dictionary<string, string?> QueueNode(string nodeId) => new()
    {
        ["WorkQueue:NodeId"] = nodeId,
        ["WorkQueue:Concurrency"] = "1",
        ["WorkQueue:LeaseDuration"] = "00:00:05",
        ["WorkQueue:HeartbeatInterval"] = "00:00:01",
        ["WorkQueue:PollInterval"] = "00:00:01",
    };

    /// <summary>Starts the app without waiting for it, for a process that may end by itself (a crash point) before it is ready.</summary>
    public static AppProcess Launch(string name, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, int port = 0)
    {
        port = port == 0 ? AlgoTradeWebFactory.FreePort() : port;
        var logDirectory = Path.Combine(Path.GetTempPath(), "algotrade-tests", "processes", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(logDirectory);
        var values = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["DemoSeed:Enabled"] = "false",
            ["Security:RequireHttps"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(logDirectory, "app-.json"),
            ["Serilog:WriteTo:1:Args:rollingInterval"] = "Infinite",
            ["AuthRateLimits:PermitsPerIp"] = "100000",
            ["AuthRateLimits:PermitsPerAccount"] = "100000",
        };
        TestKeyRing.AddTo(values);
        if (settings is not null)
            foreach (var (k, v) in settings) values[k] = v;

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WebOutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(WebOutputDirectory, "AlgoTrade.Web.dll"));
        foreach (var (key, value) in values)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // The test runner's own variables (its database, its environment) must not leak into the node.
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var app = new AppProcess(name, port, process, logDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_console) _console.AppendLine(line);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{ConsoleOutput}");
            try
            {
                // Only this process's own log proves the answer came from it and not from another app on a reused port.
                if ((await http.GetAsync("healthz/ready")).IsSuccessStatusCode && IsListening()) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{ConsoleOutput}");
    }

    private bool IsListening() => LogEvents().Any(e =>
        e.TryGetProperty("EventId", out var id) && id.TryGetProperty("Name", out var n) && n.GetString() == "ListeningOnAddress");

    /// <summary>Waits for the process to end by itself; false (and the process killed) when it is still running at the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crashed machine or the OOM killer does.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Every event the app wrote to its JSON log (compact Serilog format), in order.</summary>
    public IReadOnlyList<JsonElement> LogEvents()
    {
        var events = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(LogDirectory, "*.json").Order())
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                try
                {
                    events.Add(JsonDocument.Parse(line).RootElement.Clone());
                }
                catch (JsonException)
                {
                    // The last line of a killed process may be cut off.
                }
            }
        }
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
