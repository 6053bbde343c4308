namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// One comparison of a compiled <see cref="RuleProgram"/>: the operands are frame slots (the value at the operand's
/// own shift; slot + k holds it k candles earlier), and the step says where evaluation goes next when the comparison
/// holds or fails — another step's index, or <see cref="RuleProgram.Holds"/> / <see cref="RuleProgram.Fails"/>.
/// All/any/not groups exist only as these jumps.
/// </summary>
internal readonly record struct RuleStep(RuleOperator Operator, int Left, int Right, int Over, int IfTrue, int IfFalse);
