/// A compiled expression. (Placeholder until the evaluator lands; owned by the evaluator work.)
public struct Program: Sendable {
  /// Compiles a checked AST; `types` are the checker's types by node id (may be empty).
  public init(ast: Expr, types: [Int: CELType], environment: Environment) {}
}
