/// Renders diagnostics like swiftc: `path:line:column: error: message [id]` and `note:` lines.
///
/// With the files' text, each diagnostic also shows its source line and a caret (the
/// `--diagnostics-style annotated` of `essence validate`).
public struct TextDiagnosticRenderer: DiagnosticRenderer {
  /// The `--format` name.
  public static let identifier = "text"

  /// Each file's lines by path, for annotated output; empty for plain output.
  public var sources: [String: [[Unicode.Scalar]]]

  /// Creates a renderer; give `sources` (file text by path) for annotated output.
  public init(sources: [String: String] = [:]) {
    self.sources = sources.mapValues(\.sourceLines)
  }

  /// One line per diagnostic and per note, each ending in a newline.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]\n"
      out += snippet(at: diagnostic.location)
      for note in diagnostic.notes {
        out += note.location.map { "\($0): note: " } ?? "note: "
        out += note.message + "\n"
      }
    }
    return out
  }

  /// The source line of a location and a caret under its column, or "" without the source.
  func snippet(at location: SourceLocation) -> String {
    guard let lines = sources[location.path], location.line >= 1, location.line <= lines.count else { return "" }
    let line = lines[location.line - 1]
    let number = String(location.line)
    let gutter = String(repeating: " ", count: max(0, 4 - number.count)) + number + " | "
    // Keep tabs under tabs so the caret lines up however the terminal draws them.
    let lead = line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
    return gutter + String(String.UnicodeScalarView(line)) + "\n"
      + String(repeating: " ", count: max(4, number.count)) + " | " + lead + "^\n"
  }

  /// The closing line: how many errors and warnings, or that all is well.
  public static func summary(errors: Int, warnings: Int, files: Int) -> String {
    let checked = "\(files) \(files == 1 ? "file" : "files")"
    if errors == 0 && warnings == 0 { return "\(checked) valid" }
    let parts = [
      errors > 0 ? "\(errors) \(errors == 1 ? "error" : "errors")" : nil,
      warnings > 0 ? "\(warnings) \(warnings == 1 ? "warning" : "warnings")" : nil,
    ].compactMap { $0 }
    return "\(checked): " + parts.joined(separator: ", ")
  }
}
