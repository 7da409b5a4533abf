import CEL

/// The `because` sentence of a finding: what decided the verdict, with the values that
/// decided it. Only the conditions the sentence names are evaluated again, since a report of a
/// million-event log writes hundreds of thousands of these.
extension FindingDescriber {
  func because(_ record: FindingRecord) -> String {
    let event = Int(record.event)
    switch run.book.rules[Int(record.rule)].body {
    case .standard(let plan):
      var text = TextBuffer(capacity: 256)
      standardBecause(plan, record, event: event, into: &text)
      return text.text
    case .signal(let plan):
      return signalBecause(plan, verdict: record.verdict, event: event)
    case .pattern(let plan):
      return patternBecause(plan, raise: raises[Int(record.raise)])
    }
  }

  // MARK: - Standards

  private func standardBecause(_ plan: StandardPlan, _ record: FindingRecord, event: Int, into text: inout TextBuffer) {
    // Most listed findings (missed, met) need no condition evaluated again.
    lazy var activation = run.activation(event)
    switch record.verdict {
    case .met:
      letter(plan.expect, held: true, event: event, into: &text)
      if !plan.checks.isEmpty { text += "; every purpose check held" }
    case .robotic:
      letter(plan.expect, held: true, event: event, into: &text)
      text += ", but:"
      for (check, written) in zip(plan.checks, plan.standard.purposeChecks)
      where run.outcome(check, event: event, activation) == .failed {
        text += " "
        text += written.says
      }
    case .error:
      if case .condition(let predicate) = plan.expect, case .error(let message) = predicate.condition.result(activation)
      {
        text += predicate.condition.source
        fields(predicate, event: event, into: &text)
        text += " could not be evaluated: "
        text += message
        return
      }
      letter(plan.expect, held: true, event: event, into: &text)
      for (check, written) in zip(plan.checks, plan.standard.purposeChecks) {
        guard case .condition(let predicate) = check, case .error(let message) = predicate.condition.result(activation)
        else { continue }
        text += ", but purpose check '"
        text += written.id
        text += "' could not be evaluated: "
        text += message
        return
      }
    case .missed:
      letter(plan.expect, held: false, event: event, into: &text)
      if !plan.deviations.isEmpty { text += " and no deviation applies" }
    default:
      letter(plan.expect, held: false, event: event, into: &text)
      guard record.deviation >= 0 else { return }
      text += "; "
      deviationBecause(plan.deviations[Int(record.deviation)], event: event, activation, into: &text)
    }
  }

  /// `deviation 'x' applies (reason = 'y'); evidence a, b present; limit ... held; approved by sam`,
  /// stopping at the first part that failed.
  private func deviationBecause(
    _ plan: DeviationPlan, event: Int, _ activation: Activation, into text: inout TextBuffer
  ) {
    let deviation = plan.deviation
    let record = run.events[event].record
    text += "deviation '"
    text += deviation.id
    text += "' applies"
    fields(plan.when, event: event, into: &text)
    let missing = plan.evidence.filter { EngineRun.isMissing($0.read(record)) }.map(\.name)
    if !missing.isEmpty {
      text += "; evidence "
      text.append(missing, separator: ", ")
      text += " missing"
      return
    }
    if !deviation.evidence.isEmpty {
      text += "; evidence "
      text.append(deviation.evidence, separator: ", ")
      text += " present"
    }
    if let limit = plan.limit {
      let result = limit.condition.result(activation)
      text += "; limit "
      text += limit.condition.source
      if result == .held { text += " held" } else if result == .failed { text += " failed" }
      fields(limit, event: event, into: &text)
      if case .error(let message) = result {
        text += " could not be evaluated: "
        text += message
      }
      if result != .held { return }
    }
    guard deviation.approval == .supervisor else { return }
    let approval = approvalOutcome(for: event)
    switch approval.decision {
    case .awaiting:
      text += "; awaiting supervisor approval"
    case .approved:
      text += "; approved by "
      text += approval.approver ?? "a supervisor"
    case .declined:
      text += "; declined by "
      text += approval.approver ?? "a supervisor"
    }
  }

  /// The letter (or a relation) with how it came out: `event.rings <= 3 failed (rings = 5)`,
  /// `no first_response with the same ticket_id within 1h after`.
  private func letter(_ check: CheckPlan, held: Bool, event: Int, into text: inout TextBuffer) {
    switch check {
    case .condition(let predicate):
      text += predicate.condition.source
      text += held ? " held" : " failed"
      fields(predicate, event: event, into: &text)
    case .relation(let plan):
      relationPhrase(plan, match: run.match(plan, event: event), into: &text)
    }
  }

  /// A relation in words, from the event it found (or did not).
  private func relationPhrase(_ plan: RelationPlan, match: Int32?, into text: inout TextBuffer) {
    let relation = plan.relation
    let within = ValueText.durationText(nanos: relation.withinNanos)
    guard let match else {
      text += "no "
      text.append(relation.on, separator: " or ")
      if !relation.same.isEmpty {
        text += " with the same "
        text.append(relation.same, separator: ", ")
      }
      text += " within "
      text += within
      text += relation.kind.looksForward ? " after" : " before"
      return
    }
    let other = run.events[Int(match)]
    text += other.type
    text += " '"
    text += other.id
    text += relation.kind.looksForward ? "' followed within " : "' preceded within "
    text += within
    text += " (at "
    text += other.timeText
    text += ")"
  }

  /// ` (break_minutes = 65, reason = 'medical')` for the fields a condition reads.
  private func fields(_ predicate: Predicate, event: Int, into text: inout TextBuffer) {
    guard !predicate.fields.isEmpty else { return }
    let record = run.events[event].record
    text += " ("
    for (i, field) in predicate.fields.enumerated() {
      if i > 0 { text += ", " }
      text += field.name
      text += " = "
      ValueText.write(field.read(record), into: &text)
    }
    text += ")"
  }

  // MARK: - Signals and patterns

  private func signalBecause(_ plan: SignalPlan, verdict: Verdict, event: Int) -> String {
    let signal = plan.signal
    let decision = run.decide(plan, event: event)
    if verdict == .answered, let response = decision.related {
      let o = run.events[Int(response)]
      return "answered by \(o.type) '\(o.id)' (\(o.employee)) at \(o.timeText)"
    }
    var text = "no " + signal.responseOn.joined(separator: " or ")
    if !signal.responseSame.isEmpty { text += " with the same " + signal.responseSame.joined(separator: ", ") }
    if signal.responseBy == .sameEmployee { text += " by " + run.events[event].employee }
    text += " within " + ValueText.durationText(nanos: signal.responseWithinNanos)
    if let work = decision.related {
      let o = run.events[Int(work)]
      text += ", while \(o.employee) logged \(o.type) '\(o.id)' at \(o.timeText)"
    }
    return text
  }

  private func patternBecause(_ plan: PatternPlan, raise: PatternRaise) -> String {
    let pattern = plan.pattern
    let record = run.events[Int(raise.event)].record
    let group = plan.per.map { "\($0.name) = \(ValueText.describe($0.read(record)))" }.joined(separator: ", ")
    let ids = raise.counted.map { "'\(run.events[Int($0)].id)'" }.joined(separator: ", ")
    var text =
      "\(raise.counted.count) matching \(pattern.on.joined(separator: " or ")) within "
      + "\(ValueText.durationText(nanos: pattern.withinNanos)) for \(group): \(ids)"
    if !raise.joined.isEmpty {
      text += "; then joined by " + raise.joined.map { "'\(run.events[Int($0)].id)'" }.joined(separator: ", ")
    }
    return text
  }
}
