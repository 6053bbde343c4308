namespace AlgoTrade.Core.Strategies.Rules;

public sealed record NumberOperand(decimal Value) : RuleOperand;
