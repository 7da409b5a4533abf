/// Values written back as CEL source (`'text'`, `1u`, `2.0`, `[1, 'a']`, `{'k': true}`,
/// `timestamp('2026-11-21T13:05:00Z')`), so traces and messages read like the expressions.
extension Value: CustomStringConvertible {
  /// The value in CEL literal syntax; an error as `error: <message>`.
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d): return Self.doubleLiteral(d)
    case .string(let s): return Self.quoted(s)
    case .bytes(let b): return "b" + Self.quoted(bytes: b)
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .map(let map): return Self.mapLiteral(map.entries)
    case .record(let record): return Self.mapLiteral(record.fieldEntries)
    case .timestamp(let t): return "timestamp('\(t.rfc3339)')"
    case .duration(let d): return "duration('\(d.text)')"
    case .type(let t): return t.celName
    case .error(let e): return "error: \(e.message)"
    }
  }

  private static func mapLiteral(_ entries: [(key: Value, value: Value)]) -> String {
    "{" + entries.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
  }

  /// A double that reads back as a double: always with a point or exponent.
  private static func doubleLiteral(_ d: Double) -> String {
    if d.isNaN { return "double('NaN')" }
    if d.isInfinite { return d < 0 ? "double('-Infinity')" : "double('Infinity')" }
    let text = String(d)
    return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
  }

  /// A string in quotes (single by default) with CEL escapes for the quote, backslashes and
  /// control characters; `strings.quote` uses it with double quotes.
  static func quoted(_ s: String, delimiter: Unicode.Scalar = "'") -> String {
    var out = String(delimiter)
    for scalar in s.unicodeScalars {
      if scalar == delimiter {
        out += "\\" + String(scalar)
      } else if let letter = escapes[scalar] {
        out += "\\" + letter
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\x" + hex(UInt8(scalar.value))
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    out.unicodeScalars.append(delimiter)
    return out
  }

  /// The characters CEL writes as a backslash and a letter.
  private static let escapes: [Unicode.Scalar: String] = [
    "\u{07}": "a", "\u{08}": "b", "\u{0C}": "f", "\n": "n", "\r": "r", "\t": "t", "\u{0B}": "v", "\\": "\\",
  ]

  /// Bytes in quotes (single by default): printable ASCII as is, everything else as `\xHH`.
  static func quoted(bytes: [UInt8], delimiter: Unicode.Scalar = "'") -> String {
    var out = String(delimiter)
    for byte in bytes {
      switch byte {
      case UInt8(delimiter.value), UInt8(ascii: "\\"): out += "\\" + String(Unicode.Scalar(byte))
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
      default: out += "\\x" + hex(byte)
      }
    }
    out.unicodeScalars.append(delimiter)
    return out
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
  }

  /// The CEL name of this value's type, for messages: `int`, `string`, `list`, ...
  public var typeName: String { celType.celName }

  /// The runtime type, as `type(x)` returns it.
  public var celType: CELType {
    switch self {
    case .null: return .null
    case .bool: return .bool
    case .int: return .int
    case .uint: return .uint
    case .double: return .double
    case .string: return .string
    case .bytes: return .bytes
    case .list: return .list(.dyn)
    case .map, .record: return .map(key: .dyn, value: .dyn)
    case .timestamp: return .timestamp
    case .duration: return .duration
    case .type: return .type
    case .error: return .dyn
    }
  }
}

extension CELType {
  /// The type's CEL name, as `type(x)` prints and type identifiers spell it.
  public var celName: String {
    switch self {
    case .null: return "null_type"
    case .bool: return "bool"
    case .int: return "int"
    case .uint: return "uint"
    case .double: return "double"
    case .string: return "string"
    case .bytes: return "bytes"
    case .timestamp: return "google.protobuf.Timestamp"
    case .duration: return "google.protobuf.Duration"
    case .list: return "list"
    case .map, .record: return "map"
    case .type: return "type"
    case .dyn: return "dyn"
    case .number: return "number"
    }
  }

  /// The runtime type a type identifier names (`int`, `list`, `google.protobuf.Timestamp`).
  public static func named(_ name: String) -> CELType? {
    switch name {
    case "null_type": return .null
    case "bool": return .bool
    case "int": return .int
    case "uint": return .uint
    case "double": return .double
    case "string": return .string
    case "bytes": return .bytes
    case "list": return .list(.dyn)
    case "map": return .map(key: .dyn, value: .dyn)
    case "type": return .type
    case "dyn": return .dyn
    case "google.protobuf.Timestamp": return .timestamp
    case "google.protobuf.Duration": return .duration
    default: return nil
    }
  }
}
