using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in front of several app nodes on loopback, configured like deploy/nginx.conf: WebSocket upgrade for
/// the Blazor circuit and ip_hash stickiness, so a browser stays on one node while that node lives.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxProxy(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static string Binary =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed: ./test.sh installs Debian's nginx package.");

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var port = AlgoTradeWebFactory.FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "algotrade-tests", $"nginx-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var servers = new StringBuilder();
        foreach (var upstream in upstreamPorts)
            servers.Append(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{upstream} max_fails=1 fail_timeout=10s;\n");
        var config = $$"""
            user root;
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log {{directory}}/access.log;
              client_body_temp_path {{directory}}/client_body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              map $http_upgrade $connection_upgrade { default upgrade; '' close; }
              upstream algotrade {
                ip_hash;
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://algotrade;
                  proxy_http_version 1.1;
                  proxy_set_header Upgrade $http_upgrade;
                  proxy_set_header Connection $connection_upgrade;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_read_timeout 1h;
                  proxy_next_upstream error timeout http_502;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """;
        var configPath = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", directory, "-c", configPath })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx could not be started");
        var proxy = new NginxProxy(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()} {ReadErrorLog(directory)}");
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return proxy;
            }
            catch (System.Net.Sockets.SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
        }
    }

    private static string ReadErrorLog(string directory)
    {
        var path = Path.Combine(directory, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
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
