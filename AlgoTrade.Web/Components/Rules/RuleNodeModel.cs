using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>An editable condition: a group, a negation or a comparison; converts to and from Core's <see cref="RuleNode"/>.</summary>
public abstract class RuleNodeModel
{
    /// <summary>Keeps each condition's inputs attached to it when a sibling above is removed.</summary>
    public Guid Key { get; } = Guid.NewGuid();

    public abstract RuleNode ToNode();

    public static RuleNodeModel From(RuleNode node) => node switch
    {
        RuleGroup g => new RuleGroupModel(g.Kind, g.Items.Select(From)),
        RuleNot n => new RuleNotModel(From(n.Inner)),
        RuleComparison c => RuleComparisonModel.From(c),
        _ => throw new ArgumentException($"Unknown rule node {node.GetType().Name}.", nameof(node)),
    };
}
