/// Renders diagnostics like swiftc: `path:line:column: error: message [id]` and `note:` lines.
public struct TextDiagnosticRenderer: DiagnosticRenderer {
  public static let identifier = "text"

  /// Creates a renderer.
  public init() {}

  /// One line per diagnostic and per note, each ending in a newline.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]\n"
      for note in diagnostic.notes {
        out += note.location.map { "\($0): note: " } ?? "note: "
        out += note.message + "\n"
      }
    }
    return out
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
