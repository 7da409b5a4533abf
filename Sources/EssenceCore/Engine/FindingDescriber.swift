import CEL

/// Builds a ``Finding`` from a compact record: re-runs the rule on its event, this time
/// keeping every outcome, and writes the `because` sentence.
struct FindingDescriber: FindingDescribing {
  let run: EngineRun
  let raises: [PatternRaise]
  /// Record every sub-expression's value in the outcomes (for `explain`; costs a second
  /// compilation of each condition).
  var traced = false

  func finding(for record: FindingRecord) -> Finding {
    let event = Int(record.event)
    let rule = run.book.rules[Int(record.rule)]
    let explained: (Explanation, String)
    var deviation: String?
    switch rule.body {
    case .standard(let plan):
      explained = explain(plan, event: event)
      if record.deviation >= 0 { deviation = plan.standard.deviations[Int(record.deviation)].id }
    case .signal(let plan):
      explained = explain(plan, event: event)
    case .pattern(let plan):
      explained = explain(plan.pattern, raise: raises[Int(record.raise)])
    }
    let e = run.events[event]
    let info = run.book.infos[Int(record.rule)]
    var note: String?
    if case .string(let text)? = e.record.field("note") { note = text }
    return Finding(
      event: e.id, employee: e.employee, time: e.timeText, rule: info.id, kind: info.kind, verdict: record.verdict,
      severity: info.severity, deviation: deviation, because: explained.1, source: info.source,
      explanation: explained.0, note: note, eventIndex: event)
  }

  // MARK: - Standards

  private func explain(_ plan: StandardPlan, event: Int) -> (Explanation, String) {
    let standard = plan.standard
    let activation = run.activation(event)
    let decision = run.decide(plan, event: event, activation)
    let letter = outcome(plan.expect, event: event, activation)
    var explanation = Explanation(letter: letter.outcome, related: letter.related)
    var because = letter.phrase
    switch letter.outcome.result {
    case .error(let message):
      because += " could not be evaluated: \(message)"
    case .held:
      for (check, written) in zip(plan.checks, standard.purposeChecks) {
        let c = outcome(check, event: event, activation, id: written.id, says: written.says)
        explanation.purposeChecks.append(c.outcome)
        explanation.related += c.related
      }
      let failing = explanation.purposeChecks.filter { $0.result == .failed }
      if !failing.isEmpty {
        because += ", but: " + failing.compactMap(\.says).joined(separator: " ")
      } else if let erring = explanation.purposeChecks.first(where: { $0.result != .held }),
        case .error(let message) = erring.result
      {
        because += ", but purpose check '\(erring.id ?? "")' could not be evaluated: \(message)"
      } else if !plan.checks.isEmpty {
        because += "; every purpose check held"
      }
    case .failed:
      let tried = decision.deviation >= 0 ? decision.deviation : standard.deviations.count
      explanation.deviationsNotApplying = standard.deviations[..<tried].map {
        DeviationAttempt(id: $0.id, when: $0.when.source, result: $0.when.result(activation))
      }
      guard decision.deviation >= 0 else {
        return (explanation, because + (standard.deviations.isEmpty ? "" : " and no deviation applies"))
      }
      let (outcome, phrase) = explain(plan.deviations[decision.deviation], event: event, activation)
      explanation.deviation = outcome
      because += "; " + phrase
    }
    return (explanation, because)
  }

  private func explain(_ plan: DeviationPlan, event: Int, _ activation: Activation) -> (DeviationOutcome, String) {
    let deviation = plan.deviation
    let record = run.events[event].record
    let evidence = deviation.evidence.map { FieldValue(name: $0, value: record.field($0)) }
    let missing = evidence.filter { EngineRun.isMissing($0.value) }.map(\.name)
    var outcome = DeviationOutcome(
      id: deviation.id, when: deviation.when.source, serves: deviation.serves, evidence: evidence,
      missingEvidence: missing, limit: nil, approval: nil, location: deviation.location)
    var parts = ["deviation '\(deviation.id)' applies" + fieldsText(plan.when, record)]
    if !missing.isEmpty {
      parts.append("evidence \(missing.joined(separator: ", ")) missing")
      return (outcome, parts.joined(separator: "; "))
    }
    if !evidence.isEmpty { parts.append("evidence \(deviation.evidence.joined(separator: ", ")) present") }
    if let limit = plan.limit {
      let c = conditionOutcome(limit, activation, record: record)
      outcome.limit = c.outcome
      parts.append("limit " + c.phrase)
      if c.outcome.result != .held { return (outcome, parts.joined(separator: "; ")) }
    }
    if deviation.approval == .supervisor {
      let approval = approvalOutcome(for: event)
      outcome.approval = approval
      switch approval.decision {
      case .awaiting: parts.append("awaiting supervisor approval")
      case .approved: parts.append("approved by \(approval.approver ?? "a supervisor")")
      case .declined: parts.append("declined by \(approval.approver ?? "a supervisor")")
      }
    }
    return (outcome, parts.joined(separator: "; "))
  }

  private func approvalOutcome(for event: Int) -> ApprovalOutcome {
    guard let entry = run.approvals[run.events[event].id] else { return ApprovalOutcome(decision: .awaiting) }
    let approval = run.events[Int(entry.event)]
    var note: String?
    if case .string(let text)? = approval.record.field("note") { note = text }
    return ApprovalOutcome(
      decision: entry.approved ? .approved : .declined, event: approval.id, approver: approval.employee, note: note,
      time: approval.timeText)
  }

