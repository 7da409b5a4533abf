import CEL

/// Compiles the CEL written in standards files against the set's event layout, and reports
/// CEL's diagnostics at file positions.
struct ConditionCompiler {
  /// `event` only: scope, when, expect, purpose checks, deviations.
  let eventEnvironment: Environment
  /// `event` and `other`: a relation's `where`.
  let relationEnvironment: Environment
  /// Places diagnostics inside multi-line scalars.
  let sourceMap: ScalarSourceMap

  /// Creates a compiler for a layout, with the files' text for placing diagnostics.
  init(layout: RecordLayout, sources: [(path: String, bytes: [UInt8])]) {
    sourceMap = ScalarSourceMap(sources: sources)
    eventEnvironment = Environment(variables: [("event", .record(layout))])
    relationEnvironment = Environment(variables: [("event", .record(layout)), ("other", .record(layout))])
  }

  /// Compiles the expression in a string node; nil (after diagnostics) when it has errors or
  /// the node is not a non-blank string.
  func compile(_ node: YAMLNode, withOther: Bool = false, into engine: inout DiagnosticEngine) -> Condition? {
    guard let scalar = node.scalar, let source = scalar.string, !source.allSatisfy(\.isWhitespace) else { return nil }
    let compilation = (withOther ? relationEnvironment : eventEnvironment).compile(source)
    for diagnostic in compilation.diagnostics where diagnostic.severity != .note {
      engine.emit(fileDiagnostic(diagnostic, in: node, scalar: scalar))
    }
    guard !compilation.hasErrors, let ast = compilation.ast, let program = compilation.program else { return nil }
    return Condition(source: source, location: node.start, ast: ast, program: program)
  }

  /// A CEL diagnostic moved from expression coordinates to file coordinates.
  func fileDiagnostic(_ d: CELDiagnostic, in node: YAMLNode, scalar: YAMLScalar) -> Diagnostic {
    var notes = d.notes.map { Diagnostic.Note($0) }
    let location: SourceLocation
    if let exact = Self.exactLocation(line: d.line, column: d.column, offset: d.offset, in: node, scalar: scalar)
      ?? sourceMap.location(offset: d.offset, in: node, scalar: scalar)
    {
      location = exact
    } else {
      location = node.start
      notes.append(.init("at line \(d.line), column \(d.column) of the expression"))
    }
    return Diagnostic(
      severity: d.severity == .error ? .error : .warning, id: d.id, message: d.message, location: location,
      notes: notes)
  }

  /// The file position of a position inside a scalar, when the scalar maps to the file one-to-one.
  ///
  /// Single-line plain scalars, single-quoted ones (`''` is one quote) and double-quoted ones
  /// without escapes map exactly; others give nil (multi-line ones go to ``ScalarSourceMap``).
  static func exactLocation(line: Int, column: Int, offset: Int, in node: YAMLNode, scalar: YAMLScalar)
    -> SourceLocation?
  {
    guard line == 1, node.start.line == node.end.line else { return nil }
    var at = node.start
    switch scalar.style {
    case .plain:
      at.column += offset
    case .singleQuoted:
      let quotes = scalar.text.unicodeScalars.prefix(offset).filter { $0 == "'" }.count
      at.column += 1 + offset + quotes
    case .doubleQuoted:
      guard node.end.column - node.start.column - 2 == scalar.text.unicodeScalars.count else { return nil }
      at.column += 1 + offset
    case .literal, .folded:
      return nil
    }
    return at
  }
}
