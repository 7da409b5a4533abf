import CEL

/// Builds a ``Finding`` from a compact record by looking at its event again: the `because`
/// sentence always, the ``Explanation`` only when asked (reports that print a sentence per
/// finding skip its cost).
struct FindingDescriber: FindingDescribing {
  let run: EngineRun
  let raises: [PatternRaise]
  /// Record every sub-expression's value in the outcomes (for `explain`; costs a second
  /// compilation of each condition).
  var traced = false

  func finding(for record: FindingRecord, explained: Bool) -> Finding {
    let event = Int(record.event)
    let rule = run.book.rules[Int(record.rule)]
    var deviation: String?
    if case .standard(let plan) = rule.body, record.deviation >= 0 {
      deviation = plan.standard.deviations[Int(record.deviation)].id
    }
    let e = run.events[event]
    let info = run.book.infos[Int(record.rule)]
    var note: String?
    if case .string(let text)? = e.record.field("note") { note = text }
    return Finding(
      event: e.id, employee: e.employee, time: e.timeText, rule: info.id, kind: info.kind, verdict: record.verdict,
      severity: info.severity, deviation: deviation, because: because(record),
      source: info.source, explanation: explained ? explanation(record) : Explanation(), note: note,
      eventIndex: event)
  }

  /// Another event a decision looked at, as findings name it.
  func related(_ role: RelatedEvent.Role, _ event: Int32) -> RelatedEvent {
    let e = run.events[Int(event)]
    return RelatedEvent(role: role, id: e.id, type: e.type, employee: e.employee, time: e.timeText)
  }

  /// The latest approval of the event, as the deviation's outcome sees it.
  func approvalOutcome(for event: Int) -> ApprovalOutcome {
    guard let entry = run.approvals[run.events[event].id] else { return ApprovalOutcome(decision: .awaiting) }
    let approval = run.events[Int(entry.event)]
    var note: String?
    if case .string(let text)? = approval.record.field("note") { note = text }
    return ApprovalOutcome(
      decision: entry.approved ? .approved : .declined, event: approval.id, approver: approval.employee, note: note,
      time: approval.timeText)
  }
}
