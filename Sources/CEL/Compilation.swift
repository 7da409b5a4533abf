/// The result of compiling one expression: its tree, the checker's types, every
/// diagnostic, and a runnable ``Program`` when there were no errors.
public struct Compilation: Sendable {
  /// The parsed tree; nil when the source has syntax errors.
  public var ast: Expr?
  /// The checker's type of each node, by node id; empty when checking was skipped.
  public var types: [Int: CELType]
  /// Syntax errors, type errors and warnings, in source order of discovery.
  public var diagnostics: [CELDiagnostic]
  /// The compiled program; nil when any diagnostic is an error.
  public var program: Program?

  /// Creates a compilation result.
  public init(ast: Expr?, types: [Int: CELType], diagnostics: [CELDiagnostic], program: Program?) {
    self.ast = ast
    self.types = types
    self.diagnostics = diagnostics
    self.program = program
  }

  /// The checker's type of the whole expression (nil when unchecked or unparsed), so a
  /// caller can insist on a bool where a condition is expected.
  public var resultType: CELType? { ast.flatMap { types[$0.id] } }

  /// True when any diagnostic is an error (the program is then nil).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
