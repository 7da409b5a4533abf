import CEL

/// Builds a ``Finding`` from a compact record by looking at its event again: the `because`
/// sentence always, the ``Explanation`` only when asked (reports that print a sentence per
/// finding skip its cost).
struct FindingDescriber: FindingDescribing {
  let run: EngineRun
  let raises: [PatternRaise]
  /// The run's employees as bytes, numbered as `run.employeeOf` numbers them.
  let names: NameBytes
  /// The ids of the events patterns matched, kept when they were judged: every event a
  /// pattern finding lists.
  let matchIDs: [Int32: String]
  /// Record every sub-expression's value in the outcomes (for `explain`; costs a second
  /// compilation of each condition).
  var traced = false

  init(run: EngineRun, raises: [PatternRaise], matchIDs: [Int32: String]) {
    self.run = run
    self.raises = raises
    names = NameBytes(run.employees)
    self.matchIDs = matchIDs
  }

  func finding(for record: FindingRecord, explained: Bool) -> Finding {
    let event = Int(record.event)
    let r = Int(record.rule)
    // The event is read once (its block may have to be read back, `EventStore`); the rule's
    // fields one by one: copying a whole `RuleInfo` costs a dozen retains.
    let e = run.events[event]
    return Finding(
      event: e.id, employee: e.employee, time: e.timeText,
      rule: run.book.infos[r].id, kind: run.book.infos[r].kind, verdict: record.verdict,
      severity: run.book.infos[r].severity,
      deviation: deviation(of: record)?._withUnsafeGuaranteedRef { $0.deviation.id }, because: because(record, of: e),
      source: run.book.infos[r].source, explanation: explained ? explanation(record, of: e) : Explanation(),
      note: note(of: e),
      eventIndex: event)
  }

  /// Lines for findings in report order, their events read a block at a time: findings in
  /// (time, input order) come from few blocks, and asking the log for each event on its own
  /// would take its lock as often, on every core at once.
  func forEachLine(for records: [FindingRecord], _ body: (FindingLine) -> Void) {
    var block: HeldBlock?
    for record in records {
      let event = Int(record.event)
      run.events.hold(&block, containing: event)
      body(
        FindingLine(
          record: record, judged: JudgedEvent(block: block.unsafelyUnwrapped, position: event, time: run.times[event]), employee: run.employeeOf[event],
          names: names, deviation: deviation(of: record)))
    }
  }

  /// The positions of the events of the log block holding `event`.
  func blockPositions(containing event: Int32) -> Range<Int> { run.events.blockPositions(containing: Int(event)) }

  /// The deviation that applied, if any, unretained (the rule book keeps it): taken out of the
  /// rule's enum and the plan's array, it would be retained and released for each line.
  private func deviation(of record: FindingRecord) -> Unmanaged<DeviationPlan>? {
    guard record.deviation >= 0, case .standard(let plan) = run.book.rules[Int(record.rule)].plan else {
      return nil
    }
    return plan._withUnsafeGuaranteedRef { $0.unretainedDeviations[Int(record.deviation)] }
  }

  /// Another event a decision looked at, as findings name it.
  func related(_ role: RelatedEvent.Role, _ event: Int32) -> RelatedEvent {
    let e = run.events[Int(event)]
    return RelatedEvent(role: role, id: e.id, type: e.type, employee: e.employee, time: e.timeText, note: note(of: e))
  }

  /// The latest approval of the event, as the deviation's outcome sees it.
  func approvalOutcome(for event: Event) -> ApprovalOutcome {
    guard let entry = run.approvals[event.id] else { return ApprovalOutcome(decision: .awaiting) }
    let approval = run.events[Int(entry.event)]
    return ApprovalOutcome(
      decision: entry.approved ? .approved : .declined, event: approval.id, approver: approval.employee,
      note: note(of: approval), time: approval.timeText)
  }

  /// The event's `note` field when it is a string.
  func note(of event: Event) -> String? { note(of: JudgedEvent(event)) }

  func note(of event: JudgedEvent) -> String? {
    if case .string(let text)? = run.book.note.read(event.record) { return text }
    return nil
  }
}
