/// Collects the diagnostics of one run, so every problem is reported at once.
public struct DiagnosticEngine: Sendable {
  /// Everything emitted, in emission order.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty engine.
  public init() {}

  /// True when at least one error was emitted.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The number of diagnostics of a severity.
  public func count(_ severity: Diagnostic.Severity) -> Int {
    diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }

  /// Records a diagnostic.
  public mutating func emit(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Records a catalogued message at a location.
  public mutating func emit(
    _ message: DiagnosticMessage, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(Diagnostic(message, at: location, notes: notes))
  }

  /// Records several diagnostics.
  public mutating func emit(contentsOf more: [Diagnostic]) {
    diagnostics.append(contentsOf: more)
  }
}

extension Array where Element == Diagnostic {
  /// The same diagnostics with warnings raised to errors, for `--strict`.
  public func promotingWarnings() -> [Diagnostic] {
    map { diagnostic in
      var copy = diagnostic
      copy.severity = .error
      return copy
    }
  }

  /// Sorted by location, as compilers print them; diagnostics at one location keep their order.
  public func sortedByLocation() -> [Diagnostic] {
    enumerated().sorted { a, b in
      a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
    }.map(\.element)
  }
}
