/// Typing of operators and function calls.
extension Checker {
  mutating func callType(_ function: String, _ target: Expr?, _ args: [Expr], _ expr: Expr) -> CELType {
    if target == nil, let special = specialCallType(function, args, expr) { return special }
    if let target, let namespace = qualifiedName(target), environment.type(of: namespace) == nil,
      Signatures.table["\(namespace).\(function)"] != nil
    {
      return callType("\(namespace).\(function)", nil, args, expr)
    }
    let targetType = target.map { visit($0) }
    if let arity = Checker.macroArity(function, receiver: target != nil) {
      // The arguments hold the macro's variable, so they are not checked as expressions.
      report(
        .error, "cel.argument_count",
        "wrong number of arguments to '\(function)': expected \(arity), got \(args.count)", at: expr)
      return .dyn
    }
    let argTypes = args.map { visit($0) }
    guard let signatures = Signatures.table[function] else {
      let kind = target == nil ? "function" : "method"
      report(
        .error, "cel.undeclared_reference", "undeclared \(kind) '\(function)'", at: expr,
        notes: Suggestion.note(for: function, among: Signatures.callableNames))
      return .dyn
    }
    let sameStyle = signatures.filter { ($0.receiver == nil) == (target == nil) }
    guard !sameStyle.isEmpty else {
      let hint = target == nil ? "call it as a method, as in 'x.\(function)(...)'" : "call it as '\(function)(x)'"
      mismatch("'\(function)' cannot be called this way; \(hint)", at: expr)
      return .dyn
    }
    let candidates = sameStyle.filter { $0.params.count == args.count }
    guard !candidates.isEmpty else {
      let counts = Set(sameStyle.map(\.params.count)).sorted().map(String.init).joined(separator: " or ")
      report(
        .error, "cel.argument_count",
        "wrong number of arguments to '\(function)': expected \(counts), got \(args.count)", at: expr)
      return .dyn
    }
    let matches = candidates.filter { overload in
      guard zip(overload.params, argTypes).allSatisfy({ Checker.accepts($0, $1) }) else { return false }
      guard let receiver = overload.receiver, let targetType else { return true }
      return Checker.accepts(receiver, targetType)
    }
    guard !matches.isEmpty else {
      let list = "(" + argTypes.map(\.displayName).joined(separator: ", ") + ")"
      let applied = targetType.map { "\($0.displayName).\(list)" } ?? list
      mismatch("no matching overload for '\(function)' applied to \(applied)", at: expr)
      return .dyn
    }
    checkLiteralArguments(function, target: target, args: args)
    if function == "_+_", case .list = argTypes[0], case .list = argTypes[1] { return Checker.join(argTypes) }
    return Checker.join(matches.map(\.result))
  }

  /// The argument counts of a macro, when `function` names one: a call that reaches the
  /// checker under a macro's name had the wrong count, or it would have been expanded.
  static func macroArity(_ function: String, receiver: Bool) -> String? {
    switch (function, receiver) {
    case ("has", false): "1"
    case ("all", true), ("exists", true), ("exists_one", true), ("filter", true): "2"
    case ("map", true): "2 or 3"
    default: nil
    }
  }

  /// Whether a parameter of type `param` accepts a value of type `actual`.
  static func accepts(_ param: CELType, _ actual: CELType) -> Bool {
    switch (param, actual) {
    case (.dyn, _), (_, .dyn): return true
    case (.number, _): return actual.isNumeric
    case (_, .number): return param.isNumeric
    case (.list(let p), .list(let a)): return accepts(p, a)
    case (.map(let pk, let pv), .map(let ak, let av)): return accepts(pk, ak) && accepts(pv, av)
    case (.map, .record): return true
    default: return param == actual
    }
  }

  /// Whether `==` between the two types can ever be true (CEL compares numbers across
  /// kinds, and anything with null).
  static func equatable(_ a: CELType, _ b: CELType) -> Bool {
    switch (a, b) {
    case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
    case (.list(let x), .list(let y)): return equatable(x, y)
    case (.map(let k1, let v1), .map(let k2, let v2)): return equatable(k1, k2) && equatable(v1, v2)
    case (.record, .record), (.record, .map), (.map, .record): return true
    default: return a == b || (a.isNumeric && b.isNumeric)
    }
  }

  /// The kinds `<` orders.
  private static let ordered: Set<CELType> = [
    .string, .bytes, .bool, .timestamp, .duration, .int, .uint, .double, .number,
  ]

