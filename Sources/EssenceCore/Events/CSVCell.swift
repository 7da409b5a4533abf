import CEL

/// Types one CSV cell (SPEC §7, bench/peers/README.md item 6).
///
/// A declared `number` is an int (or uint, or double when too large for 64 bits) or a
/// double; a declared `bool` is `true` or `false`; a declared `time` is an RFC 3339
/// timestamp. A declared cell that does not parse stays a string, so CEL reports the
/// mismatch where a rule reads it. Undeclared and `any` cells infer int, double and
/// lowercase `true`/`false`; RFC 3339-looking text stays a string there (no rule can expect
/// a timestamp from a field it did not declare). `string`, `duration`, `list` and `map` cells
/// stay strings.
enum CSVCell {
  /// The value of the non-empty cell `text` for a field of kind `kind` (nil: undeclared).
  static func value(_ text: String, kind: FieldDeclaration.Kind?) -> Value {
    switch kind {
    case nil, .any?: return number(text) ?? bool(text) ?? .string(text)
    case .number?: return number(text) ?? .string(text)
    case .bool?: return bool(text) ?? .string(text)
    case .time?: return RFC3339.parse(text).map(Value.timestamp) ?? .string(text)
    case .string?, .duration?, .list?, .map?: return .string(text)
    }
  }

  private static func bool(_ text: String) -> Value? {
    switch text {
    case "true": return .bool(true)
    case "false": return .bool(false)
    default: return nil
    }
  }

  /// `[+-]?digits` as an integer, or `[+-]?(d+.d*|.d+|d+)([eE][+-]?d+)?` as a double.
  private static func number(_ text: String) -> Value? {
    switch NumberShape(text.utf8) {
    case .integer:
      if let value = Int64(text) { return .int(value) }
      if let value = UInt64(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .uint(value) }
      return Double(text).map(Value.double)
    case .decimal: return Double(text).map(Value.double)
    case .other: return nil
    }
  }

  /// Which number grammar a cell matches; gates Swift's parsers, which also accept `inf`,
  /// `nan` and hexadecimal.
  private enum NumberShape {
    case integer, decimal, other

    init(_ utf8: String.UTF8View) {
      var bytes = utf8.makeIterator()
      var byte = bytes.next()
      if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
      var whole = 0
      while let b = byte, isDigit(b) { whole += 1; byte = bytes.next() }
      var fraction = 0
      var dot = false
      if byte == UInt8(ascii: ".") {
        dot = true
        byte = bytes.next()
        while let b = byte, isDigit(b) { fraction += 1; byte = bytes.next() }
      }
      guard whole + fraction > 0 else { self = .other; return }
      var exponent = false
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        byte = bytes.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
        var digits = 0
        while let b = byte, isDigit(b) { digits += 1; byte = bytes.next() }
        guard digits > 0 else { self = .other; return }
        exponent = true
      }
      guard byte == nil else { self = .other; return }
      self = dot || exponent ? .decimal : .integer
    }
  }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
