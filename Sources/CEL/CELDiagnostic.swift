/// A problem found while parsing or checking an expression, located inside its source.
public struct CELDiagnostic: Sendable, Hashable {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable {
    case error, warning, note
  }

  /// Error or warning.
  public var severity: Severity
  /// Stable id, e.g. `cel.syntax`, `cel.undeclared_field`, `cel.type_mismatch`.
  public var id: String
  /// Lowercase, no final period, names in single quotes.
  public var message: String
  /// Offset in the expression source, in Unicode scalars.
  public var offset: Int
  /// 1-based line within the expression source.
  public var line: Int
  /// 1-based column within that line, in Unicode scalars.
  public var column: Int
  /// Extra hints, such as "did you mean 'rings'?".
  public var notes: [String]

  /// Creates a diagnostic.
  public init(
    severity: Severity, id: String, message: String, offset: Int, line: Int, column: Int,
    notes: [String] = []
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.offset = offset
    self.line = line
    self.column = column
    self.notes = notes
  }
}
