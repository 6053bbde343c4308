using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

public sealed class RuleNotModel(RuleNodeModel inner) : RuleNodeModel
{
    public RuleNodeModel Inner { get; set; } = inner;

    public override RuleNode ToNode() => new RuleNot(Inner.ToNode());
}
