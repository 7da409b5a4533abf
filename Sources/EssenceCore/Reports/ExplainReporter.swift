/// `essence explain` as text: for each finding on the event, plain sentences first, then the
/// trace, the rule's rationale and the team's purpose (SPEC §5).
public struct ExplainReporter: Sendable {
  /// The set's identity, named at the end of every explanation.
  public var standards: Evaluation.Standards
  /// Every rule of the set, in set order.
  public var rules: [RuleInfo]

  /// Creates a reporter for one set.
  public init(standards: Evaluation.Standards, rules: [RuleInfo]) {
    self.standards = standards
    self.rules = rules
  }

  /// The explanations, one block per event.
  public func generateReport(_ explanations: [ExplainedEvent]) -> String {
    var out = ""
    for (i, explanation) in explanations.enumerated() {
      if i > 0 { out += "\n" + String(repeating: "=", count: 72) + "\n\n" }
      out += report(explanation)
    }
    return out + "\nStandards set \(standards.sha256)\n"
  }

  private func report(_ explained: ExplainedEvent) -> String {
    let explanation = explained.explanation
    let event = explanation.event
    var out =
      "Event '\(event.id)': \(event.type) by \(event.employee) at \(event.timeText) (\(event.path):\(event.line))\n"
    let count = explanation.findings.count
    out +=
      count == 0
      ? (!explained.patternFindings.isEmpty
        ? "No finding on this event itself.\n"
        : explained.rule.map { "'\($0)' did not judge this event.\n" } ?? "No rule judged this event.\n")
      : "\(count) finding\(count == 1 ? "" : "s"): "
        + explanation.findings.map { "\($0.rule) \($0.verdict.rawValue)" }.joined(separator: ", ") + "\n"
    for finding in explanation.findings {
      out += "\n" + block(finding, event: event, related: explained.relatedEvents)
    }
    if !explained.patternFindings.isEmpty {
      out += "\nThis event counts toward a pattern raised at another event:\n"
      for finding in explained.patternFindings {
        out += "\n" + block(finding, event: nil, related: explained.relatedEvents)
      }
    }
    if !explanation.notes.isEmpty {
      out += "\nRules that did not judge this event:\n"
      for note in explanation.notes { out += Self.wrap("- " + note, indent: "  ", hanging: "    ") + "\n" }
    }
    return out
  }

  private func block(_ finding: Finding, event: Event?, related: [String: Event]) -> String {
    let rule = rules.first { $0.id == finding.rule }
    var out = "\(finding.rule): \(finding.verdict.rawValue.uppercased())"
    out += " (\(finding.kind.rawValue), \(finding.severity.rawValue)"
    if let deviation = finding.deviation { out += ", deviation '\(deviation)'" }
    out += ")\n"
    if let title = rule?.title { out += "\(title)\n" }
    if finding.eventIndex != event?.index {
      out += "Raised at '\(finding.event)' (\(finding.employee), \(finding.time)).\n"
    }
    out += "\n"
    let narrative = FindingNarrative(finding: finding, rule: rule, event: event, related: related)
    out += Self.wrap(narrative.paragraph, indent: "  ") + "\n\n"
    out += "  Trace\n"
    let lines =
      [TraceLine(label: "because", text: finding.because)] + finding.explanation.traceLines(reading: narrative.field)
    let width = min(28, lines.map(\.label.count).max() ?? 0)
    let pad = String(repeating: " ", count: width + 6)
    for line in lines {
      let label =
        line.label.count > width ? line.label : line.label + String(repeating: " ", count: width - line.label.count)
      if line.label.count > width { out += "    \(label)\n" + pad } else { out += "    \(label)  " }
      out += Self.steps(line.text, room: 100 - pad.count).joined(separator: "\n" + pad) + "\n"
    }
    out += "\n"
    if let rule {
      out += Self.wrap("Why the rule exists: \(rule.rationale)", indent: "  ") + "\n"
      out += Self.wrap("The team's purpose (\(rule.team)): \(rule.purpose)", indent: "  ") + "\n"
    }
    out += "  Written at \(finding.source)\n"
    return out
  }

  /// Words wrapped at 96 columns after `indent` (`hanging` for the lines after the first), as
  /// the command line prints sentences.
  public static func wrap(_ text: String, indent: String, hanging: String? = nil) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let prefix = lines.isEmpty ? indent : hanging ?? indent
      if !line.isEmpty && prefix.count + line.count + 1 + word.count > 96 {
        lines.append(prefix + line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append((lines.isEmpty ? indent : hanging ?? indent) + line) }
    return lines.joined(separator: "\n")
  }

  /// A trace text cut at its `; ` steps into lines of about `room` characters.
  static func steps(_ text: String, room: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for part in text.split(separator: "; ", omittingEmptySubsequences: false) {
      if !line.isEmpty && line.count + 2 + part.count > room {
        lines.append(line + ";")
        line = String(part)
      } else {
        line += (line.isEmpty ? "" : "; ") + part
      }
    }
    return lines + [line]
  }
}
