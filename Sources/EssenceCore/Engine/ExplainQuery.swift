import CEL

/// Everything `essence explain` says about one logged event (SPEC §5).
public struct EventExplanation: Sendable {
  /// The event explained.
  public var event: Event
  /// Every finding on the event, with traces, in rule order (`met` ones included).
  public var findings: [Finding]
  /// Pattern findings raised at another event that counted this one or that it joined.
  public var patternFindings: [Finding]
  /// Rules that did not judge the event, and what ruled each out.
  public var exclusions: [RuleExclusion]
}

/// Why a rule did not judge an event: its `on`, its file's `scope`, its `when`, or (for a
/// pattern) a match that raised nothing.
public struct RuleExclusion: Sendable {
  /// What ruled the rule out.
  public enum Reason: Sendable {
    /// The event's type is not among the rule's `on` types.
    case on([String])
    /// The file's `scope` did not hold (false, an error, or not a bool).
    case scope(String, CheckOutcome.Result)
    /// The rule's `when` did not hold.
    case when(String, CheckOutcome.Result)
    /// The pattern matched, but no raise counted the event: fewer than `threshold` matches
    /// fell within the window.
    case belowThreshold(threshold: Int, within: String)
  }

  public var rule: String
  public var kind: RuleKind
  public var reason: Reason

  /// The reason in one sentence.
  public var sentence: String {
    switch reason {
    case .on(let types):
      return "'\(rule)' judges only " + types.map { "'\($0)'" }.joined(separator: ", ") + " events."
    case .scope(let expression, let result):
      return "'\(rule)' is outside its file's scope: `\(expression)` was \(FindingNarrative.resultWord(result))."
    case .when(let expression, let result):
      return "'\(rule)' does not apply: its `when`, `\(expression)`, was \(FindingNarrative.resultWord(result))."
    case .belowThreshold(let threshold, let within):
      return "'\(rule)' counted the event, but fewer than \(threshold) matches fell within \(within), so nothing was raised."
    }
  }
}

/// Why `explain` could not answer.
public enum ExplainError: Error, Sendable, CustomStringConvertible {
  /// No event has the id; the closest ids in the log, best first.
  case noSuchEvent(String, closest: [String])
  /// The set has no rule with the id; the closest rule ids.
  case noSuchRule(String, closest: [String])

  public var description: String {
    switch self {
    case .noSuchEvent(let id, let closest):
      "no event with id '\(id)' in the logs" + Self.suggest(closest)
    case .noSuchRule(let id, let closest):
      "no rule with id '\(id)' in the standards" + Self.suggest(closest)
    }
  }

  private static func suggest(_ ids: [String]) -> String {
    ids.isEmpty ? "" : "; did you mean " + ids.map { "'\($0)'" }.joined(separator: ", ") + "?"
  }
}

/// Answers "why" for one event id: its findings with traces, and the rules that passed it by.
public struct ExplainQuery: Sendable {
  let set: StandardsSet
  let log: EventLog

  /// Creates a query over one run's set and logs.
  public init(set: StandardsSet, log: EventLog) {
    self.set = set
    self.log = log
  }

  /// One explanation per event with the id (ids may repeat across logs), restricted to `rule`
  /// when given.
  public func explain(event id: String, rule: String? = nil) -> Result<[EventExplanation], ExplainError> {
    let infos = set.ruleInfos
    if let rule, !infos.contains(where: { $0.id == rule }) {
      return .failure(.noSuchRule(rule, closest: Self.closest(to: rule, among: infos.map(\.id))))
    }
    let events = log.events.filter { $0.id == id }
    guard !events.isEmpty else {
      return .failure(.noSuchEvent(id, closest: Self.closest(to: id, among: log.events.map(\.id))))
    }
    let evaluation = Engine(set: set).evaluate(log, options: Engine.Options(includeMet: true))
    let tracer = ExplainTracer(set: set)
    return .success(
      events.map { event in
        let wanted = { (f: Finding) in rule == nil || f.rule == rule }
        let own = evaluation.findings.filter { $0.eventIndex == event.index && wanted($0) }
        let patterns = evaluation.findings.filter { f in
          f.kind == .pattern && f.eventIndex != event.index && wanted(f)
            && f.explanation.related.contains { $0.id == event.id && ($0.role == .counted || $0.role == .joined) }
        }
        let covered = Set(own.map(\.rule) + patterns.map(\.rule))
        let judged = !own.isEmpty || !patterns.isEmpty
        return EventExplanation(
          event: event, findings: own.map { tracer.traced($0, on: event) }, patternFindings: patterns,
          exclusions: exclusions(for: event, covered: covered, onlyRule: rule, judged: judged))
      })
  }

  /// The rules that did not judge the event. Rules of other event types are listed only when
  /// no rule judged it (or the one rule asked for is among them), to keep the answer short.
  private func exclusions(for event: Event, covered: Set<String>, onlyRule: String?, judged: Bool) -> [RuleExclusion] {
    let activation = Activation(values: [.record(event.record)])
    var out: [RuleExclusion] = []
    for file in set.files {
      let scope = file.scope.map { ($0.source, $0.result(activation)) }
      let rules: [(String, RuleKind, [String], Condition?, Pattern?)] =
        file.standards.map { ($0.id, .standard, $0.on, $0.when, nil) }
        + file.signals.map { ($0.id, .signal, $0.on, $0.when, nil) }
        + file.patterns.map { ($0.id, .pattern, $0.on, $0.when, $0) }
      for (id, kind, on, when, pattern) in rules where !covered.contains(id) && (onlyRule == nil || onlyRule == id) {
        let reason: RuleExclusion.Reason
        if !on.contains(event.type) {
          guard !judged || onlyRule != nil else { continue }
          reason = .on(on)
        } else if let scope, scope.1 != .held {
          reason = .scope(scope.0, scope.1)
        } else if let when, case let result = when.result(activation), result != .held {
          reason = .when(when.source, result)
        } else if let pattern {
          reason = .belowThreshold(
            threshold: pattern.threshold, within: ValueText.durationText(nanos: pattern.withinNanos))
        } else {
          continue
        }
        out.append(RuleExclusion(rule: id, kind: kind, reason: reason))
      }
    }
    return out
  }

  /// Up to five ids closest to `id` by edit distance (then by order in the log), skipping
  /// those too far to be a slip of the keyboard.
  static func closest(to id: String, among ids: [String]) -> [String] {
    var seen = Set<String>()
    let unique = ids.filter { seen.insert($0).inserted }
    let limit = max(2, id.count / 2)
    let scored = unique.map { ($0, editDistance(id, $0)) }.filter { $0.1 <= limit || $0.0.hasPrefix(id) }
    return scored.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
      .prefix(5).map(\.element.0)
  }

  /// Levenshtein distance over characters.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
