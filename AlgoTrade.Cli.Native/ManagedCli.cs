using System.Runtime.InteropServices;

namespace AlgoTrade.Cli;

/// <summary>
/// The managed CLI (AlgoTrade.Cli, published into managed/ beside this binary) runs every command but backtest. It
/// replaces this process (execv), so standard input, output and error, the environment, the process id and the exit
/// code are simply its own.
/// </summary>
internal static partial class ManagedCli
{
    public const string Folder = "managed";

    public static int Exec(string[] args)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Folder, "algotrade");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: this command runs in the managed CLI, which is not at {path}; publish with scripts/publish-cli.sh.");
            return 2;
        }
        var argv = new nint[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(path);
        for (var i = 0; i < args.Length; i++)
            argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        Execv(path, argv);
        Console.Error.WriteLine($"error: could not start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return 2;
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, nint[] argv);
}
