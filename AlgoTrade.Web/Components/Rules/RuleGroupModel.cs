using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

public sealed class RuleGroupModel(RuleGroupKind kind, IEnumerable<RuleNodeModel> items) : RuleNodeModel
{
    public RuleGroupKind Kind { get; set; } = kind;
    public List<RuleNodeModel> Items { get; } = [.. items];

    /// <summary>The key of the list in a document and in error paths: <c>all</c> or <c>any</c>.</summary>
    public string ListKey => Kind == RuleGroupKind.All ? "all" : "any";

    public override RuleNode ToNode() => new RuleGroup(Kind, [.. Items.Select(i => i.ToNode())]);
}
