using System.Runtime.CompilerServices;
using Bunit;

namespace AlgoTrade.Tests.Infrastructure;

internal static class BunitDefaults
{
    // bUnit waits 1 s by default; a PBKDF2 hash plus a database round trip can take longer on a loaded 2-core CI
    // machine. Set once for the whole assembly, so no test depends on which context type happened to load first.
#pragma warning disable CA2255 // a test assembly, not a library: the initializer is exactly what is wanted here
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
#pragma warning restore CA2255
}
