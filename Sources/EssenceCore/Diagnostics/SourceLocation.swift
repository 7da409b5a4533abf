/// A position in an input file: 1-based line and column (columns count Unicode scalars,
/// as libyaml does).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The file's path as the user gave it.
  public var path: String
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column number, in Unicode scalars.
  public var column: Int

  /// Creates a location.
  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// `path:line:column`, as compilers print it.
  public var description: String { "\(path):\(line):\(column)" }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.path, a.line, a.column) < (b.path, b.line, b.column)
  }
}
