/// A problem found in an input file, with where it is and what would fix it.
///
/// Diagnostics are values: validation collects every one in a run instead of stopping at the
/// first, and renderers turn them into text, JSON, SARIF or GitHub workflow commands.
public struct Diagnostic: Sendable, Hashable {
  /// How serious a diagnostic is: errors make `validate` fail, warnings only with `--strict`.
  public enum Severity: String, Sendable, Hashable, CaseIterable {
    case error, warning
  }

  /// A secondary remark, optionally at its own location ("first defined here").
  public struct Note: Sendable, Hashable {
    /// Lowercase, no final period.
    public var message: String
    /// Where the note points, when it points somewhere other than the diagnostic.
    public var location: SourceLocation?

    /// Creates a note.
    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// Error or warning.
  public var severity: Severity
  /// Stable id such as `yaml.duplicate_key`; SARIF's `ruleId` and the tests use it.
  public var id: String
  /// Lowercase, no final period, names in single quotes.
  public var message: String
  /// Where the problem is.
  public var location: SourceLocation
  /// Extra remarks, in order.
  public var notes: [Note]

  /// Creates a diagnostic from its parts.
  public init(
    severity: Severity, id: String, message: String, location: SourceLocation, notes: [Note] = []
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// Creates a diagnostic from a catalogued message.
  public init(_ message: DiagnosticMessage, at location: SourceLocation, notes: [Note] = []) {
    self.init(
      severity: message.severity, id: message.id, message: message.text, location: location, notes: notes)
  }
}
