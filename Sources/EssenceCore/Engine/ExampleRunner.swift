import CEL

/// How one `examples:` entry came out (SPEC §1, §5 `essence test`).
public struct ExampleResult: Sendable {
  /// The rule the example sits under.
  public var rule: String
  /// Standard, signal or pattern.
  public var kind: RuleKind
  /// The example's position under its rule, from 1.
  public var number: Int
  /// Where the example is written.
  public var location: SourceLocation
  /// The `verdict:` written under the example.
  public var expectedVerdict: String
  /// The `deviation:` written under the example, if any.
  public var expectedDeviation: String?
  /// The verdict the rule gave; `not judged` when it did not apply, `none` when a pattern
  /// raised nothing that counted the event.
  public var actualVerdict: String
  /// The deviation that applied, if any.
  public var actualDeviation: String?
  /// The finding, when the rule made one: its explanation says why a failing example failed.
  public var finding: Finding?
  /// The example's event as judged, with what was filled in.
  public var event: Event?
  /// Why the example could not be run as written (a bad time), if so.
  public var problem: String?

  /// True when the verdict, and the deviation when one is stated, are as written.
  public var passed: Bool {
    problem == nil && actualVerdict == expectedVerdict
      && (expectedDeviation == nil || expectedDeviation == actualDeviation)
  }
}

/// Runs the `examples:` of every rule in a set: each example's event (with `related:` events)
/// is judged by the whole set, and the rule's verdict on it is compared with the one written.
///
/// Examples are written short, so what an author leaves out is filled in the way they mean
/// it: `type` is the first of the rule's `on`, `employee`, `time` and `id` get defaults, and
/// fields the file's `scope` compares with a constant (`event.team == 'front-desk'`) are set
/// to it. Related events default to the example event's employee and time.
public struct ExampleRunner: Sendable {
  /// The time given to examples that name none.
  public static let defaultTime = "2026-11-21T12:00:00Z"
  /// The employee given to examples that name none.
  public static let defaultEmployee = "example-employee"

  let set: StandardsSet
  let engine: Engine

  /// Prepares a set's rules once for all its examples.
  public init(set: StandardsSet) {
    self.set = set
    self.engine = Engine(set: set)
  }

  /// Every example of every rule, in set order.
  public func run() -> [ExampleResult] {
    set.files.flatMap { file in rules(of: file).flatMap { run($0, file: file) } }
  }

  /// The examples of one rule; empty when the set has no such rule.
  public func run(rule id: String) -> [ExampleResult] {
    for file in set.files {
      if let rule = rules(of: file).first(where: { $0.id == id }) { return run(rule, file: file) }
    }
    return []
  }

  // MARK: - Running

  /// What the runner needs of a standard, signal or pattern.
  struct ExampleRule {
    var id: String
    var kind: RuleKind
    var on: [String]
    var examples: [RuleExample]
  }

  func rules(of file: StandardsFile) -> [ExampleRule] {
    file.standards.map { ExampleRule(id: $0.id, kind: .standard, on: $0.on, examples: $0.examples) }
      + file.signals.map { ExampleRule(id: $0.id, kind: .signal, on: $0.on, examples: $0.examples) }
      + file.patterns.map { ExampleRule(id: $0.id, kind: .pattern, on: $0.on, examples: $0.examples) }
  }

  private func run(_ rule: ExampleRule, file: StandardsFile) -> [ExampleResult] {
    let scopeFields = file.scope.map { Self.constantFields(in: $0.ast) } ?? []
    return rule.examples.enumerated().map { i, example in
      var result = ExampleResult(
        rule: rule.id, kind: rule.kind, number: i + 1, location: example.location,
        expectedVerdict: example.verdict, expectedDeviation: example.deviation, actualVerdict: "not judged")
      var log = EventLog()
      let id = "\(rule.id)-example-\(i + 1)"
      let main = event(
        example.event, defaults: (id, rule.on.first ?? "", Self.defaultEmployee, Self.defaultTime), scope: scopeFields,
        index: 0, line: example.location.line)
      guard case .success(let first) = main else {
        if case .failure(let problem) = main { result.problem = problem.message }
        return result
      }
      log.append(first)
      result.event = first
      for (k, fields) in example.related.enumerated() {
        let other = event(
          fields, defaults: ("\(id)-related-\(k + 1)", rule.on.first ?? "", first.employee, first.timeText),
          scope: scopeFields, index: k + 1, line: example.location.line)
        switch other {
        case .success(let e): log.append(e)
        case .failure(let problem): result.problem = problem.message
        }
      }
      let evaluation = engine.evaluate(log, options: Engine.Options(includeMet: true))
      judge(&result, rule: rule, evaluation: evaluation, eventID: first.id)
      return result
    }
  }

