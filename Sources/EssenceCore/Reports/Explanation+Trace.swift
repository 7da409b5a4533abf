import CEL

/// One line of a finding's trace: what was looked at (`letter`, `evidence`) and what it gave.
public struct TraceLine: Sendable, Hashable {
  /// What the line is about, e.g. `letter`, `purpose check 'guest-named'`, `limit`.
  public var label: String
  /// What it came to, e.g. `event.break_minutes = 65 → 65 <= 45 → false`.
  public var text: String

  /// Creates a line.
  public init(label: String, text: String) {
    self.label = label
    self.text = text
  }
}

extension Explanation {
  /// The decision step by step, in the order the engine took it (SPEC §1 "How a standard
  /// decides"): the letter, the purpose checks, the deviations tried, the one that applied
  /// with its evidence, limit and approval, and the other events looked at.
  public var traceLines: [TraceLine] { traceLines(reading: nil) }

  /// The trace lines; given the judged event's fields, each deviation's `when` also shows the
  /// values it read (`reason = absent`), so "why no deviation applied" needs no guessing.
  public func traceLines(reading field: (@Sendable (String) -> Value?)?) -> [TraceLine] {
    func values(_ when: String) -> String {
      guard let field else { return "" }
      let names = FindingNarrative.fieldNames(in: when)
      if names.isEmpty { return "" }
      return " (" + names.map { "\($0) = \(field($0).map(ValueFormat.cel) ?? "absent")" }.joined(separator: ", ") + ")"
    }
    var lines: [TraceLine] = []
    if let letter {
      lines.append(TraceLine(label: "letter", text: "`\(letter.expression)` (\(letter.location))"))
      lines.append(TraceLine(label: "", text: letter.traceChain))
    }
    for check in purposeChecks {
      lines.append(TraceLine(label: "purpose check '\(check.id ?? "?")'", text: check.traceChain))
      if check.result != .held, let says = check.says { lines.append(TraceLine(label: "", text: "says: \(says)")) }
    }
    for attempt in deviationsNotApplying {
      lines.append(
        TraceLine(
          label: "deviation '\(attempt.id)'",
          text: "when `\(attempt.when)`\(values(attempt.when)) → \(FindingNarrative.resultWord(attempt.result)): "
            + "does not apply"))
    }
    if let deviation { lines += deviationLines(deviation, values: values) }
    for event in related {
      lines.append(
        TraceLine(
          label: "related (\(event.role.rawValue))",
          text: "\(event.type) '\(event.id)' by \(event.employee) at \(event.time)"))
    }
    return lines
  }

  private func deviationLines(_ deviation: DeviationOutcome, values: (String) -> String) -> [TraceLine] {
    var lines = [
      TraceLine(
        label: "deviation '\(deviation.id)'",
        text: "when `\(deviation.when)`\(values(deviation.when)) → true: applies (\(deviation.location))")
    ]
    for field in deviation.evidence {
      let missing = deviation.missingEvidence.contains(field.name)
      lines.append(
        TraceLine(
          label: "evidence", text: "\(field.name) = \(FindingNarrative.text(field.value))\(missing ? " (missing)" : "")"
        ))
    }
    for name in deviation.missingEvidence where !deviation.evidence.contains(where: { $0.name == name }) {
      lines.append(TraceLine(label: "evidence", text: "\(name) (missing)"))
    }
    if let limit = deviation.limit { lines.append(TraceLine(label: "limit", text: limit.traceChain)) }
    if let approval = deviation.approval {
      var text = approval.decision.rawValue
      if let approver = approval.approver { text += " by \(approver)" }
      if let time = approval.time { text += " at \(time)" }
      if let note = approval.note { text += ": \u{201C}\(note)\u{201D}" }
      if let event = approval.event { text += " (event '\(event)')" }
      lines.append(TraceLine(label: "approval", text: text))
    }
    lines.append(TraceLine(label: "serves", text: deviation.serves))
    return lines
  }
}
