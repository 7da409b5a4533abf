/// `essence explain` as text: for each finding on the event, plain sentences first, then the
/// trace, the rule's rationale and the team's purpose (SPEC §5).
public struct ExplainReporter: Sendable {
  /// The set's identity and rules, for titles, rationales and purposes.
  public var standards: Evaluation.Standards
  public var rules: [RuleInfo]

  /// Creates a reporter for one set.
  public init(standards: Evaluation.Standards, rules: [RuleInfo]) {
    self.standards = standards
    self.rules = rules
  }

  /// The explanations, one block per event.
  public func generateReport(_ explanations: [EventExplanation]) -> String {
    var out = ""
    for (i, explanation) in explanations.enumerated() {
      if i > 0 { out += "\n" + String(repeating: "=", count: 72) + "\n\n" }
      out += report(explanation)
    }
    return out + "\nStandards set \(standards.sha256)\n"
  }

  private func report(_ explanation: EventExplanation) -> String {
    let event = explanation.event
    var out = "Event '\(event.id)': \(event.type) by \(event.employee) at \(event.timeText) (\(event.path):\(event.line))\n"
    let count = explanation.findings.count
    out += count == 0
      ? "No rule judged this event.\n"
      : "\(count) finding\(count == 1 ? "" : "s"): "
        + explanation.findings.map { "\($0.rule) \($0.verdict.rawValue)" }.joined(separator: ", ") + "\n"
    for finding in explanation.findings { out += "\n" + block(finding, event: event) }
    if !explanation.patternFindings.isEmpty {
      out += "\nThis event counts toward a pattern raised at another event:\n"
      for finding in explanation.patternFindings { out += "\n" + block(finding, event: nil) }
    }
    if !explanation.exclusions.isEmpty {
      out += "\nRules that did not judge this event:\n"
      for exclusion in explanation.exclusions { out += "  - \(exclusion.sentence)\n" }
    }
    return out
  }

  private func block(_ finding: Finding, event: Event?) -> String {
    let rule = rules.first { $0.id == finding.rule }
    var out = "\(finding.rule): \(finding.verdict.rawValue.uppercased())"
    out += " (\(finding.kind.rawValue), \(finding.severity.rawValue)"
    if let deviation = finding.deviation { out += ", deviation '\(deviation)'" }
    out += ")\n"
    if let title = rule?.title { out += "\(title)\n" }
    if finding.eventIndex != event?.index { out += "Raised at '\(finding.event)' (\(finding.employee), \(finding.time)).\n" }
    out += "\n"
    let narrative = FindingNarrative(finding: finding, rule: rule, event: event)
    out += Self.wrap(narrative.paragraph, indent: "  ") + "\n\n"
    out += "  Trace\n"
    let lines = [TraceLine(label: "because", text: finding.because)] + finding.explanation.traceLines
    let width = min(28, lines.map(\.label.count).max() ?? 0)
    for line in lines {
      let label = line.label.count > width ? line.label : line.label + String(repeating: " ", count: width - line.label.count)
      if line.label.count > width {
        out += "    \(label)\n    \(String(repeating: " ", count: width))  \(line.text)\n"
      } else {
        out += "    \(label)  \(line.text)\n"
      }
    }
    out += "\n"
    if let rule {
      out += Self.wrap("Why the rule exists: \(rule.rationale)", indent: "  ") + "\n"
      out += Self.wrap("The team's purpose (\(rule.team)): \(rule.purpose)", indent: "  ") + "\n"
    }
    out += "  Written at \(finding.source)\n"
    return out
  }

  /// Words wrapped at 96 columns after `indent`, as the command line prints sentences.
  public static func wrap(_ text: String, indent: String) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if !line.isEmpty && indent.count + line.count + 1 + word.count > 96 {
        lines.append(indent + line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(indent + line) }
    return lines.joined(separator: "\n")
  }
}
