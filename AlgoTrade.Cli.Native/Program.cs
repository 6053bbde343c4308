using AlgoTrade.Cli.Commands;

namespace AlgoTrade.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        CliArgs parsed;
        try
        {
            parsed = CliArgs.Parse(args, CliArgs.Flags);
        }
        catch (CliException)
        {
            // The managed CLI prints the same message.
            return ManagedCli.Exec(args);
        }
        if (parsed.Positionals is not ["backtest"] || parsed.Has("help"))
            return ManagedCli.Exec(args);

        try
        {
            return BacktestCommand.RunAsync(parsed, Console.Out, Console.Error, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
    }
}
