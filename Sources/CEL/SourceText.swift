/// An expression's source as Unicode scalars, with the offsets where lines start, so a
/// scalar offset becomes the 1-based line and column that diagnostics print.
struct SourceText: Sendable {
  /// The scalars of the source.
  let scalars: [Unicode.Scalar]
  /// Offset of the first scalar of each line.
  let lineStarts: [Int]

  init(_ source: String) {
    let scalars = Array(source.unicodeScalars)
    var starts = [0]
    for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
    self.scalars = scalars
    self.lineStarts = starts
  }

  /// The 1-based line and column of an offset (offsets past the end point just after it).
  func location(of offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return (low + 1, offset - lineStarts[low] + 1)
  }

  /// The source text between two offsets.
  func text(from start: Int, to end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
    return String(view)
  }

  /// A diagnostic positioned at `offset`.
  func diagnostic(
    _ severity: CELDiagnostic.Severity, _ id: String, _ message: String, at offset: Int,
    notes: [String] = []
  ) -> CELDiagnostic {
    let (line, column) = location(of: offset)
    return CELDiagnostic(
      severity: severity, id: id, message: message, offset: offset, line: line, column: column,
      notes: notes)
  }
}