  private func judge(_ result: inout ExampleResult, rule: ExampleRule, evaluation: Evaluation, eventID: String) {
    let findings = evaluation.findings.filter { $0.rule == rule.id }
    guard rule.kind == .pattern else {
      if let finding = findings.first(where: { $0.eventIndex == 0 }) {
        result.actualVerdict = finding.verdict.rawValue
        result.actualDeviation = finding.deviation
        result.finding = finding
      }
      return
    }
    // A pattern's example is robotic when its event raised a finding or was counted in or
    // joined one; otherwise nothing was raised for it.
    let raised = findings.first { finding in
      finding.eventIndex == 0
        || finding.explanation.countedOrJoined(eventID)
    }
    result.finding = raised
    result.actualVerdict =
      raised?.verdict.rawValue ?? (result.expectedVerdict == "robotic" ? "none" : result.expectedVerdict)
  }

  // MARK: - Events

  /// Why an example's event cannot be built.
  struct ExampleProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  private func event(
    _ written: [(name: String, value: Value)], defaults: (id: String, type: String, employee: String, time: String),
    scope: [(name: String, value: Value)], index: Int, line: Int
  ) -> Result<Event, ExampleProblem> {
    var fields = written
    func value(_ name: String) -> Value? { fields.last { $0.name == name }?.value }
    if value("id") == nil { fields.append(("id", .string(defaults.id))) }
    if value("type") == nil { fields.append(("type", .string(defaults.type))) }
    if value("employee") == nil { fields.append(("employee", .string(defaults.employee))) }
    if value("time") == nil { fields.append(("time", .string(defaults.time))) }
    for field in scope where value(field.name) == nil { fields.append(field) }

    guard case .string(let timeText)? = value("time"), let time = Timestamp(rfc3339: timeText) else {
      return .failure(
        ExampleProblem("the example's time is not RFC 3339 with an offset: \(value("time").map(ValueFormat.cel) ?? "")")
      )
    }
    guard case .string(let type)? = value("type"), case .string(let employee)? = value("employee") else {
      return .failure(ExampleProblem("the example's 'type' and 'employee' must be strings"))
    }
    let id: String
    switch value("id") {
    case .string(let text)?: id = text
    case .int(let number)?: id = String(number)
    default: return .failure(ExampleProblem("the example's 'id' must be a string or an integer"))
    }
    let typed = fields.map { field -> (name: String, value: Value) in
      switch field.name {
      case "time": ("time", .timestamp(time))
      case "id": ("id", .string(id))
      default: field
      }
    }
    return .success(
      Event(
        id: id, type: type, employee: employee, time: time, timeText: timeText,
        record: Record(layout: set.layout, fields: typed), path: "example", line: line, index: index))
  }

  /// The fields a scope pins to a constant: `event.team == 'front-desk'` (either side),
  /// joined by `&&`; for `event.team in ['a', 'b']`, the first.
  static func constantFields(in expr: Expr) -> [(name: String, value: Value)] {
    guard case .call(let function, nil, let args) = expr.kind else { return [] }
    switch function {
    case "_&&_":
      return args.flatMap(constantFields)
    case "_==_" where args.count == 2:
      if let name = eventField(args[0]), case .literal(let value) = args[1].kind { return [(name, value)] }
      if let name = eventField(args[1]), case .literal(let value) = args[0].kind { return [(name, value)] }
      return []
    case "@in" where args.count == 2:
      if let name = eventField(args[0]), case .list(let items) = args[1].kind, let first = items.first,
        case .literal(let value) = first.kind
      {
        return [(name, value)]
      }
      return []
    default:
      return []
    }
  }

  private static func eventField(_ expr: Expr) -> String? {
    guard case .select(let operand, let field, false) = expr.kind, case .ident("event") = operand.kind else {
      return nil
    }
    return field
  }
}
