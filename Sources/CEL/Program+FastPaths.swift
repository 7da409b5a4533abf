/// Fast paths for the shapes standards use most: a value against a literal number or string
/// (`event.rings <= 3`), `in` a literal list (`event.queue in ['billing', 'tech']`) and a
/// literal regex. Each falls back to the general operator for any other kind of value.
extension Compiler {
  func fastPath(_ expr: Expr, _ function: String, _ args: [Compiled]) -> Compiled? {
    guard !tracing, args.count == 2 else { return nil }
    if function == "matches", case .string(let pattern)? = args[1].constant, args[0].constant == nil {
      return literalRegex(expr, args[0], pattern)
    }
    if function == "startsWith", case .string(let prefix)? = args[1].constant, let field = args[0].eventField {
      return fieldStartsWith(expr, field, args[0].eval, prefix)
    }
    if function == "@in", case .list(let items)? = args[1].constant, args[0].constant == nil {
      return inLiteralList(expr, args[0], items)
    }
    guard let relation = Relation(function), !args.contains(where: { $0.constant?.isError == true }) else { return nil }
    if let literal = args[1].constant, args[0].constant == nil {
      return against(expr, args[0], relation, literal)
    }
    if let literal = args[0].constant, args[1].constant == nil {
      return against(expr, args[1], relation.flipped, literal)
    }
    return nil
  }

  private func literalRegex(_ expr: Expr, _ subject: Compiled, _ pattern: String) -> Compiled {
    let s = subject.eval
    let id = expr.id
    switch Regex.compile(pattern) {
    case .success(let regex):
      @Sendable func match(_ value: Value) -> Value {
        if case .string(let text) = value { return .bool(regex.matches(text)) }
        return Value.located(StringFunctions.matches(value, .string(pattern)), id)
      }
      guard let field = subject.eventField else { return node(expr) { frame in match(s(&frame)) } }
      // The event's text matched where the event keeps it (a greeting is a String of its own,
      // counted for every evaluation when made a value).
      return node(expr) { frame in
        field.withValue(in: frame, string: { .bool(regex.matches(utf8: $0)) }, other: match) ?? match(s(&frame))
      }
    case .failure(let error):
      return node(expr) { frame in
        let value = s(&frame)
        if case .error = value { return value }
        return Value.located(.error(error), id)
      }
    }
  }

  /// `event.greeting.startsWith('Thank you')`: the event's text read where the event keeps
  /// it, its first bytes compared with the prefix's (code points, as `startsWith` compares).
  private func fieldStartsWith(_ expr: Expr, _ field: EventField, _ subject: @escaping Eval, _ prefix: String)
    -> Compiled
  {
    let id = expr.id
    let bytes = Array(prefix.utf8)
    @Sendable func general(_ value: Value) -> Value {
      if case .error = value { return value }
      return Value.located(StringFunctions.startsWith(value, .string(prefix)), id)
    }
    return node(expr) { frame in
      field.withValue(
        in: frame,
        string: { text in bytes.withUnsafeBufferPointer { .bool(Value.utf8(text, startsWith: $0)) } }, other: general)
        ?? general(subject(&frame))
    }
  }

  private func inLiteralList(_ expr: Expr, _ element: Compiled, _ items: [Value]) -> Compiled {
    let e = element.eval
    let id = expr.id
    let strings = items.compactMap { item -> String? in
      if case .string(let s) = item { return s }
      return nil
    }
    guard strings.count == items.count else {
      let list = Value.list(items)
      return node(expr) { frame in
        let value = e(&frame)
        if case .error = value { return value }
        return Value.located(Value.contains(value, list), id)
      }
    }
    @Sendable func contains(_ value: Value) -> Value {
      guard case .string(let s) = value else {
        if case .error = value { return value }
        return .bool(false)
      }
      for candidate in strings where Value.sameText(candidate, s) { return .bool(true) }
      return .bool(false)
    }
    guard let field = element.eventField else { return node(expr) { frame in contains(e(&frame)) } }
    let texts = strings.map { Array($0.utf8) }
    return node(expr) { frame in
      field.withValue(in: frame, string: { text in .bool(texts.contains { Self.same(text, $0) }) }, other: contains)
        ?? contains(e(&frame))
    }
  }

  /// Whether UTF-8 read in place is the UTF-8 of a literal (`Value.sameUTF8`).
  @inline(__always)
  private static func same(_ text: UnsafeBufferPointer<UInt8>, _ literal: [UInt8]) -> Bool {
    literal.withUnsafeBufferPointer { Value.sameUTF8(text, $0) }
  }

  /// `x OP literal` with `x` computed: compares ints, doubles or strings directly.
  private func against(_ expr: Expr, _ operand: Compiled, _ relation: Relation, _ literal: Value) -> Compiled {
    let x = operand.eval
    let id = expr.id
    let general: @Sendable (Value) -> Value = { value in
      if case .error = value { return value }
      return Value.located(relation.general(value, literal), id)
    }
    switch literal {
    case .int(let c):
      return node(expr) { frame in
        let value = x(&frame)
        if case .int(let i) = value { return .bool(relation.holds(i, c)) }
        return general(value)
      }
    case .double(let c):
      return node(expr) { frame in
        let value = x(&frame)
        if case .double(let d) = value { return .bool(relation.holds(d, c)) }
        return general(value)
      }
    case .string(let c):
      @Sendable func compare(_ value: Value) -> Value {
        if case .string(let s) = value {
          switch relation {
          case .equal: return .bool(Value.sameText(s, c))
          case .notEqual: return .bool(!Value.sameText(s, c))
          default: return general(value)
          }
        }
        return general(value)
      }
      guard let field = operand.eventField, relation == .equal || relation == .notEqual else {
        return node(expr) { frame in compare(x(&frame)) }
      }
      // `event.queue == 'overflow'`: the field's text compared where the event keeps it, with
      // no String made or counted (scopes and `when`s compare a field with text for nearly
      // every event).
      let text = Array(c.utf8)
      let equal = relation == .equal
      return node(expr) { frame in
        field.withValue(in: frame, string: { .bool(Self.same($0, text) == equal) }, other: compare)
          ?? compare(x(&frame))
      }
    default:
      return node(expr) { frame in general(x(&frame)) }
    }
  }
}

/// A comparison operator, applied to plain numbers without building values.
enum Relation: Sendable {
  case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual

  init?(_ function: String) {
    switch function {
    case "_<_": self = .less
    case "_<=_": self = .lessOrEqual
    case "_>_": self = .greater
    case "_>=_": self = .greaterOrEqual
    case "_==_": self = .equal
    case "_!=_": self = .notEqual
    default: return nil
    }
  }

  /// The operator with its operands swapped: `3 < x` is `x > 3`.
  var flipped: Relation {
    switch self {
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    case .equal, .notEqual: return self
    }
  }

  @inline(__always) func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
    switch self {
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    case .equal: return a == b
    case .notEqual: return a != b
    }
  }

  /// The operator on any two values, with CEL's rules.
  func general(_ a: Value, _ b: Value) -> Value {
    switch self {
    case .less: return Value.relation("_<_", a, b) { $0 == .less }
    case .lessOrEqual: return Value.relation("_<=_", a, b) { $0 == .less || $0 == .equal }
    case .greater: return Value.relation("_>_", a, b) { $0 == .greater }
    case .greaterOrEqual: return Value.relation("_>=_", a, b) { $0 == .greater || $0 == .equal }
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(!(a == b))
    }
  }
}
