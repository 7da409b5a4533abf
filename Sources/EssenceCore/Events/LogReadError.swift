/// Why a shift log could not be read at all (the CLI exits 3). Bad records are not errors:
/// they are `RejectedRecord`s and reading goes on.
public enum LogReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file could not be opened or read; `reason` is the system's, lowercase.
  case unreadable(path: String, reason: String)
  /// A CSV or YAML log whose structure is broken as a whole, e.g. a YAML syntax error.
  case malformed(path: String, line: Int, reason: String)

  /// The path of the log.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .malformed(let path, _, _): return path
    }
  }

  /// The message the CLI prints before exiting 3.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): return "cannot read log '\(path)': \(reason)"
    case .malformed(let path, let line, let reason): return "\(path):\(line): \(reason)"
    }
  }
}
