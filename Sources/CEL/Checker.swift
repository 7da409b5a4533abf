/// Type-checks a parsed expression against an ``Environment``, so mistakes surface when
/// a standard is validated instead of as error values on every event.
///
/// Deliberately permissive: `dyn` and `number` defer to run time, so only certain
/// mistakes are reported. Undeclared names and type mismatches are errors; an
/// undeclared field of a record is a warning (the log may still carry it).
struct Checker {
  let environment: Environment
  let source: SourceText
  private(set) var diagnostics: [CELDiagnostic] = []
  private var types: [Int: CELType] = [:]
  /// Comprehension variables in scope, innermost last.
  private var scopes: [(name: String, type: CELType)] = []

  /// Whether a name denotes a type, as in `type(x) == int`: the evaluator's (`CELType.named`).
  /// `timestamp` and `duration` name functions, not types: the types are
  /// `google.protobuf.Timestamp` and `google.protobuf.Duration`.
  private static func isTypeName(_ name: String) -> Bool { CELType.named(name) != nil }

  init(environment: Environment, source: SourceText) {
    self.environment = environment
    self.source = source
  }

  /// The type of every node, by id.
  mutating func check(_ expr: Expr) -> [Int: CELType] {
    visit(expr)
    return types
  }

  @discardableResult
  mutating func visit(_ expr: Expr) -> CELType {
    let type: CELType
    switch expr.kind {
    case .literal(let value): type = value.celType
    case .ident(let name): type = identType(name, expr)
    case .select(let operand, let field, let testOnly):
      if !testOnly, let name = qualifiedName(expr), let declared = environment.type(of: name) {
        type = declared
      } else if !testOnly, let name = qualifiedName(expr), Checker.isTypeName(name),
        let root = name.split(separator: ".").first, environment.type(of: String(root)) == nil
      {
        type = .type
      } else {
        let fieldType = selectType(operand, field, expr)
        type = testOnly ? .bool : fieldType
      }
    case .call(let function, let target, let args): type = callType(function, target, args, expr)
    case .list(let items): type = .list(Checker.common(items.map { visit($0) }))
    case .map(let entries):
      let keys = entries.map { visit($0.key) }
      let values = entries.map { visit($0.value) }
      type = .map(key: Checker.common(keys), value: Checker.common(values))
    case .comprehension(let c): type = comprehensionType(c, expr)
    }
    types[expr.id] = type
    return type
  }

  mutating func report(
    _ severity: CELDiagnostic.Severity, _ id: String, _ message: String, at expr: Expr, notes: [String] = []
  ) {
    diagnostics.append(source.diagnostic(severity, id, message, at: expr.offset, notes: notes))
  }

  /// Where a selected field's name is written (`event.rigns` points at `rigns`, the part to fix):
  /// the name ends the select node, perhaps inside backticks; else the node's start.
  private func fieldNameOffset(_ field: String, in expr: Expr) -> Int {
    let name = Array(field.unicodeScalars)
    for end in [expr.endOffset, expr.endOffset - 1] {
      let start = end - name.count
      if start > expr.offset, end <= source.scalars.count, Array(source.scalars[start..<end]) == name { return start }
    }
    return expr.offset
  }

  mutating func mismatch(_ message: String, at expr: Expr) {
    report(.error, "cel.type_mismatch", message, at: expr)
  }

  /// The element type of a literal list or map: the one type all share, else `dyn`
  /// (a mixed literal holds values of several kinds at run time).
  static func common(_ types: [CELType]) -> CELType {
    guard let first = types.first, types.allSatisfy({ $0 == first }) else { return .dyn }
    return first
  }

  /// The type of a result that may come from several overloads: itself when all agree, `number` for mixed
  /// numbers, otherwise `dyn`.
  static func join(_ types: [CELType]) -> CELType {
    guard let first = types.first else { return .dyn }
    if types.allSatisfy({ $0 == first }) { return first }
    if types.allSatisfy(\.isNumeric) { return .number }
    if case .list = first {
      var elements: [CELType] = []
      for t in types {
        guard case .list(let e) = t else { return .dyn }
        elements.append(e)
      }
      return .list(join(elements))
    }
    return .dyn
  }