  /// Whether `<` applies: numbers across kinds, or two values of one ordered kind.
  static func orderable(_ a: CELType, _ b: CELType) -> Bool {
    switch (a, b) {
    case (.dyn, .dyn): return true
    case (.dyn, let t), (let t, .dyn): return Checker.ordered.contains(t)
    default: return (a.isNumeric && b.isNumeric) || (a == b && Checker.ordered.contains(a))
    }
  }

  /// Operators whose typing is generic or that need a more specific message.
  private mutating func specialCallType(_ function: String, _ args: [Expr], _ expr: Expr) -> CELType? {
    switch (function, args.count) {
    case ("_&&_", 2), ("_||_", 2), ("!_", 1):
      for arg in args { expectBool(arg) }
      return .bool
    case ("_?_:_", 3):
      expectBool(args[0])
      return Checker.join([visit(args[1]), visit(args[2])])
    case ("_==_", 2), ("_!=_", 2):
      let (a, b) = (visit(args[0]), visit(args[1]))
      if !Checker.equatable(a, b) { comparisonMismatch(function, args, a, b, expr) }
      return .bool
    case ("_<_", 2), ("_<=_", 2), ("_>_", 2), ("_>=_", 2):
      let (a, b) = (visit(args[0]), visit(args[1]))
      if !Checker.orderable(a, b) { comparisonMismatch(function, args, a, b, expr) }
      return .bool
    case ("_[_]", 2):
      return indexType(args, expr)
    case ("@in", 2):
      let (a, b) = (visit(args[0]), visit(args[1]))
      let fits: Bool
      switch b {
      case .list(let element): fits = Checker.equatable(a, element)
      case .map(let key, _): fits = Checker.equatable(a, key)
      case .record: fits = Checker.equatable(a, .string)
      case .dyn: fits = true
      default: fits = false
      }
      if !fits { mismatch("no matching overload for 'in' applied to (\(a.displayName), \(b.displayName))", at: expr) }
      return .bool
    default:
      return nil
    }
  }

  private mutating func expectBool(_ expr: Expr) {
    let type = visit(expr)
    if type != .bool && type != .dyn {
      mismatch("'\(Checker.quote(expr))' is \(type.withArticle), expected a bool", at: expr)
    }
  }

  private mutating func comparisonMismatch(
    _ function: String, _ args: [Expr], _ a: CELType, _ b: CELType, _ expr: Expr
  ) {
    let message: String
    if let name = Checker.shortName(args[0]) {
      message = "'\(name)' is \(a.withArticle), compared with \(b.withArticle)"
    } else if let name = Checker.shortName(args[1]) {
      message = "'\(name)' is \(b.withArticle), compared with \(a.withArticle)"
    } else {
      message = "no matching overload for '\(function)' applied to (\(a.displayName), \(b.displayName))"
    }
    let notes = [Checker.conversionHint(args[1], from: b, to: a), Checker.conversionHint(args[0], from: a, to: b)]
    report(.error, "cel.type_mismatch", message, at: expr, notes: notes.compactMap { $0 })
  }

  /// How to write a string literal so it compares with a time or a number:
  /// `timestamp('...')`, `duration('...')`, or the number without quotes.
  private static func conversionHint(_ literal: Expr, from: CELType, to: CELType) -> String? {
    guard from == .string, case .literal(.string(let text)) = literal.kind else { return nil }
    switch to {
    case .timestamp: return "write timestamp('\(text)') to compare with a time"
    case .duration: return "write duration('\(text)') to compare with a duration"
    case _ where to.isNumeric && Double(text) != nil: return "write \(text) without quotes to compare with a number"
    default: return nil
    }
  }

  /// The name a field or variable goes by in a message: `rings` for `event.rings`.
  private static func shortName(_ expr: Expr) -> String? {
    switch expr.kind {
    case .select(_, let field, false): field
    case .ident(let name): name
    default: nil
    }
  }

  private mutating func indexType(_ args: [Expr], _ expr: Expr) -> CELType {
    let (container, key) = (visit(args[0]), visit(args[1]))
    switch container {
    case .list(let element) where key.isNumeric || key == .dyn:
      return element
    case .map(let keyType, let value) where Checker.equatable(keyType, key):
      return value
    case .record(let layout) where key == .string || key == .dyn:
      if case .literal(.string(let name)) = args[1].kind, let slot = layout.slot(of: name) {
        return layout.types[slot]
      }
      return .dyn
    case .dyn:
      return .dyn
    default:
      mismatch("no matching overload for '_[_]' applied to (\(container.displayName), \(key.displayName))", at: expr)
      return .dyn
    }
  }
}
