using System.Diagnostics;
using System.Globalization;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temp folder, loopback only), so a test can stop and restart it
/// without disturbing the run's shared server. Uses the same Debian binaries that ./test.sh installs.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public string DataDirectory => Path.Combine(_directory, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Timeout=5;Command Timeout=15";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL's binaries are not installed: ./test.sh installs Debian's postgresql package.");
        var directory = Path.Combine(Path.GetTempPath(), "algotrade-tests", $"pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new PrivatePostgres(bin, directory, AlgoTradeWebFactory.FreePort());
        if (Environment.UserName == "root")
        {
            // The server refuses to run as root; it runs as the postgres user, who must reach and own the folder.
            await RunAsync("chown", "-R", "postgres:postgres", directory);
            await RunAsync("chmod", "o+x", Path.GetTempPath(), Path.Combine(Path.GetTempPath(), "algotrade-tests"));
        }
        await server.AsServerUserAsync($"'{bin}/initdb' -D '{server.DataDirectory}' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null");
        await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nport = {server.Port}\nunix_socket_directories = '{directory}'\nfsync = off\nmax_connections = 100\n");
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() =>
        AsServerUserAsync($"'{_bin}/pg_ctl' -D '{DataDirectory}' -l '{_directory}/server.log' -w -t 60 start >/dev/null");

    /// <summary>A fast shutdown, as a database restart or failover does it: open connections are cut.</summary>
    public Task StopServerAsync() => AsServerUserAsync($"'{_bin}/pg_ctl' -D '{DataDirectory}' -m fast -w stop >/dev/null");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task AsServerUserAsync(string command) =>
        Environment.UserName == "root" ? RunAsync("su", "-s", "/bin/sh", "postgres", "-c", command) : RunAsync("/bin/sh", "-c", command);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            await AsServerUserAsync($"'{_bin}/pg_ctl' -D '{DataDirectory}' -m immediate stop >/dev/null 2>&1 || true");
        }
        finally
        {
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
