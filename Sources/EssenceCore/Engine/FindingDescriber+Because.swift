import CEL

/// The `because` sentence of a finding: what decided the verdict, with the values that
/// decided it. Only the conditions the sentence names are evaluated again, since a report of a
/// million-event log writes hundreds of thousands of these.
extension FindingDescriber {
  func because(_ record: FindingRecord) -> String {
    var text = TextBuffer(capacity: 256)
    writeBecause(record, into: &text)
    return text.text
  }

  /// Appends the `because` sentence to `text`.
  func writeBecause(_ record: FindingRecord, into text: inout TextBuffer) {
    let event = Int(record.event)
    switch run.book.rules[Int(record.rule)].body {
    case .standard(let plan):
      standardBecause(plan, record, event: event, into: &text)
    case .signal(let plan):
      signalBecause(plan, record, event: event, into: &text)
    case .pattern(let plan):
      patternBecause(plan, raise: raises[Int(record.related)], into: &text)
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
      // By position: iterating the written checks would copy each (a dozen references).
      for (k, check) in plan.checks.enumerated() where run.outcome(check, event: event, activation) == .failed {
        text += " "
        text.append(plan.standard.purposeChecks[k].says)
      }
    case .error:
      if case .condition(let predicate) = plan.expect, case .error(let message) = predicate.condition.result(activation)
      {
        text.append(predicate.condition.source)
        fields(predicate, event: event, into: &text)
        text += " could not be evaluated: "
        text.append(message)
        return
      }
      letter(plan.expect, held: true, event: event, into: &text)
      for (check, written) in zip(plan.checks, plan.standard.purposeChecks) {
        guard case .condition(let predicate) = check, case .error(let message) = predicate.condition.result(activation)
        else { continue }
        text += ", but purpose check '"
        text.append(written.id)
        text += "' could not be evaluated: "
        text.append(message)
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
    text.append(deviation.id)
    text += "' applies"
    fields(plan.when, event: event, into: &text)
    if plan.evidence.contains(where: { EngineRun.isMissing($0.read(record)) }) {
      text += "; evidence "
      var first = true
      for field in plan.evidence where EngineRun.isMissing(field.read(record)) {
        if !first { text += ", " }
        text.append(field.name)
        first = false
      }
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
      text.append(limit.condition.source)
      if result == .held { text += " held" } else if result == .failed { text += " failed" }
      fields(limit, event: event, into: &text)
      if case .error(let message) = result {
        text += " could not be evaluated: "
        text.append(message)
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
      text.append(approval.approver ?? "a supervisor")
    case .declined:
      text += "; declined by "
      text.append(approval.approver ?? "a supervisor")
    }
  }

  /// The letter (or a relation) with how it came out: `event.rings <= 3 failed (rings = 5)`,
  /// `no first_response with the same ticket_id within 1h after`.
  private func letter(_ check: CheckPlan, held: Bool, event: Int, into text: inout TextBuffer) {
    switch check {
    case .condition(let predicate):
      text.append(predicate.condition.source)
      text += held ? " held" : " failed"
      fields(predicate, event: event, into: &text)
    case .relation(let plan):
      // A relation holds when it finds an event, or when a negated one finds none: only when
      // it found one is there an event to look up again and name.
      let found = held != plan.negated
      relationPhrase(plan, match: found ? run.match(plan, event: event) : nil, into: &text)
    }
  }

  /// A relation in words, from the event it found (or did not).
  private func relationPhrase(_ plan: RelationPlan, match: Int32?, into text: inout TextBuffer) {
    let relation = plan.relation
    guard let match else {
      noEvent(of: relation.on, same: relation.same, into: &text)
      text += " within "
      ValueText.writeDuration(nanos: relation.withinNanos, into: &text)
      text += relation.kind.looksForward ? " after" : " before"
      return
    }
    let other = Int(match)
    typeAndID(other, into: &text)
    text += relation.kind.looksForward ? "' followed within " : "' preceded within "
    ValueText.writeDuration(nanos: relation.withinNanos, into: &text)
    text += " (at "
    text.append(run.events[other].timeText)
    text += ")"
  }

  /// ` (break_minutes = 65, reason = 'medical')` for the fields a condition reads.
  private func fields(_ predicate: Predicate, event: Int, into text: inout TextBuffer) {
    guard !predicate.fields.isEmpty else { return }
    text += " ("
    values(predicate.fields, of: run.events[event].record, into: &text)
    text += ")"
  }

  /// `break_minutes = 65, reason = 'medical'`.
  private func values(_ fields: [FieldRef], of record: Record, into text: inout TextBuffer) {
    for (i, field) in fields.enumerated() {
      if i > 0 { text += ", " }
      text.append(field.name)
      text += " = "
      ValueText.write(field.read(record), into: &text)
    }
  }

  // MARK: - Signals and patterns

  private func signalBecause(_ plan: SignalPlan, _ record: FindingRecord, event: Int, into text: inout TextBuffer) {
    let signal = plan.signal
    if record.verdict == .answered, record.related >= 0 {
      text += "answered by "
      otherEvent(Int(record.related), into: &text)
      return
    }
    noEvent(of: signal.responseOn, same: signal.responseSame, into: &text)
    if signal.responseBy == .sameEmployee {
      text += " by "
      text.append(run.events[event].employee)
    }
    text += " within "
    ValueText.writeDuration(nanos: signal.responseWithinNanos, into: &text)
    if record.related >= 0 {
      let o = Int(record.related)
      text += ", while "
      text.append(run.events[o].employee)
      text += " logged "
      typeAndID(o, into: &text)
      text += "' at "
      text.append(run.events[o].timeText)
    }
  }

  /// `assist 'e-2' (ana) at 2026-11-21T13:05:00Z`.
  private func otherEvent(_ o: Int, into text: inout TextBuffer) {
    typeAndID(o, into: &text)
    text += "' ("
    text.append(run.events[o].employee)
    text += ") at "
    text.append(run.events[o].timeText)
  }

  /// `assist 'e-2` (the closing quote is the caller's, with what follows it).
  private func typeAndID(_ o: Int, into text: inout TextBuffer) {
    text.append(run.events[o].type)
    text += " '"
    text.append(run.events[o].id)
  }

  /// `no assist or acknowledge with the same customer_ref`.
  private func noEvent(of types: [String], same: [String], into text: inout TextBuffer) {
    text += "no "
    text.append(types, separator: " or ")
    guard !same.isEmpty else { return }
    text += " with the same "
    text.append(same, separator: ", ")
  }

  private func patternBecause(_ plan: PatternPlan, raise: PatternRaise, into text: inout TextBuffer) {
    let pattern = plan.pattern
    text.append(raise.counted.count)
    text += " matching "
    text.append(pattern.on, separator: " or ")
    text += " within "
    ValueText.writeDuration(nanos: pattern.withinNanos, into: &text)
    text += " for "
    values(plan.per, of: run.events[Int(raise.event)].record, into: &text)
    text += ": "
    ids(raise.counted, into: &text)
    if !raise.joined.isEmpty {
      text += "; then joined by "
      ids(raise.joined, into: &text)
    }
  }

  /// `'e-1', 'e-2'`.
  private func ids(_ events: [Int32], into text: inout TextBuffer) {
    for (i, event) in events.enumerated() {
      text += i > 0 ? ", '" : "'"
      text.append(run.events[Int(event)].id)
      text += "'"
    }
  }
}
