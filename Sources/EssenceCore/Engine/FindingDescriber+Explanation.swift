import CEL

/// The ``Explanation`` of a finding: every outcome the decision went through, as data.
extension FindingDescriber {
  /// The explanation of a finding on `event`, the judged event, read once by the caller (its
  /// block may have to be read back, ``EventStore``).
  func explanation(_ record: FindingRecord, of event: Event) -> Explanation {
    switch run.book.rules[Int(record.rule)].body {
    case .standard(let plan):
      return explanation(plan, deviation: Int(record.deviation), event: event)
    case .signal:
      guard record.related >= 0 else { return Explanation() }
      return Explanation(related: [related(record.verdict == .answered ? .response : .busy, record.related)])
    case .pattern:
      let raise = raises[Int(record.related)]
      return Explanation(
        related: raise.counted.map { related(.counted, $0) } + raise.joined.map { related(.joined, $0) })
    }
  }

  private func explanation(_ plan: StandardPlan, deviation: Int, event: Event) -> Explanation {
    let standard = plan.standard
    let activation = event.activation
    let letter = outcome(plan.expect, event: event, activation)
    var explanation = Explanation(letter: letter.outcome, related: letter.related)
    switch letter.outcome.result {
    case .error:
      break
    case .held:
      for (check, written) in zip(plan.checks, standard.purposeChecks) {
        let c = outcome(check, event: event, activation, id: written.id, says: written.says)
        explanation.purposeChecks.append(c.outcome)
        explanation.related += c.related
      }
    case .failed:
      let tried = deviation >= 0 ? deviation : plan.deviations.count
      explanation.deviationsNotApplying = plan.deviations[..<tried].map {
        DeviationAttempt(
          id: $0.deviation.id, when: $0.when.condition.source, result: $0.when.condition.result(activation))
      }
      if deviation >= 0 { explanation.deviation = outcome(plan.deviations[deviation], event: event, activation) }
    }
    return explanation
  }

  /// Evidence, then limit, then approval, each recorded until one fails.
  private func outcome(_ plan: DeviationPlan, event: Event, _ activation: Activation) -> DeviationOutcome {
    let deviation = plan.deviation
    let record = event.record
    let evidence = plan.evidence.map { FieldValue(name: $0.name, value: $0.read(record)) }
    let missing = evidence.filter { EngineRun.isMissing($0.value) }.map(\.name)
    var outcome = DeviationOutcome(
      id: deviation.id, when: deviation.when.source, serves: deviation.serves, evidence: evidence,
      missingEvidence: missing, limit: nil, approval: nil, location: deviation.location)
    guard missing.isEmpty else { return outcome }
    if let limit = plan.limit {
      outcome.limit = conditionOutcome(limit, activation, record: record)
      if outcome.limit?.result != .held { return outcome }
    }
    if deviation.approval == .supervisor { outcome.approval = approvalOutcome(for: event) }
    return outcome
  }

  private func outcome(
    _ check: CheckPlan, event: Event, _ activation: Activation, id: String? = nil, says: String? = nil
  ) -> (outcome: CheckOutcome, related: [RelatedEvent]) {
    switch check {
    case .condition(let predicate):
      var c = conditionOutcome(predicate, activation, record: event.record)
      c.id = id
      c.says = says
      return (c, [])
    case .relation(let plan):
      let relation = plan.relation
      let match = run.match(plan, event: JudgedEvent(event))
      let held = (match != nil) != relation.kind.isNegated
      let record = event.record
      var expression = "\(relation.kind.rawValue) \(relation.on.joined(separator: " or "))"
      if !relation.same.isEmpty { expression += " same \(relation.same.joined(separator: ", "))" }
      expression += " within \(ValueText.durationText(nanos: relation.withinNanos))"
      if let condition = relation.where { expression += " where \(condition.source)" }
      let outcome = CheckOutcome(
        id: id, expression: expression, says: says, result: held ? .held : .failed,
        fields: plan.same.map { FieldValue(name: $0.name, value: $0.read(record)) }, location: relation.location)
      return (outcome, match.map { [related(.relation, $0)] } ?? [])
    }
  }

  private func conditionOutcome(_ predicate: Predicate, _ activation: Activation, record: Record) -> CheckOutcome {
    let condition = predicate.condition
    return CheckOutcome(
      expression: condition.source, result: condition.result(activation),
      fields: predicate.fields.map { FieldValue(name: $0.name, value: $0.read(record)) },
      trace: traced ? condition.trace(activation) : [], location: condition.location)
  }
}
