import CEL

/// CEL values as the reports write them.
enum ValueFormat {
  /// The value in CEL literal syntax (`'lunch'`, `65`, `true`), as a reader of the standards
  /// file would write it.
  static func cel(_ value: Value) -> String { String(describing: value) }

  /// The value as a number, for telling a comparison in words; nil when it is not one.
  static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let i): Double(i)
    case .uint(let u): Double(u)
    case .double(let d): d
    default: nil
    }
  }

  /// The value for a sentence: strings in single quotes as written (a note's apostrophes are
  /// not escaped), everything else in CEL syntax.
  static func display(_ value: Value) -> String {
    if case .string(let s) = value { return "'" + s.split(whereSeparator: \.isNewline).joined(separator: " ") + "'" }
    return cel(value)
  }

  /// The value as plain text for a cell or a sentence: strings without quotes.
  static func plain(_ value: Value?) -> String {
    guard let value else { return "" }
    if case .string(let s) = value { return s }
    return cel(value)
  }
}
