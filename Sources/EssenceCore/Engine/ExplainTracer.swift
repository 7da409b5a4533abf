import CEL

/// Fills a finding's conditions with the value of every sub-expression they read, for
/// `essence explain` (SPEC §5: `event.break_minutes = 65 → 65 <= 45 → false`).
///
/// Judging never traces (it would cost every event the work only one explained event
/// needs); this re-runs the letter, the purpose checks and the limit of one finding with
/// CEL's tracing evaluator, and leaves any trace already present alone.
public struct ExplainTracer: Sendable {
  let set: StandardsSet

  /// Creates a tracer for the rules of a set.
  public init(set: StandardsSet) {
    self.set = set
  }

  /// The finding with trace steps in its letter, purpose checks and deviation limit.
  public func traced(_ finding: Finding, on event: Event) -> Finding {
    guard finding.kind == .standard, let standard = set.standard(finding.rule) else { return finding }
    let activation = Activation(values: [.record(event.record)])
    var out = finding
    if case .condition(let condition) = standard.expect, var letter = out.explanation.letter, letter.trace.isEmpty {
      letter.trace = condition.traceSteps(activation)
      out.explanation.letter = letter
    }
    for (i, check) in out.explanation.purposeChecks.enumerated() where check.trace.isEmpty {
      guard let written = standard.purposeChecks.first(where: { $0.id == check.id }),
        case .condition(let condition) = written.expect
      else { continue }
      out.explanation.purposeChecks[i].trace = condition.traceSteps(activation)
    }
    if let applied = out.explanation.deviation, var limit = applied.limit, limit.trace.isEmpty,
      let condition = standard.deviations.first(where: { $0.id == applied.id })?.limit
    {
      limit.trace = condition.traceSteps(activation)
      out.explanation.deviation?.limit = limit
    }
    return out
  }
}

extension StandardsSet {
  /// The standard with this id, if the set has one.
  func standard(_ id: String) -> Standard? {
    for file in files {
      if let standard = file.standards.first(where: { $0.id == id }) { return standard }
    }
    return nil
  }
}

extension Condition {
  /// Every sub-expression's source text and value, in the order they were computed; the
  /// `event` variable itself (the whole record) is left out.
  func traceSteps(_ activation: Activation) -> [TraceStep] {
    var trace = Trace()
    _ = program.evaluate(activation, trace: &trace)
    var spans: [Int: (Int, Int)] = [:]
    ast.collectSpans(into: &spans)
    let scalars = Array(source.unicodeScalars)
    return trace.order.compactMap { id in
      guard let value = trace[id], let (start, end) = spans[id], start >= 0, end <= scalars.count, start < end else {
        return nil
      }
      if case .record = value { return nil }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: scalars[start..<end])
      return TraceStep(expression: String(text), value: value)
    }
  }
}

extension Expr {
  /// Every node's source span by id.
  fileprivate func collectSpans(into spans: inout [Int: (Int, Int)]) {
    spans[id] = (offset, endOffset)
    switch kind {
    case .literal, .ident:
      break
    case .select(let operand, _, _):
      operand.collectSpans(into: &spans)
    case .call(_, let target, let args):
      target?.collectSpans(into: &spans)
      for arg in args { arg.collectSpans(into: &spans) }
    case .list(let items):
      for item in items { item.collectSpans(into: &spans) }
    case .map(let entries):
      for entry in entries {
        entry.key.collectSpans(into: &spans)
        entry.value.collectSpans(into: &spans)
      }
    case .comprehension(let c):
      for e in [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result] { e.collectSpans(into: &spans) }
    }
  }
}
