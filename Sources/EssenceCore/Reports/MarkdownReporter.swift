/// The evaluation as Markdown, for pasting into a wiki page or a pull request.
///
/// Tables for the reconciliation and the tallies, then every finding with its sentence, so a
/// page reads top-down: how much was judged, how it came out, and what each finding says.
public struct MarkdownReporter: Reporter {
  public static let identifier = "markdown"
  public static let description = "Markdown tables and findings, for a wiki"

  /// Creates the reporter.
  public init() {}

  public func generateReport(_ evaluation: Evaluation) -> String {
    var out = "# Essence report\n\n"
    out +=
      "Standards set `\(evaluation.standards.sha256)` ("
      + evaluation.standards.files.map { Markdown.code($0) }.joined(separator: ", ") + ")"
    if let employee = evaluation.employee { out += ", findings of \(Markdown.escape(employee)) only" }
    out += ".\n\n"
    out += events(evaluation)
    out += verdicts(evaluation)
    out += employees(evaluation)
    out += rules(evaluation)
    out += findings(evaluation)
    return out
  }

  private func events(_ evaluation: Evaluation) -> String {
    let e = evaluation.events
    var out = "## Events\n\n"
    out += Markdown.table(
      ["read", "evaluated", "rejected", "judged", "unjudged"],
      [[e.read, e.evaluated, e.rejected, e.evaluated - e.unjudged, e.unjudged].map(String.init)],
      numeric: [0, 1, 2, 3, 4])
    if !evaluation.rejected.isEmpty {
      out += "\nRejected records:\n\n"
      for record in evaluation.rejected {
        out += "- \(Markdown.code("\(record.path):\(record.line)")): \(Markdown.escape(record.reason))\n"
      }
    }
    return out + "\n"
  }

  private func verdicts(_ evaluation: Evaluation) -> String {
    let counts = evaluation.summary.byVerdict.nonZero
    guard !counts.isEmpty else { return "## Verdicts\n\nNo rule judged any event.\n\n" }
    return "## Verdicts\n\n"
      + Markdown.table(
        counts.map { $0.verdict.rawValue }, [counts.map { String($0.count) }], numeric: Set(counts.indices))
      + "\n"
  }

  private func employees(_ evaluation: Evaluation) -> String {
    let present = Verdict.allCases.filter { evaluation.summary.byVerdict[$0] > 0 }
    guard !evaluation.summary.byEmployee.isEmpty, !present.isEmpty else { return "" }
    let rows = evaluation.summary.byEmployee.map { entry in
      [Markdown.escape(entry.employee)] + present.map { String(entry.counts[$0]) }
    }
    return "## By employee\n\n"
      + Markdown.table(["employee"] + present.map(\.rawValue), rows, numeric: Set(1...present.count)) + "\n"
  }

  private func rules(_ evaluation: Evaluation) -> String {
    let present = Verdict.allCases.filter { evaluation.summary.byVerdict[$0] > 0 }
    let idle = evaluation.summary.byRule.filter { $0.counts.total == 0 }.map(\.rule)
    let rows = evaluation.summary.byRule.filter { $0.counts.total > 0 }.map { entry in
      let title = evaluation.rule(entry.rule)?.title ?? ""
      return [Markdown.code(entry.rule), Markdown.escape(title)] + present.map { String(entry.counts[$0]) }
    }
    var out = "## By rule\n\n"
    if !rows.isEmpty {
      let numeric = present.isEmpty ? Set<Int>() : Set(2..<(2 + present.count))
      out += Markdown.table(["rule", "title"] + present.map(\.rawValue), rows, numeric: numeric) + "\n"
    }
    if !idle.isEmpty { out += "Judged no event: " + idle.map(Markdown.code).joined(separator: ", ") + ".\n\n" }
    return out
  }

  private func findings(_ evaluation: Evaluation) -> String {
    guard !evaluation.findings.isEmpty else { return "## Findings\n\nNo findings to act on.\n" }
    var out = "## Findings\n\n"
    let all = Array(evaluation.findings)
    for group in FindingGroup.allCases {
      let members = all.filter { group.contains($0.verdict) }
      guard !members.isEmpty else { continue }
      out += "### \(group.title) (\(members.count))\n\n"
      for finding in members { out += section(finding, rule: evaluation.rule(finding.rule)) }
    }
    return out
  }

  private func section(_ finding: Finding, rule: RuleInfo?) -> String {
    var out = "#### \(finding.verdict.rawValue): \(Markdown.escape(rule?.title ?? finding.rule))\n\n"
    out +=
      "- **Event** \(Markdown.code(finding.event)) by \(Markdown.escape(finding.employee)) at "
      + "\(Markdown.code(finding.time))\n"
    out +=
      "- **Rule** \(Markdown.code(finding.rule)) (\(finding.kind.rawValue), \(finding.severity.rawValue)), "
      + "\(Markdown.code("\(finding.source.path):\(finding.source.line)"))\n"
    if let deviation = finding.deviation { out += "- **Deviation** \(Markdown.code(deviation))\n" }
    out += "- **Because** \(Markdown.escape(finding.because))\n\n"
    out += Markdown.prose(FindingNarrative(finding: finding, rule: rule).paragraph) + "\n\n"
    return out
  }
}
