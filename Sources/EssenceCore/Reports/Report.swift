/// Turns an evaluation into one output format (SPEC §5 `--format`).
///
/// One reporter per file, like SwiftLint's reporters: each is a small value that knows its
/// format's name and writes the whole report as one string.
public protocol Reporter: Sendable {
  /// The `--format` value that picks this reporter (`json`, `text`, ...).
  static var identifier: String { get }
  /// One line saying what the format is for.
  static var description: String { get }
  /// Writes the report.
  func generateReport(_ evaluation: Evaluation) -> String
  /// Writes the report in UTF-8 pieces, so a report of a million-event log need not be held
  /// whole in memory; by default, the whole report in one piece. Each piece is valid only
  /// during the call that hands it over: pieces are read where they were written, not copied.
  func writeReport(_ evaluation: Evaluation, to write: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension Reporter {
  public func writeReport(_ evaluation: Evaluation, to write: (UnsafeBufferPointer<UInt8>) -> Void) {
    var report = generateReport(evaluation)
    report.withUTF8(write)
  }
}

extension Reporter {
  /// What `writeReport` hands on, as one string: `generateReport` for a reporter that writes
  /// in pieces.
  func joiningPieces(of evaluation: Evaluation) -> String {
    var out: [UInt8] = []
    writeReport(evaluation) { out.append(contentsOf: $0) }
    return String(decoding: out, as: UTF8.self)
  }
}
