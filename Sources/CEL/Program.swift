/// A compiled expression. (Placeholder until the evaluator lands.)
public struct Program: Sendable {}
