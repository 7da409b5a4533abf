/// What a team lead reads in a terminal: which standards judged, whether the counts
/// reconcile, the verdicts per person, then the findings worth recognising and those that
/// need a conversation, each with its reason.
public struct TextReporter: Reporter {
  public static let identifier = "text"
  public static let description = "a summary and the findings that need attention, for a terminal"

  /// The sections of findings: recognition first, then what needs attention, in the order a
  /// lead acts on it.
  private static let sections: [(verdict: Verdict, heading: String)] = [
    (.justified, "justified: deviations that served the purpose (recognise)"),
    (.answered, "answered: needs noticed and met (recognise)"),
    (.robotic, "robotic: the letter held but its purpose did not (coach)"),
    (.missed, "missed: the letter broken with no deviation (talk)"),
    (.unanswered, "unanswered: a customer's need went by (talk)"),
    (.unjustified, "unjustified: a deviation whose evidence, limit or approval failed (talk, with the reason)"),
    (.pending, "pending: waiting for a supervisor's approval (review)"),
    (.error, "error: could not be evaluated (fix the standard or the log)"),
  ]

  /// Creates a reporter.
  public init() {}

  public func generateReport(_ evaluation: Evaluation) -> String {
    var out = ""
    write(evaluation) { out += $0 }
    return out
  }

  public func writeReport(_ evaluation: Evaluation, to write: ([UInt8]) -> Void) {
    var pending = ""
    self.write(evaluation) { text in
      pending += text
      if pending.utf8.count >= 1 << 20 {
        write(Array(pending.utf8))
        pending = ""
      }
    }
    if !pending.isEmpty { write(Array(pending.utf8)) }
  }

  /// Writes the report piece by piece; sections of findings are read one finding at a time.
  private func write(_ evaluation: Evaluation, to out: (String) -> Void) {
    let files = evaluation.standards.files.joined(separator: ", ")
    out("standards  \(evaluation.standards.sha256)\n           \(files)\n")
    let e = evaluation.events
    out("events     \(e.read) read = \(e.evaluated) evaluated + \(e.rejected) rejected; \(e.unjudged) unjudged\n")
    out("verdicts   \(counts(evaluation.summary.byVerdict))\n")

    let people = evaluation.summary.byEmployee
    if !people.isEmpty {
      out(evaluation.employee.map { "\nfor \($0)\n" } ?? "\nby employee\n")
      let width = people.map(\.employee.count).max() ?? 0
      for entry in people { out("  \(padded(entry.employee, width))  \(counts(entry.counts))\n") }
    }
    out("\nby rule\n")
    let width = evaluation.summary.byRule.map(\.rule.count).max() ?? 0
    for entry in evaluation.summary.byRule {
      let tally = entry.counts.total == 0 ? "no findings" : counts(entry.counts)
      out("  \(padded(entry.rule, width))  \(tally)\n")
    }

    let findings = evaluation.findings
    var listed = VerdictCounts()
    for position in findings.indices { listed[findings.verdict(at: position)] += 1 }
    for section in TextReporter.sections where listed[section.verdict] > 0 {
      out("\n\(section.heading) (\(listed[section.verdict]))\n")
      for position in findings.indices where findings.verdict(at: position) == section.verdict {
        // Only recognition needs the explanation (what the deviation served).
        out(section.verdict == .justified ? recognition(findings[position]) : line(findings.brief(at: position)))
      }
    }
    if !evaluation.rejected.isEmpty {
      out("\nrejected records (\(evaluation.rejected.count))\n")
      for record in evaluation.rejected { out("  \(record.path):\(record.line): \(record.reason)\n") }
    }
  }

  /// `met 800  justified 12`, or `none`.
  private func counts(_ counts: VerdictCounts) -> String {
    let parts = counts.nonZero.map { "\($0.verdict.rawValue) \($0.count)" }
    return parts.isEmpty ? "none" : parts.joined(separator: "  ")
  }

  private func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  /// The finding's heading line and its reason.
  private func line(_ finding: Finding) -> String {
    "  \(finding.time)  \(finding.employee)  \(finding.rule) [\(finding.severity.rawValue)]  event \(finding.event)\n"
      + "      \(finding.because)\n"
  }

  /// A justified finding with the employee's own note and what the deviation served.
  private func recognition(_ finding: Finding) -> String {
    var text = line(finding)
    if let note = finding.note, !note.isEmpty { text += "      in their words: \"\(note)\"\n" }
    if let serves = finding.explanation.deviation?.serves { text += "      it served: \(serves)\n" }
    return text
  }
}
