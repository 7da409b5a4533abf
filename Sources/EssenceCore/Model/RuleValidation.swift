import CEL

/// Checks that catch a rule that may not do what its author meant: deviations that can never
/// apply, limits that can never hold, and letters with no allowed deviation.
enum RuleValidation {
  /// Runs every rule check on the standards of each file.
  static func check(_ roots: [YAMLNode], into engine: inout DiagnosticEngine) {
    for root in roots {
      for standard in root["standards"]?.sequence ?? [] where standard.mapping != nil {
        checkDeviations(standard, into: &engine)
        checkExampleDeviations(standard, into: &engine)
      }
    }
  }

  private static func checkDeviations(_ standard: YAMLNode, into engine: inout DiagnosticEngine) {
    guard let deviations = standard["deviations"] else {
      let id = standard["id"]?.string ?? "?"
      engine.emit(
        .noDeviations(id), at: standard.start,
        notes: [.init("a letter with no allowed deviation invites robotic compliance")])
      return
    }
    var earlier: [String: (id: String, at: SourceLocation)] = [:]
    for deviation in deviations.sequence ?? [] {
      let id = deviation["id"]?.string ?? "?"
      if let when = deviation["when"], let text = when.string {
        let key = normalized(text)
        if let first = earlier[key] {
          engine.emit(
            .unreachableDeviation(id, earlier: first.id), at: when.start,
            notes: [.init("deviation '\(first.id)' has the same 'when' here", at: first.at)])
        } else {
          earlier[key] = (id, when.start)
        }
      }
      if let limit = deviation["limit"], let limitText = limit.string, let expectText = standard["expect"]?.string,
        limitNeverHoldsWhenBroken(expect: expectText, limit: limitText)
      {
        engine.emit(.redundantLimit(deviation: id), at: limit.start)
      }
    }
  }

  /// An example's `deviation` must name one of its standard's deviations.
  private static func checkExampleDeviations(_ standard: YAMLNode, into engine: inout DiagnosticEngine) {
    let known = (standard["deviations"]?.sequence ?? []).compactMap { $0["id"]?.string }
    for example in standard["examples"]?.sequence ?? [] {
      guard let node = example["deviation"], let id = node.string, !known.contains(id) else { continue }
      engine.emit(
        .unknownDeviation(id, standard: standard["id"]?.string ?? "?"), at: node.start,
        notes: SchemaValidator.didYouMean(id, among: known))
    }
  }

  /// The text without whitespace, so `a==b` and `a == b` compare equal.
  static func normalized(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }

  /// True when no event can break `expect` and still satisfy `limit`: the texts are the same,
  /// or both bound the same field and the limit's bound lies inside the letter's.
  static func limitNeverHoldsWhenBroken(expect: String, limit: String) -> Bool {
    if normalized(expect) == normalized(limit) { return true }
    guard let letter = Bound(expect), let bound = Bound(limit), letter.field == bound.field else { return false }
    let broken = letter.negated
    guard broken.isUpper != bound.isUpper else { return false }
    let (lower, upper) = broken.isUpper ? (bound, broken) : (broken, bound)
    return upper.value < lower.value || (upper.value == lower.value && !(upper.inclusive && lower.inclusive))
  }

  /// `event.<field> <op> <number>` (either way round), as a half-line of values.
  struct Bound {
    var field: String
    var isUpper: Bool
    var inclusive: Bool
    var value: Double

    init?(_ source: String) {
      guard let ast = Environment(variables: []).parse(source).ast,
        case .call(let function, nil, let args) = ast.kind, args.count == 2
      else { return nil }
      let ops = ["_<_": (true, false), "_<=_": (true, true), "_>_": (false, false), "_>=_": (false, true)]
      guard let (isUpper, inclusive) = ops[function] else { return nil }
      if let field = Self.field(args[0]), let value = Self.number(args[1]) {
        self.init(field: field, isUpper: isUpper, inclusive: inclusive, value: value)
      } else if let field = Self.field(args[1]), let value = Self.number(args[0]) {
        self.init(field: field, isUpper: !isUpper, inclusive: inclusive, value: value)
      } else {
        return nil
      }
    }

    init(field: String, isUpper: Bool, inclusive: Bool, value: Double) {
      self.field = field
      self.isUpper = isUpper
      self.inclusive = inclusive
      self.value = value
    }

    /// The values this bound excludes.
    var negated: Bound { Bound(field: field, isUpper: !isUpper, inclusive: !inclusive, value: value) }

    private static func field(_ expr: Expr) -> String? {
      guard case .select(let operand, let field, false) = expr.kind, case .ident("event") = operand.kind else {
        return nil
      }
      return field
    }

    private static func number(_ expr: Expr) -> Double? {
      switch expr.kind {
      case .literal(.int(let i)): Double(i)
      case .literal(.uint(let u)): Double(u)
      case .literal(.double(let d)): d
      default: nil
      }
    }
  }
}
