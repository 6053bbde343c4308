namespace AlgoTrade.Cli;

/// <summary>Positional words plus --name value / --flag options; small on purpose, and strict about unknown options.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>The options of every command that take no value.</summary>
    public static readonly IReadOnlySet<string> Flags = new HashSet<string>(["json", "help", "keep", "keep-indexes", "check-symbol"], StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CliArgs Parse(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var result = new CliArgs();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                    result._options[arg[2..eq]] = arg[(eq + 1)..];
                else if (flags.Contains(arg[2..]))
                    result._options[arg[2..]] = null;
                else if (i + 1 < list.Count)
                    result._options[arg[2..]] = list[++i];
                else
                    throw new CliException($"Option {arg} needs a value.");
            }
            else
            {
                result.Positionals.Add(arg);
            }
        }
        return result;
    }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CliException($"Missing required option --{name}.");

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public int GetInt(string name, int fallback)
    {
        var raw = Get(name);
        if (raw is null) return fallback;
        return int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new CliException($"Option --{name} must be a whole number, got '{raw}'.");
    }

    /// <summary>Call after reading every option a command knows, so a typo is an error instead of being ignored.</summary>
    public void EnsureNoUnknownOptions()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}
