/// Renders diagnostics as one JSON document: `{"diagnostics": [...], "summary": {...}}`.
public struct JSONDiagnosticRenderer: DiagnosticRenderer {
  /// The `--format` name.
  public static let identifier = "json"

  /// Creates a renderer.
  public init() {}

  /// The JSON document, pretty-printed, ending in a newline.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    document(diagnostics).rendered() + "\n"
  }

  /// The document as a value, so a caller can add members (the set's SHA-256).
  public func document(_ diagnostics: [Diagnostic], extra: [OrderedJSON.Member] = []) -> OrderedJSON {
    let errors = diagnostics.filter { $0.severity == .error }.count
    return .object(
      [
        .init("diagnostics", .array(diagnostics.map(Self.json))),
        .init(
          "summary", .object(["errors": .int(errors), "warnings": .int(diagnostics.count - errors)])),
      ] + extra)
  }

  private static func json(_ d: Diagnostic) -> OrderedJSON {
    .object([
      "path": .string(d.location.path), "line": .int(d.location.line), "column": .int(d.location.column),
      "severity": .string(d.severity.rawValue), "id": .string(d.id), "message": .string(d.message),
      "notes": .array(
        d.notes.map { note in
          var members: [OrderedJSON.Member] = [.init("message", .string(note.message))]
          if let at = note.location {
            members += [
              .init("path", .string(at.path)), .init("line", .int(at.line)), .init("column", .int(at.column)),
            ]
          }
          return .object(members)
        }),
    ])
  }
}
