/// Renders diagnostics as GitHub Actions workflow commands, so they annotate the pull request:
/// `::error file=path,line=3,col=7,title=id::message`.
public struct GitHubDiagnosticRenderer: DiagnosticRenderer {
  /// The `--format` name.
  public static let identifier = "github"

  /// Creates a renderer.
  public init() {}

  /// One command per diagnostic; notes join the message on following lines.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for d in diagnostics {
      let at = d.location
      let properties =
        "file=\(Self.escapeProperty(at.path)),line=\(at.line),col=\(at.column),"
        + "title=\(Self.escapeProperty(d.id))"
      let notes = d.notes.map { note in
        "\nnote: " + (note.location.map { "\($0): " } ?? "") + note.message
      }
      out += "::\(d.severity.rawValue) \(properties)::\(Self.escapeData(d.message + notes.joined()))\n"
    }
    return out
  }

  /// Escapes a command's message, as the Actions runner's `toCommandValue` does.
  static func escapeData(_ s: String) -> String {
    s.replacing(scalar: "%", with: "%25").replacing(scalar: "\r", with: "%0D").replacing(scalar: "\n", with: "%0A")
  }

  /// Escapes a property value, which additionally may not hold `:` or `,`.
  static func escapeProperty(_ s: String) -> String {
    escapeData(s).replacing(scalar: ":", with: "%3A").replacing(scalar: ",", with: "%2C")
  }
}