  // MARK: - Conditions and relations

  private struct Described {
    var outcome: CheckOutcome
    var phrase: String
    var related: [RelatedEvent] = []
  }

  private func outcome(
    _ check: CheckPlan, event: Int, _ activation: Activation, id: String? = nil, says: String? = nil
  ) -> Described {
    switch check {
    case .condition(let predicate):
      var c = conditionOutcome(predicate, activation, record: run.events[event].record)
      c.outcome.id = id
      c.outcome.says = says
      return c
    case .relation(let plan):
      let relation = plan.relation
      let match = run.match(plan, event: event)
      let held = (match != nil) != relation.kind.isNegated
      let record = run.events[event].record
      let outcome = CheckOutcome(
        id: id, expression: relationText(relation), says: says, result: held ? .held : .failed,
        fields: relation.same.map { FieldValue(name: $0, value: record.field($0)) }, location: relation.location)
      let types = relation.on.joined(separator: " or ")
      let within = ValueText.durationText(nanos: relation.withinNanos)
      let way = relation.kind.looksForward ? "after" : "before"
      guard let match else {
        let same = relation.same.isEmpty ? "" : " with the same \(relation.same.joined(separator: ", "))"
        return Described(outcome: outcome, phrase: "no \(types)\(same) within \(within) \(way)")
      }
      let other = run.events[Int(match)]
      let phrase =
        "\(other.type) '\(other.id)' \(relation.kind.looksForward ? "followed" : "preceded") within \(within) "
        + "(at \(other.timeText))"
      return Described(outcome: outcome, phrase: phrase, related: [related(.relation, match)])
    }
  }

  private func conditionOutcome(_ predicate: Predicate, _ activation: Activation, record: Record) -> Described {
    let condition = predicate.condition
    let result = condition.result(activation)
    let fields = predicate.fields.map { FieldValue(name: $0, value: record.field($0)) }
    let outcome = CheckOutcome(
      expression: condition.source, result: result, fields: fields,
      trace: traced ? condition.trace(activation) : [], location: condition.location)
    let verb: String
    switch result {
    case .held: verb = " held"
    case .failed: verb = " failed"
    case .error: verb = ""
    }
    return Described(outcome: outcome, phrase: condition.source + verb + fieldsText(predicate, record))
  }

  /// ` (break_minutes = 65, reason = 'medical')` for the fields a condition reads.
  private func fieldsText(_ predicate: Predicate, _ record: Record) -> String {
    let fields = predicate.fields
    if fields.isEmpty { return "" }
    return " (" + fields.map { "\($0) = \(ValueText.describe(record.field($0)))" }.joined(separator: ", ") + ")"
  }

  private func relationText(_ relation: Relation) -> String {
    var text = "\(relation.kind.rawValue) \(relation.on.joined(separator: " or "))"
    if !relation.same.isEmpty { text += " same \(relation.same.joined(separator: ", "))" }
    text += " within \(ValueText.durationText(nanos: relation.withinNanos))"
    if let condition = relation.where { text += " where \(condition.source)" }
    return text
  }

  private func related(_ role: RelatedEvent.Role, _ event: Int32) -> RelatedEvent {
    let e = run.events[Int(event)]
    return RelatedEvent(role: role, id: e.id, type: e.type, employee: e.employee, time: e.timeText)
  }

  // MARK: - Signals and patterns

  private func explain(_ plan: SignalPlan, event: Int) -> (Explanation, String) {
    let signal = plan.signal
    let decision = run.decide(plan, event: event)
    let within = ValueText.durationText(nanos: signal.responseWithinNanos)
    var wanted = signal.responseOn.joined(separator: " or ")
    if !signal.responseSame.isEmpty { wanted += " with the same \(signal.responseSame.joined(separator: ", "))" }
    if signal.responseBy == .sameEmployee { wanted += " by \(run.events[event].employee)" }
    guard let other = decision.related else {
      return (Explanation(), "no \(wanted) within \(within)")
    }
    let o = run.events[Int(other)]
    if decision.verdict == .answered {
      return (
        Explanation(related: [related(.response, other)]),
        "answered by \(o.type) '\(o.id)' (\(o.employee)) at \(o.timeText)"
      )
    }
    return (
      Explanation(related: [related(.busy, other)]),
      "no \(wanted) within \(within), while \(o.employee) logged \(o.type) '\(o.id)' at \(o.timeText)"
    )
  }

  private func explain(_ pattern: Pattern, raise: PatternRaise) -> (Explanation, String) {
    let record = run.events[Int(raise.event)].record
    let group = pattern.per.map { "\($0) = \(ValueText.describe(record.field($0)))" }.joined(separator: ", ")
    let ids = raise.counted.map { "'\(run.events[Int($0)].id)'" }.joined(separator: ", ")
    var because =
      "\(raise.counted.count) matching \(pattern.on.joined(separator: " or ")) within "
      + "\(ValueText.durationText(nanos: pattern.withinNanos)) for \(group): \(ids)"
    if !raise.joined.isEmpty {
      because += "; then joined by " + raise.joined.map { "'\(run.events[Int($0)].id)'" }.joined(separator: ", ")
    }
    let explanation = Explanation(
      related: raise.counted.map { related(.counted, $0) } + raise.joined.map { related(.joined, $0) })
    return (explanation, because)
  }
}
