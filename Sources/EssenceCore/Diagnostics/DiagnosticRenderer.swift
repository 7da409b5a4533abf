/// Turns diagnostics into the text a reader of one output format expects.
public protocol DiagnosticRenderer {
  /// The `--format` name, e.g. `sarif`.
  static var identifier: String { get }
  /// Renders every diagnostic of a run.
  func render(_ diagnostics: [Diagnostic]) -> String
}
