using System.Net.Sockets;
using Npgsql;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>Tells a database that is down or restarting apart from a bug: the first is retried by the next fire.</summary>
public static class DatabaseOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
                // Any other NpgsqlException that is not a server answer is a lost or refused connection.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03":
                case NpgsqlException when e is not PostgresException:
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
