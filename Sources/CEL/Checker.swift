/// Type-checks a parsed expression against an ``Environment``.
struct Checker {
  let environment: Environment
  let source: SourceText
  private(set) var diagnostics: [CELDiagnostic] = []

  init(environment: Environment, source: SourceText) {
    self.environment = environment
    self.source = source
  }

  /// The type of every node, by id.
  mutating func check(_ expr: Expr) -> [Int: CELType] { [:] }
}
