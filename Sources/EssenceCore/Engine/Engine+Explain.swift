import CEL

/// Everything Essence can say about one event: each rule's finding with a full trace, and
/// for rules that did not judge it, why not.
public struct EventExplanation: Sendable {
  /// The event, as read.
  public var event: Event
  /// Every finding on the event (met included), each condition with its trace.
  public var findings: [Finding]
  /// Why rules that name the event's type did not judge it, and pattern matches that raised
  /// no finding of their own; empty when nothing needs saying.
  public var notes: [String]
}

extension Engine {
  /// Explains every event with this id (ids may repeat), optionally for one rule only.
  ///
  /// Judges the whole log again, since relations, signals, patterns and approvals look at
  /// other events; only the findings asked about are traced.
  public func explain(_ log: EventLog, event id: String, rule: String? = nil) -> [EventExplanation] {
    explained(log, event: id, rule: rule).explanations
  }

  /// ``explain(_:event:rule:)``, with the evaluation it judged (met findings included, none
  /// traced), so a caller needing other events' findings does not judge the log again.
  func explained(
    _ log: EventLog, event id: String, rule: String? = nil
  ) -> (explanations: [EventExplanation], evaluation: Evaluation) {
    let evaluation = evaluate(log, options: Options(includeMet: true))
    guard var describer = evaluation.findings.describer as? FindingDescriber else { return ([], evaluation) }
    describer.traced = true
    let list = evaluation.findings
    let explanations = log.events.indices.filter { log.events[$0].id == id }.map { index in
      let findings = list.records.filter {
        Int($0.event) == index && (rule == nil || book.rules[Int($0.rule)].id == rule)
      }
      .map { describer.finding(for: $0, explained: true) }
      let judged = Set(findings.map(\.rule))
      return EventExplanation(
        event: log.events[index], findings: findings,
        notes: notes(on: index, run: describer.run, rule: rule, judged: judged))
    }
    return (explanations, evaluation)
  }

  /// Why each rule naming the event's type did not judge it, or how a pattern counted it.
  private func notes(on index: Int, run: EngineRun, rule only: String?, judged: Set<String>) -> [String] {
    let event = run.events[index]
    guard let groups = book.rulesByType[event.type] else {
      return ["no rule names type '\(event.type)' in its 'on', so the event is unjudged"]
    }
    let activation = event.activation
    var notes: [String] = []
    for group in groups {
      let rules = group.rules.filter { only == nil || book.rules[$0].id == only }
      if rules.isEmpty { continue }
      if let scope = book.scopes[group.file], scope.outcome(activation) != .held {
        let path = book.set.files[group.file].path
        notes.append(
          "the scope of '\(path)' (\(scope.condition.source)) does not hold, so its rules do not judge the event")
        continue
      }
      for r in rules {
        let rule = book.rules[r]
        if let when = rule.when, when.outcome(activation) != .held {
          notes.append("'when' of '\(rule.id)' (\(when.condition.source)) does not hold")
        } else if case .pattern = rule.body, !judged.contains(rule.id) {
          notes.append(
            "'\(rule.id)' counts the event as a match; a finding is raised only at the event that reaches the threshold"
          )
        }
      }
    }
    return notes
  }
}
