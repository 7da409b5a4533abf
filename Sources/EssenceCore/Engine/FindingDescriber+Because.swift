import CEL

/// The `because` sentence of a finding: what decided the verdict, with the values that
/// decided it. Only the conditions the sentence names are evaluated again, since a report of a
/// million-event log writes hundreds of thousands of these.
extension FindingDescriber {
  func because(_ record: FindingRecord, of event: Event) -> String {
    var text = TextBuffer(capacity: 256)
    writeBecause(record, of: JudgedEvent(event), into: &text)
    return text.text
  }

  /// Appends the `because` sentence to `text`; `event` is the judged event, read once by the
  /// caller (its block may have to be read back, ``EventStore``).
  func writeBecause(_ record: FindingRecord, of event: JudgedEvent, into text: inout TextBuffer) {
    switch run.book.rules[Int(record.rule)].plan {
    case .standard(let plan):
      plan._withUnsafeGuaranteedRef { standardBecause($0, record, event: event, into: &text) }
    case .signal(let plan):
      plan._withUnsafeGuaranteedRef { signalBecause($0, record, event: event, into: &text) }
    case .pattern(let plan):
      plan._withUnsafeGuaranteedRef { patternBecause($0, raise: Int(record.related), into: &text) }
    }
  }

  // MARK: - Standards

  private func standardBecause(
    _ plan: StandardPlan, _ record: FindingRecord, event: JudgedEvent, into text: inout TextBuffer
  ) {
    // Most listed findings (missed, met) need no condition evaluated again.
    lazy var activation = event.activation
    switch record.verdict {
    case .met:
      letter(plan.unretainedExpect, held: true, event: event, into: &text)
      if !plan.checks.isEmpty { text += "; every purpose check held" }
    case .robotic:
      letter(plan.unretainedExpect, held: true, event: event, into: &text)
      text += ", but:"
      // By position: iterating the written checks would copy each (a dozen references).
      for k in plan.unretainedChecks.indices where run.outcome(plan.unretainedChecks[k], event: event, activation) == .failed {
        text += " "
        text.append(plan.standard.purposeChecks[k].says)
      }
    case .error:
      if case .condition(let predicate) = plan.expect,
        case .error(let message) = predicate.program.evaluate(activation).checkResult
      {
        text.append(predicate.condition.source)
        fields(predicate, event: event, into: &text)
        text += " could not be evaluated: "
        text.append(message)
        return
      }
      letter(plan.unretainedExpect, held: true, event: event, into: &text)
      for k in plan.checks.indices {
        guard case .condition(let predicate) = plan.checks[k],
          case .error(let message) = predicate.program.evaluate(activation).checkResult
        else { continue }
        text += ", but purpose check '"
        text.append(plan.standard.purposeChecks[k].id)
        text += "' could not be evaluated: "
        text.append(message)
        return
      }
    case .missed:
      letter(plan.unretainedExpect, held: false, event: event, into: &text)
      if !plan.deviations.isEmpty { text += " and no deviation applies" }
    default:
      letter(plan.unretainedExpect, held: false, event: event, into: &text)
      guard record.deviation >= 0 else { return }
      text += "; "
      plan.unretainedDeviations[Int(record.deviation)]._withUnsafeGuaranteedRef {
        deviationBecause($0, event: event, into: &text)
      }
    }
  }

