/// A diagnostic's wording with its stable id and default severity.
///
/// Each subsystem keeps its messages in one alphabetised catalogue of static factories
/// (`YAMLMessages.swift`, `ValidationMessages.swift`), so wording is reviewed in one place.
public struct DiagnosticMessage: Sendable, Hashable {
  /// Stable id such as `schema.unknown_key`.
  public var id: String
  /// Error or warning.
  public var severity: Diagnostic.Severity
  /// Lowercase, no final period, names in single quotes.
  public var text: String

  /// Creates a message.
  public init(id: String, severity: Diagnostic.Severity, text: String) {
    self.id = id
    self.severity = severity
    self.text = text
  }

  /// Creates an error message.
  public static func error(_ id: String, _ text: String) -> DiagnosticMessage {
    DiagnosticMessage(id: id, severity: .error, text: text)
  }

  /// Creates a warning message.
  public static func warning(_ id: String, _ text: String) -> DiagnosticMessage {
    DiagnosticMessage(id: id, severity: .warning, text: text)
  }
}
