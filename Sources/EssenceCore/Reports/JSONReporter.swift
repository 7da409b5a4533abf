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

  public func writeReport(_ evaluation: Evaluation, to write: ([UInt8]) -> Void) {
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
    }
    out.raw(evaluation.rejected.isEmpty ? "],\n  \"findings\": [" : "\n  ],\n  \"findings\": [")
    writeFindings(evaluation.findings, to: &out)
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
    }
    out.raw(table.isEmpty ? "}" : "\n    }")
  }

  /// Findings are described and written a batch at a time, each batch cut across the cores
  /// and joined in order, so memory stays bounded and the output is the same on any machine.
  private func writeFindings(_ findings: FindingList, to out: inout JSONBytes) {
    let batch = 4096
    var position = 0
    while position < findings.count {
      var ranges: [Range<Int>] = []
      for _ in 0..<Parallel.width where position < findings.count {
        let end = min(position + batch, findings.count)
        ranges.append(position..<end)
        position = end
      }
      let parts = Parallel.map(ranges, worthIt: findings.count >= batch) { range in
        var part = JSONBytes()
        for i in range {
          part.raw(i > 0 ? ",\n    " : "\n    ")
          self.write(findings.brief(at: i), to: &part)
        }
        return part.bytes
      }
      for part in parts {
        out.append(part)
        out.flushIfFull()
      }
    }
  }

  private func write(_ finding: Finding, to out: inout JSONBytes) {
    out.raw("{\"event\": ")
    out.string(finding.event)
    out.raw(", \"employee\": ")
    out.string(finding.employee)
    out.raw(", \"time\": ")
    out.string(finding.time)
    out.raw(", \"rule\": ")
    out.string(finding.rule)
    out.raw(", \"kind\": ")
    out.string(finding.kind.rawValue)
    out.raw(", \"verdict\": ")
    out.string(finding.verdict.rawValue)
    out.raw(", \"severity\": ")
    out.string(finding.severity.rawValue)
    if let deviation = finding.deviation {
      out.raw(", \"deviation\": ")
      out.string(deviation)
    }
    out.raw(", \"because\": ")
    out.string(finding.because)
    out.raw(", \"source\": {\"path\": ")
    out.string(finding.source.path)
    out.raw(", \"line\": ")
    out.int(finding.source.line)
    out.raw("}}")
  }

  /// `{"met": 800, "justified": 12}`: non-zero counts in verdict order.
  private func write(_ counts: VerdictCounts, to out: inout JSONBytes) {
    out.raw("{")
    for (i, entry) in counts.nonZero.enumerated() {
      out.raw(i > 0 ? ", \"" : "\"")
      out.raw(entry.verdict.rawValue)
      out.raw("\": ")
      out.int(entry.count)
    }
    out.raw("}")
  }
}

/// A growing UTF-8 buffer with JSON's string escaping, optionally handed to a sink in pieces.
struct JSONBytes {
  private(set) var bytes: [UInt8] = []
  private let sink: (([UInt8]) -> Void)?
  private static let chunk = 1 << 20

  /// A buffer that keeps everything (read it with `text`).
  init() {
    sink = nil
    bytes.reserveCapacity(1 << 16)
  }

  /// A buffer that passes its bytes to `sink` about every megabyte.
  init(flushingTo sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    bytes.reserveCapacity(JSONBytes.chunk + (1 << 16))
  }

  /// The buffer as text.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends bytes written elsewhere.
  mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

  /// Hands the buffer to the sink when it holds a megabyte or more.
  mutating func flushIfFull() {
    if bytes.count >= JSONBytes.chunk { flush() }
  }

  /// Hands whatever is buffered to the sink.
  mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    sink(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends text that needs no escaping (keys, punctuation).
  mutating func raw(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a name known to need no escaping (a verdict, kind or severity).
  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func int(_ value: Int) { raw(String(value)) }

  /// Appends a quoted string, escaping quotes, backslashes and control characters.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { escaping($0) }
    if done == nil {
      // Small strings live inline, not in shared storage: `withUTF8` copies them to the stack.
      var small = text
      small.withUTF8 { escaping($0) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 bytes, escaping what JSON strings may not hold as is.
  private mutating func escaping(_ utf8: UnsafeBufferPointer<UInt8>) {
    var start = 0
    for i in utf8.indices where utf8[i] < 0x20 || utf8[i] == UInt8(ascii: "\"") || utf8[i] == UInt8(ascii: "\\") {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
      escape(utf8[i])
      start = i + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
    case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
    case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
    case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
    case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
    case 0..<0x20:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
      ])
    default: bytes.append(byte)
    }
  }
}
