/// The stable JSON report of SPEC §6, keys in the order the SPEC lists them.
///
/// Written straight into bytes, one finding per line: a million-event log can list hundreds
/// of thousands of findings, and building a tree of values first would cost more than judging.
public struct JSONReporter: Reporter {
  public static let identifier = "json"
  public static let description = "the stable JSON of SPEC §6, for tools and for comparing runs"

  /// Creates a reporter.
  public init() {}

  public func generateReport(_ evaluation: Evaluation) -> String {
    var out = JSONBytes()
    write(evaluation, to: &out)
    return out.text
  }

  public func writeReport(_ evaluation: Evaluation, to write: (UnsafeBufferPointer<UInt8>) -> Void) {
    withoutActuallyEscaping(write) { write in
      var out = JSONBytes(flushingTo: write)
      self.write(evaluation, to: &out)
      out.flush()
    }
  }

  private func write(_ evaluation: Evaluation, to out: inout JSONBytes) {
    out.raw("{\n  \"standards\": {\"sha256\": ")
    out.string(evaluation.standards.sha256)
    out.raw(", \"files\": [")
    for (i, file) in evaluation.standards.files.enumerated() {
      if i > 0 { out.raw(", ") }
      out.string(file)
    }
    let events = evaluation.events
    out.raw("]},\n  \"events\": {\"read\": ")
    out.int(events.read)
    out.raw(", \"evaluated\": ")
    out.int(events.evaluated)
    out.raw(", \"rejected\": ")
    out.int(events.rejected)
    out.raw(", \"unjudged\": ")
    out.int(events.unjudged)
    out.raw("},\n  \"rejected\": [")
    for (i, record) in evaluation.rejected.enumerated() {
      out.raw(i > 0 ? ",\n    {\"path\": " : "\n    {\"path\": ")
      out.string(record.path)
      out.raw(", \"line\": ")
      out.int(record.line)
      out.raw(", \"reason\": ")
      out.string(record.reason)
      out.raw("}")
      out.flushIfFull()
    }
    out.raw(evaluation.rejected.isEmpty ? "],\n  \"findings\": [" : "\n  ],\n  \"findings\": [")
    writeFindings(evaluation, to: &out)
    out.raw(
      evaluation.findings.isEmpty
        ? "],\n  \"summary\": {\n    \"by_verdict\": " : "\n  ],\n  \"summary\": {\n    \"by_verdict\": ")
    write(evaluation.summary.byVerdict, to: &out)
    out.raw(",\n    \"by_employee\": ")
    write(evaluation.summary.byEmployee.map { ($0.employee, $0.counts) }, to: &out)
    out.raw(",\n    \"by_rule\": ")
    write(evaluation.summary.byRule.map { ($0.rule, $0.counts) }, to: &out)
    out.raw("\n  }\n}\n")
  }

  /// `{"name": {counts}, ...}`, one entry a line; `{}` when empty.
  private func write(_ table: [(name: String, counts: VerdictCounts)], to out: inout JSONBytes) {
    out.raw("{")
    for (i, entry) in table.enumerated() {
      out.raw(i > 0 ? ",\n      " : "\n      ")
      out.string(entry.name)
      out.raw(": ")
      write(entry.counts, to: &out)
      out.flushIfFull()
    }
    out.raw(table.isEmpty ? "}" : "\n    }")
  }

  /// Findings are described and written a batch at a time, spread over the cores.
  private func writeFindings(_ evaluation: Evaluation, to out: inout JSONBytes) {
    let findings = evaluation.findings
    let pieces = RulePieces(evaluation.rules)
    let batches = FindingBatches.batches(of: findings, at: findings.indices)
    FindingBatches.write(batches, { range, text in JSONBytes.append(to: &text) { part in
      var i = range.lowerBound
      findings.forEachLine(at: range) { line in
        defer { i += 1 }
        part.raw(i > 0 ? ",\n    {\"event\": " : "\n    {\"event\": ")
        line.event.withID { part.string($0) }
        part.raw(", \"employee\": ")
        line.withEmployee { part.string($0) }
        part.raw(", \"time\": ")
        line.event.withTime { part.string($0) }
        pieces.write(rule: line.rule, verdict: line.verdict, to: &part)
        line.withDeviation {
          part.raw(", \"deviation\": ")
          part.string($0.id)
        }
        part.raw(", \"because\": ")
        part.string { findings.writeBecause(of: line, into: &$0) }
        pieces.write(sourceOf: line.rule, to: &part)
      }
    } }, emit: { out.append($0) })
  }

  /// `{"met": 800, "justified": 12}`: non-zero counts in verdict order.
  private func write(_ counts: VerdictCounts, to out: inout JSONBytes) {
    out.raw("{")
    for (i, entry) in counts.nonZero.enumerated() {
      if i > 0 { out.raw(", ") }
      out.string(entry.verdict.rawValue)
      out.raw(": ")
      out.int(entry.count)
    }
    out.raw("}")
  }
}

/// The parts of a finding's JSON that depend only on its rule and verdict, written once per
/// report rather than once per finding:
/// `, "rule": "lunch-return", "kind": "standard", "verdict": "missed", "severity": "minor"` and
/// `, "source": {"path": "Standards/support-desk.yaml", "line": 14}}`.
private struct RulePieces: Sendable {
  private let bytes: [UInt8]
  /// For each rule, where its piece for each verdict (in rank order) and its source piece end.
  private let ends: [Int]
  private static let perRule = Verdict.allCases.count + 1

  init(_ rules: [RuleInfo]) {
    var out = JSONBytes()
    var ends: [Int] = []
    for rule in rules {
      for verdict in Verdict.allCases {
        out.raw(", \"rule\": ")
        out.string(rule.id)
        out.raw(", \"kind\": ")
        out.string(rule.kind.rawValue)
        out.raw(", \"verdict\": ")
        out.string(verdict.rawValue)
        out.raw(", \"severity\": ")
        out.string(rule.severity.rawValue)
        ends.append(out.buffer.count)
      }
      out.raw(", \"source\": {\"path\": ")
      out.string(rule.source.path)
      out.raw(", \"line\": ")
      out.int(rule.source.line)
      out.raw("}}")
      ends.append(out.buffer.count)
    }
    bytes = out.buffer.bytes
    self.ends = ends
  }

  /// Appends the rule, kind, verdict and severity.
  func write(rule: Int, verdict: Verdict, to out: inout JSONBytes) {
    write(rule * RulePieces.perRule + verdict.rank, to: &out)
  }

  /// Appends the source and closes the finding.
  func write(sourceOf rule: Int, to out: inout JSONBytes) {
    write(rule * RulePieces.perRule + RulePieces.perRule - 1, to: &out)
  }

  private func write(_ piece: Int, to out: inout JSONBytes) {
    let start = piece == 0 ? 0 : ends[piece - 1]
    bytes.withUnsafeBufferPointer { out.raw(UnsafeBufferPointer(rebasing: $0[start..<ends[piece]])) }
  }
}
