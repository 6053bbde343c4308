using System.Runtime.InteropServices;

namespace AlgoTrade.Core.Market;

/// <summary>
/// Asks Linux to back a large, not yet touched array with 2 MB pages (transparent huge pages in "madvise" mode):
/// filling a million candles (48 MB) otherwise takes some 12,000 page faults, which on the 2-core VM cost more than
/// parsing the numbers (docs/backtesting.md#speed). Only a hint: elsewhere, or when refused, nothing changes.
/// </summary>
internal static partial class HugePages
{
    private const int MadvHugePage = 14;
    private const long HugePageSize = 2 << 20;

    public static void Advise<T>(T[] array) where T : struct
    {
        var bytes = (long)array.Length * Marshal.SizeOf<T>();
        if (!OperatingSystem.IsLinux() || bytes < 2 * HugePageSize) return;
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var start = (long)handle.AddrOfPinnedObject();
            var from = (start + HugePageSize - 1) & ~(HugePageSize - 1);
            var to = (start + bytes) & ~(HugePageSize - 1);
            if (to > from) _ = Madvise((nint)from, (nuint)(to - from), MadvHugePage);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
        finally
        {
            handle.Free();
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