  // MARK: Names and fields

  private mutating func identType(_ name: String, _ expr: Expr) -> CELType {
    if let scoped = scopes.last(where: { $0.name == name }) { return scoped.type }
    if let declared = environment.type(of: name) { return declared }
    if Checker.isTypeName(name) { return .type }
    let candidates = scopes.map(\.name).filter { !$0.hasPrefix("@") } + environment.variables.map(\.name)
    var notes = Suggestion.note(for: name, among: candidates)
    if notes.isEmpty {
      // `rings > 3` for `event.rings > 3`: a field of a declared record.
      let owner = environment.variables.first { variable in
        if case .record(let layout) = variable.type { return layout.slot(of: name) != nil }
        return false
      }
      notes = owner.map { ["did you mean '\($0.name).\(name)'?"] } ?? []
    }
    report(.error, "cel.undeclared_reference", "undeclared reference to '\(name)'", at: expr, notes: notes)
    return .dyn
  }

  private mutating func selectType(_ operand: Expr, _ field: String, _ expr: Expr) -> CELType {
    let operandType = visit(operand)
    switch operandType {
    case .record(let layout):
      if let slot = layout.slot(of: field) { return layout.types[slot] }
      diagnostics.append(
        source.diagnostic(
          .warning, "cel.undeclared_field", "'\(Checker.quote(operand))' has no declared field '\(field)'",
          at: fieldNameOffset(field, in: expr), notes: Suggestion.note(for: field, among: layout.names)))
      return .dyn
    case .map(_, let value):
      return value
    case .dyn:
      return .dyn
    default:
      mismatch(
        "cannot select field '\(field)' from '\(Checker.quote(operand))', which is \(operandType.withArticle)",
        at: expr)
      return .dyn
    }
  }

  /// `a.b.c` for a chain of selects on an identifier that is not a comprehension variable,
  /// so a variable declared with a qualified name resolves by its longest prefix.
  func qualifiedName(_ expr: Expr) -> String? {
    switch expr.kind {
    case .ident(let name): return scopes.contains { $0.name == name } ? nil : name
    case .select(let operand, let field, false): return qualifiedName(operand).map { "\($0).\(field)" }
    default: return nil
    }
  }

  /// A node's source for a message, shortened when long.
  static func quote(_ expr: Expr) -> String {
    let text = expr.sourceDescription
    return text.unicodeScalars.count <= 40 ? text : String(text.prefix(37)) + "..."
  }

  // MARK: Comprehensions

  private mutating func comprehensionType(_ c: Expr.Comprehension, _ expr: Expr) -> CELType {
    let rangeType = visit(c.iterRange)
    let elementType: CELType
    switch rangeType {
    case .list(let element): elementType = element
    case .map(let key, _): elementType = key
    case .record: elementType = .string
    case .dyn: elementType = .dyn
    default:
      mismatch("'\(c.macro)' needs a list or a map, found \(rangeType.withArticle)", at: c.iterRange)
      elementType = .dyn
    }
    let accuType = visit(c.accuInit)
    scopes.append((c.iterVar, elementType))
    scopes.append((c.accuVar, accuType))
    visit(c.loopCondition)
    visit(c.loopStep)
    let resultType = visit(c.result)
    scopes.removeLast(2)
    switch c.macro {
    case "filter": return .list(elementType)
    case "map": return .list(mappedElement(c.loopStep).flatMap { types[$0.id] } ?? .dyn)
    default: return resultType
    }
  }

  /// The transform `f` in a `map` step: `@result + [f]`, possibly behind `p ? ... : @result`.
  private func mappedElement(_ step: Expr) -> Expr? {
    guard case .call(let function, _, let args) = step.kind else { return nil }
    if function == "_?_:_", args.count == 3 { return mappedElement(args[1]) }
    return function == "_+_" ? Expr.appendedElement(args) : nil
  }
}
