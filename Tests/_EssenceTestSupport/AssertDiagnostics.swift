import EssenceCore
import Testing

/// An expected diagnostic: where (a marker), which id, what wording, and optionally its notes.
public struct DiagnosticSpec: Sendable {
  /// The marker in the marked text, such as `1️⃣`.
  public var marker: String
  /// The stable id, such as `schema.unknown_key`.
  public var id: String
  /// The exact message.
  public var message: String
  /// The severity (errors unless said otherwise).
  public var severity: Diagnostic.Severity
  /// The notes' messages, when the test cares.
  public var notes: [String]?

  /// Creates a spec.
  public init(
    _ marker: String, id: String, message: String, severity: Diagnostic.Severity = .error, notes: [String]? = nil
  ) {
    self.marker = marker
    self.id = id
    self.message = message
    self.severity = severity
    self.notes = notes
  }
}

/// Loads `markedYAML` as one standards file named `path` and checks that it produces exactly
/// `specs`, in location order.
public func assertDiagnostics(
  _ markedYAML: String, _ specs: [DiagnosticSpec], path: String = "test.yaml",
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let marked = MarkedText(markedYAML)
  let diagnostics = StandardsLoader.load(sources: [(path, Array(marked.text.utf8))]).diagnostics
  assertDiagnostics(diagnostics, specs, markers: marked.markers, sourceLocation: sourceLocation)
}

/// Checks diagnostics already produced against specs whose markers are in `markers`.
public func assertDiagnostics(
  _ diagnostics: [Diagnostic], _ specs: [DiagnosticSpec], markers: [String: (line: Int, column: Int)],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let rendered = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.id) \($0.message)" }
  guard diagnostics.count == specs.count else {
    let got = rendered.joined(separator: "\n")
    Issue.record(
      "expected \(specs.count) diagnostics, got \(diagnostics.count):\n\(got)", sourceLocation: sourceLocation)
    return
  }
  for (diagnostic, spec) in zip(diagnostics, specs) {
    guard let at = markers[spec.marker] else {
      Issue.record("marker \(spec.marker) is not in the text", sourceLocation: sourceLocation)
      continue
    }
    #expect(diagnostic.id == spec.id, sourceLocation: sourceLocation)
    #expect(diagnostic.message == spec.message, sourceLocation: sourceLocation)
    #expect(diagnostic.severity == spec.severity, "\(spec.id)", sourceLocation: sourceLocation)
    #expect(
      diagnostic.location.line == at.line && diagnostic.location.column == at.column,
      "\(spec.id) at \(diagnostic.location.line):\(diagnostic.location.column), expected \(at.line):\(at.column)",
      sourceLocation: sourceLocation)
    if let notes = spec.notes {
      #expect(diagnostic.notes.map(\.message) == notes, sourceLocation: sourceLocation)
    }
  }
}
