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

  public func generateReport(_ evaluation: Evaluation) -> String { joiningPieces(of: evaluation) }

  /// Writes the report piece by piece: lines gathered and handed on about every megabyte, and
  /// each section's findings written a batch at a time, spread over the cores.
  public func writeReport(_ evaluation: Evaluation, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
    var pending = ""
    func flush() {
      if !pending.isEmpty { pending.withUTF8(emit) }
      pending = ""
    }
    func out(_ text: String) {
      pending += text
      if pending.utf8.count >= 1 << 20 { flush() }
    }

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
    let rules = evaluation.rules
    // The positions of each section's findings (`met` has none).
    var listed: [[Int32]] = Array(repeating: [], count: Verdict.allCases.count)
    for position in findings.indices where findings.verdict(at: position) != .met {
      listed[findings.verdict(at: position).rank].append(Int32(position))
    }
    for section in TextReporter.sections where !listed[section.verdict.rank].isEmpty {
      let positions = listed[section.verdict.rank]
      out("\n\(section.heading) (\(positions.count))\n")
      flush()
      let recognising = section.verdict == .justified
      let batches = FindingBatches.batches(of: findings, at: positions.lazy.map { Int($0) })
      FindingBatches.write(batches, { range, text in
        findings.forEachLine(at: positions[range].lazy.map { Int($0) }) { line in
          write(line, rules: rules, into: &text)
          text += "\n      "
          findings.writeBecause(of: line, into: &text)
          text += "\n"
          // Only recognition adds the employee's note and what the deviation served.
          if recognising { recognition(line, note: findings.note(of: line), into: &text) }
        }
      }, emit: emit)
    }
    if !evaluation.rejected.isEmpty {
      out("\nrejected records (\(evaluation.rejected.count))\n")
      for record in evaluation.rejected { out("  \(record.path):\(record.line): \(record.reason)\n") }
    }
    flush()
  }

  /// `met 800  justified 12`, or `none`.
  private func counts(_ counts: VerdictCounts) -> String {
    let parts = counts.nonZero.map { "\($0.verdict.rawValue) \($0.count)" }
    return parts.isEmpty ? "none" : parts.joined(separator: "  ")
  }

  private func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  /// The finding's heading line, without its line end.
  private func write(_ line: FindingLine, rules: [RuleInfo], into text: inout TextBuffer) {
    text += "  "
    line.event.withTime { text.append($0) }
    text += "  "
    line.withEmployee { text.append($0) }
    text += "  "
    text.append(rules[line.rule].id)
    text += " ["
    text.append(rules[line.rule].severity.rawValue)
    text += "]  event "
    line.event.withID { text.append($0) }
  }

  /// For a justified finding: the employee's own note and what the deviation served.
  private func recognition(_ line: FindingLine, note: String?, into text: inout TextBuffer) {
    if let note, !note.isEmpty {
      text += "      in their words: \""
      text.append(note)
      text += "\"\n"
    }
    line.withDeviation {
      text += "      it served: "
      text.append($0.serves)
      text += "\n"
    }
  }
}
