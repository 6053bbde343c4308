namespace AlgoTrade.Cli;

/// <summary>Bad input from the operator: printed as is, exit code 2, no stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
