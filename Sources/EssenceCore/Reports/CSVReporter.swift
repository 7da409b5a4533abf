/// One row per finding (SPEC §6 columns), for spreadsheets and `csvkit`-style tools.
///
/// RFC 4180: CRLF line ends, every field that holds a comma, quote, CR or LF is quoted with
/// quotes doubled. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first,
/// and not a number) is prefixed with `'`, so a log cannot smuggle a formula into the
/// leader's spreadsheet.
public struct CSVReporter: Reporter {
  public static let identifier = "csv"
  public static let description = "one row per finding, RFC 4180, for spreadsheets"

  /// The header row, in SPEC §6 order.
  public static let columns = [
    "event", "employee", "time", "rule", "kind", "verdict", "severity", "deviation", "because", "source_path",
    "source_line",
  ]

  /// Creates the reporter.
  public init() {}

  public func generateReport(_ evaluation: Evaluation) -> String {
    var out: [UInt8] = []
    writeReport(evaluation) { out.append(contentsOf: $0) }
    return String(decoding: out, as: UTF8.self)
  }

  /// Writes the rows a thousand at a time, so a million-event log's report is never held whole.
  public func writeReport(_ evaluation: Evaluation, to write: (UnsafeBufferPointer<UInt8>) -> Void) {
    var chunk = Self.row(Self.columns)
    for i in evaluation.findings.indices {
      // Only `because` is printed: the explanation's outcomes are not run again.
      let finding = evaluation.findings.brief(at: i)
      chunk += Self.row([
        finding.event, finding.employee, finding.time, finding.rule, finding.kind.rawValue,
        finding.verdict.rawValue, finding.severity.rawValue, finding.deviation ?? "", finding.because,
        finding.source.path, String(finding.source.line),
      ])
      if i % 1000 == 999 {
        chunk.withUTF8(write)
        chunk = ""
      }
    }
    chunk.withUTF8(write)
  }

  /// One record: fields joined by commas, ended by CRLF, each quoted and defused as needed.
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, defused and quoted when it needs to be.
  static func field(_ text: String) -> String {
    var cell = text
    if let first = cell.first, "=+-@\t\r".contains(first), Double(cell) == nil { cell = "'" + cell }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
      return cell
    }
    return "\"" + cell.replacing(scalar: "\"", with: "\"\"") + "\""
  }
}
