/// Why `explain` could not answer.
public enum ExplainError: Error, Sendable, CustomStringConvertible {
  /// No event has the id; the closest ids in the logs, best first, and the records that were
  /// rejected (one of them may be the event asked for).
  case noSuchEvent(String, closest: [String], rejected: [RejectedRecord] = [])
  /// The set has no rule with the id; the closest rule ids.
  case noSuchRule(String, closest: [String])

  /// The message, lowercase, naming the closest ids.
  public var description: String {
    switch self {
    case .noSuchEvent(let id, let closest, let rejected):
      "no event with id '\(id)' in the logs" + Self.rejectedNote(rejected) + Self.suggest(closest)
    case .noSuchRule(let id, let closest):
      "no rule with id '\(id)' in the standards" + Self.suggest(closest)
    }
  }

  /// ` (2 records were rejected and cannot be explained: shift.jsonl:21, missing ...)`.
  private static func rejectedNote(_ records: [RejectedRecord]) -> String {
    guard !records.isEmpty else { return "" }
    let shown = records.prefix(3).map { "\($0.path):\($0.line), \($0.reason)" }.joined(separator: "; ")
    let more = records.count > 3 ? "; ..." : ""
    let count = records.count == 1 ? "1 record was" : "\(records.count) records were"
    return " (\(count) rejected and cannot be explained: \(shown)\(more))"
  }

  private static func suggest(_ ids: [String]) -> String {
    ids.isEmpty ? "" : "; did you mean " + ids.map { "'\($0)'" }.joined(separator: ", ") + "?"
  }
}

/// One event as `essence explain` tells it: the engine's explanation, and the pattern findings
/// raised at other events that counted this one or that it joined.
public struct ExplainedEvent: Sendable {
  /// The event's findings with traces, and notes on the rules that did not judge it.
  public var explanation: EventExplanation
  /// Pattern findings raised elsewhere that list this event.
  public var patternFindings: [Finding]
  /// The other events the findings looked at, by id (the first with each id), so their
  /// notes can be quoted: what the colleague who answered a signal wrote.
  public var relatedEvents: [String: Event] = [:]
  /// The one rule asked about (`--rule`), if any.
  public var rule: String?
}

/// Answers "why" for one event id over one run's set and logs (SPEC §5 `explain`).
public struct ExplainQuery: Sendable {
  let set: StandardsSet
  let log: EventLog

  /// Creates a query.
  public init(set: StandardsSet, log: EventLog) {
    self.set = set
    self.log = log
  }

  /// One answer per event with the id (ids may repeat across logs), restricted to `rule`
  /// when given; an unknown event or rule id is an error naming the closest ones.
  public func explain(event id: String, rule: String? = nil) -> Result<[ExplainedEvent], ExplainError> {
    let rules = set.ruleInfos.map(\.id)
    if let rule, !rules.contains(rule) {
      return .failure(.noSuchRule(rule, closest: Self.closest(to: rule, among: rules)))
    }
    let engine = Engine(set: set)
    let (explanations, evaluation) = engine.explained(log, event: id, rule: rule)
    guard !explanations.isEmpty else {
      return .failure(
        .noSuchEvent(id, closest: Self.closest(to: id, among: log.events.map(\.id)), rejected: log.rejected))
    }
    // Only an event a pattern counted without raising there needs the pattern's own finding,
    // which sits at another event: only then are the pattern findings built and searched.
    let counted = explanations.contains { explanation in
      set.files.contains { $0.patterns.contains { $0.on.contains(explanation.event.type) } }
    }
    let findings = evaluation.findings
    let patternFindings = findings.indices.lazy.filter {
      evaluation.rules[Int(findings.records[$0].rule)].kind == .pattern
    }
    let elsewhere: [Finding] =
      counted
      ? patternFindings.map { findings[$0] }.filter { f in
        (rule == nil || f.rule == rule) && f.explanation.countedOrJoined(id)
      } : []
    var ruleTypes: [String: [String]] = [:]
    for file in set.files {
      for standard in file.standards { ruleTypes[standard.id] = standard.on }
      for signal in file.signals { ruleTypes[signal.id] = signal.on }
      for pattern in file.patterns { ruleTypes[pattern.id] = pattern.on }
    }
    let byID = log.firstEvents(withIDs: Set((explanations.flatMap(\.findings) + elsewhere).flatMap {
      $0.explanation.related.map(\.id)
    }))
    return .success(
      explanations.map { explanation in
        let patterns = elsewhere.filter { $0.eventIndex != explanation.event.index }
        var related: [String: Event] = [:]
        for finding in explanation.findings + patterns {
          for other in finding.explanation.related { related[other.id] = byID[other.id] }
        }
        var told = explanation
        if let rule, told.findings.isEmpty, patterns.isEmpty, told.notes.isEmpty,
          let on = ruleTypes[rule], !on.contains(told.event.type)
        {
          told.notes.append(
            "'\(rule)' names only " + on.map { "'\($0)'" }.joined(separator: ", ")
              + " in its 'on', so it does not judge a '\(told.event.type)' event")
        }
        return ExplainedEvent(explanation: told, patternFindings: patterns, relatedEvents: related, rule: rule)
      })
  }

  /// Up to five ids closest to `id` by edit distance (then prefix, then first appearance), skipping
  /// those too far to be a slip of the keyboard unless `id` is their prefix.
  static func closest(to id: String, among ids: [String]) -> [String] {
    var seen = Set<String>()
    let unique = ids.filter { seen.insert($0).inserted }
    let limit = max(2, id.count / 2)
    let scored = unique.map { ($0, SchemaValidator.editDistance(id, $0)) }.filter {
      $0.1 <= limit || $0.0.hasPrefix(id)
    }
    // Among equally close ids, one that the typed id starts with (or that starts with it) is
    // the likelier slip: 'e-140' for 'e-14'.
    func key(_ entry: (offset: Int, element: (String, Int))) -> (Int, Int, Int) {
      let (candidate, distance) = entry.element
      return (distance, id.hasPrefix(candidate) || candidate.hasPrefix(id) ? 0 : 1, entry.offset)
    }
    return scored.enumerated().sorted { key($0) < key($1) }.prefix(5).map(\.element.0)
  }
}

extension Explanation {
  /// True when a pattern's finding counted the event with this id in its window or joined it.
  func countedOrJoined(_ id: String) -> Bool {
    related.contains { $0.id == id && ($0.role == .counted || $0.role == .joined) }
  }
}

extension EventLog {
  /// The first event of each of `ids` (ids may repeat across logs) that the log has: only
  /// those, since each event kept holds its block (``EventStore``).
  public func firstEvents(withIDs ids: Set<String>) -> [String: Event] {
    var byID: [String: Event] = [:]
    guard !ids.isEmpty else { return byID }
    for event in events where byID.count < ids.count {
      let id = event.id
      if ids.contains(id) && byID[id] == nil { byID[id] = event }
    }
    return byID
  }
}