  /// `deviation 'x' applies (reason = 'y'); evidence a, b present; limit ... held; approved by sam`,
  /// stopping at the first part that failed.
  ///
  /// The deviation's fields are read where the plan keeps them: copying its `Deviation` (two
  /// conditions, a dozen references) would count each of them twice.
  private func deviationBecause(_ plan: DeviationPlan, event: JudgedEvent, into text: inout TextBuffer) {
    let record = event.record
    text += "deviation '"
    text.append(plan.deviation.id)
    text += "' applies"
    fields(plan.when, event: event, into: &text)
    if plan.evidence.contains(where: { EngineRun.isMissing($0.read(record)) }) {
      text += "; evidence "
      var first = true
      for i in plan.evidence.indices where EngineRun.isMissing(plan.evidence[i].read(record)) {
        if !first { text += ", " }
        text.append(plan.evidence[i].name)
        first = false
      }
      text += " missing"
      return
    }
    if !plan.deviation.evidence.isEmpty {
      text += "; evidence "
      text.append(plan.deviation.evidence, separator: ", ")
      text += " present"
    }
    if let limit = plan.limit {
      // Only a limit is evaluated again; the activation is made for it alone.
      let result = limit.program.evaluate(event.activation).checkResult
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
    guard plan.deviation.approval == .supervisor else { return }
    // The approval's employee is all the sentence names: the whole `ApprovalOutcome` (its
    // note, time and id as Strings) is for explanations.
    guard let entry = run.approvals[event.id] else {
      text += "; awaiting supervisor approval"
      return
    }
    text += entry.approved ? "; approved by " : "; declined by "
    employee(of: Int(entry.event), into: &text)
  }

  /// The letter (or a relation) with how it came out: `event.rings <= 3 failed (rings = 5)`,
  /// `no first_response with the same ticket_id within 1h after`.
  private func letter(_ check: CheckPlan.Unretained, held: Bool, event: JudgedEvent, into text: inout TextBuffer) {
    switch check {
    case .condition(let predicate):
      predicate._withUnsafeGuaranteedRef { predicate in
        text.append(predicate.condition.source)
        text += held ? " held" : " failed"
        fields(predicate, event: event, into: &text)
      }
    case .relation(let plan):
      // A relation holds when it finds an event, or when a negated one finds none: only when
      // it found one is there an event to look up again and name.
      plan._withUnsafeGuaranteedRef { plan in
        let found = held != plan.negated
        relationPhrase(plan, match: found ? run.match(plan, event: event) : nil, into: &text)
      }
    }
  }

  /// A relation in words, from the event it found (or did not).
  private func relationPhrase(_ plan: RelationPlan, match: Int32?, into text: inout TextBuffer) {
    // The plan's copies of the window and direction: copying its `Relation` (with its `where`
    // condition) would count a dozen references.
    guard let match else {
      noEvent(of: plan.relation.on, same: plan.relation.same, into: &text)
      text += " within "
      ValueText.writeDuration(nanos: plan.withinNanos, into: &text)
      text += plan.forward ? " after" : " before"
      return
    }
    let other = Int(match)
    typeAndID(other, into: &text)
    text += plan.forward ? "' followed within " : "' preceded within "
    ValueText.writeDuration(nanos: plan.withinNanos, into: &text)
    text += " (at "
    time(of: other, into: &text)
    text += ")"
  }

  /// ` (break_minutes = 65, reason = 'medical')` for the fields a condition reads.
  private func fields(_ predicate: Predicate, event: JudgedEvent, into text: inout TextBuffer) {
    guard !predicate.fields.isEmpty else { return }
    text += " ("
    values(predicate.fields, of: event, into: &text)
    text += ")"
  }

  /// `break_minutes = 65, reason = 'medical'`, read from the event's row with its storage
  /// unretained (the caller holds the event): a `Record` would retain the storage, and a
  /// string value made a `Value` would be retained too.
  private func values(_ fields: [FieldRef], of event: JudgedEvent, into text: inout TextBuffer) {
    event.withRow { storage, row in
      for (i, field) in fields.enumerated() {
        if i > 0 { text += ", " }
        text.append(field.name)
        text += " = "
        ValueText.write(field, of: storage, row: row, into: &text)
      }
    }
  }

  // MARK: - Signals and patterns

  /// The signal's fields are read where the plan keeps them: copying its `Signal` would
  /// count a dozen references.
  private func signalBecause(_ plan: SignalPlan, _ record: FindingRecord, event: JudgedEvent, into text: inout TextBuffer) {
    if record.verdict == .answered, record.related >= 0 {
      text += "answered by "
      otherEvent(Int(record.related), into: &text)
      return
    }
    noEvent(of: plan.signal.responseOn, same: plan.signal.responseSame, into: &text)
    if plan.signal.responseBy == .sameEmployee {
      text += " by "
      employee(of: event.index, into: &text)
    }
    text += " within "
    ValueText.writeDuration(nanos: plan.signal.responseWithinNanos, into: &text)
    if record.related >= 0 {
      let o = Int(record.related)
      text += ", while "
      employee(of: o, into: &text)
      text += " logged "
      typeAndID(o, into: &text)
      text += "' at "
      time(of: o, into: &text)
    }
  }

  /// `assist 'e-2' (ana) at 2026-11-21T13:05:00Z`.
  private func otherEvent(_ o: Int, into text: inout TextBuffer) {
    typeAndID(o, into: &text)
    text += "' ("
    employee(of: o, into: &text)
    text += ") at "
    time(of: o, into: &text)
  }

  /// `assist 'e-2` (the closing quote is the caller's, with what follows it). Both are
  /// copied as bytes from the event's storage, making no String.
  private func typeAndID(_ o: Int, into text: inout TextBuffer) {
    let other = run.events[o]
    withExtendedLifetime(other) {
      other.texts.withType { text.append($0) }
      text += " '"
      other.texts.withID { text.append($0) }
    }
  }

  /// An event's `time` as written, copied as bytes from its storage.
  private func time(of o: Int, into text: inout TextBuffer) {
    let other = run.events[o]
    withExtendedLifetime(other) { other.texts.withTime { text.append($0) } }
  }

  /// The employee who logged an event, copied as bytes from the run's names.
  private func employee(of event: Int, into text: inout TextBuffer) {
    names.withUTF8(run.employeeOf[event]) { text.append($0) }
  }

  /// `no assist or acknowledge with the same customer_ref`.
  private func noEvent(of types: [String], same: [String], into text: inout TextBuffer) {
    text += "no "
    text.append(types, separator: " or ")
    guard !same.isEmpty else { return }
    text += " with the same "
    text.append(same, separator: ", ")
  }

  /// The raise (by position) and the pattern are read where the run keeps them, not copied.
  private func patternBecause(_ plan: PatternPlan, raise r: Int, into text: inout TextBuffer) {
    text.append(raises[r].counted.count)
    text += " matching "
    text.append(plan.pattern.on, separator: " or ")
    text += " within "
    ValueText.writeDuration(nanos: plan.pattern.withinNanos, into: &text)
    text += " for "
    let raising = run.events[Int(raises[r].event)]
    values(plan.per, of: JudgedEvent(raising), into: &text)
    text += ": "
    ids(raises[r].counted, into: &text)
    if !raises[r].joined.isEmpty {
      text += "; then joined by "
      ids(raises[r].joined, into: &text)
    }
  }

  /// `'e-1', 'e-2'`.
  private func ids(_ events: [Int32], into text: inout TextBuffer) {
    for i in events.indices {
      text += i > 0 ? ", '" : "'"
      text.append(matchIDs[events[i]] ?? run.events[Int(events[i])].id)
      text += "'"
    }
  }
}
