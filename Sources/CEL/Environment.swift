/// The variables an expression may read, with their types: what the checker resolves
/// names against and what a ``Program`` reads from an activation.
public struct Environment: Sendable {
  /// Declared variables in order; an ``Activation`` supplies their values by this index.
  public var variables: [(name: String, type: CELType)]

  /// Creates an environment.
  public init(variables: [(name: String, type: CELType)]) {
    self.variables = variables
  }

  /// The declared type of a variable, or nil when it is not declared.
  public func type(of variable: String) -> CELType? {
    variables.first { $0.name == variable }?.type
  }
}

extension Environment {
  /// Parses an expression without checking it, for tools that only need the tree.
  public func parse(_ source: String) -> (ast: Expr?, diagnostics: [CELDiagnostic]) {
    var parser = Parser(source)
    let ast = parser.parse()
    return (ast, parser.diagnostics)
  }

  /// Parses and checks an expression, and builds its ``Program`` when nothing is wrong.
  public func compile(_ source: String) -> Compilation {
    compile(source, checked: true)
  }

  /// Parses an expression and, when `checked`, type-checks it; `checked: false` is CEL's
  /// "disable check" mode, where every type question waits for run time.
  public func compile(_ source: String, checked: Bool) -> Compilation {
    var parser = Parser(source)
    guard let ast = parser.parse() else {
      return Compilation(ast: nil, types: [:], diagnostics: parser.diagnostics, program: nil)
    }
    var types: [Int: CELType] = [:]
    var diagnostics = parser.diagnostics
    if checked {
      var checker = Checker(environment: self, source: parser.source)
      types = checker.check(ast)
      diagnostics += checker.diagnostics
    }
    let failed = diagnostics.contains { $0.severity == .error }
    let program = failed ? nil : Program(ast: ast, types: types, environment: self)
    return Compilation(ast: ast, types: types, diagnostics: diagnostics, program: program)
  }
}
