#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A JSON text as `essence expr --event` reads it: as Foundation's `JSONSerialization` read it
/// before, which is not in FoundationEssentials (and `JSONDecoder`, which is, cannot tell `1`
/// from `1.0`).
///
/// RFC 8259 with `JSONSerialization`'s leniencies: a leading byte order mark, a comma before a
/// closing bracket or brace, and any value at the top; containers nest at most 512 deep, and a
/// key given twice keeps its last value. Numbers are typed as it typed them (``number(_:)``).
enum JSONValue: Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Text that is not JSON.
  struct Invalid: Error {}

  init(parsing text: String) throws(Invalid) {
    var bytes = Array(text.utf8)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var reader = JSONTextReader(bytes: bytes)
    self = try reader.value()
    reader.skipSpace()
    guard reader.atEnd else { throw Invalid() }
  }

  /// A number's text as `JSONSerialization` typed it: an integer when written without `.` or
  /// `e` (an `E` does not count) in at most 20 characters (19 with a minus) and within 64 bits,
  /// else a finite double. A double of more than 17 characters before its `e`, with an exponent
  /// of -128 to 127, is read as a `Decimal` and converted as Foundation converted one.
  static func number(_ text: String) -> JSONValue? {
    let e = text.firstIndex(of: "e")
    if e == nil && !text.contains(".") {
      if text.first == "-" {
        if text.count <= 19, let int = Int64(text) { return .int(int) }
      } else if text.count <= 20, let uint = UInt64(text) {
        return uint <= UInt64(Int64.max) ? .int(Int64(uint)) : .double(Double(uint))
      }
    }
    let exponent = e.flatMap { Int(text[text.index(after: $0)...]) } ?? 0
    if text[..<(e ?? text.endIndex)].count > 17, (-128...127).contains(exponent),
      let decimal = Decimal(string: text), decimal.isFinite
    {
      return .double(double(decimal))
    }
    guard let double = Double(text), double.isFinite else { return nil }
    return .double(double)
  }

  /// A decimal as Foundation's `NSDecimalNumber.doubleValue` gives it: its 128-bit mantissa
  /// gathered 16 bits at a time, then multiplied or divided by 10 once per power of ten. Not
  /// always the nearest double (`0.9168858326121546` gives `0.9168858326121547`), but what
  /// `JSONSerialization` read, so an event means what it meant.
  private static func double(_ decimal: Decimal) -> Double {
    let mantissa = UInt128(decimal.significand.description) ?? 0
    var value = 0.0
    for shift in stride(from: 112, through: 0, by: -16) {
      value = value * 65536 + Double(UInt16(truncatingIfNeeded: mantissa >> shift))
    }
    for _ in 0..<abs(decimal.exponent) {
      if decimal.exponent < 0 { value /= 10 } else { value *= 10 }
    }
    return decimal.sign == .minus ? -value : value
  }
}

/// Reads one JSON value after another from UTF-8 bytes.
private struct JSONTextReader {
  var bytes: ArraySlice<UInt8>
  /// How many arrays and objects the reader is in.
  var depth = 0

  var atEnd: Bool { bytes.isEmpty }

  mutating func skipSpace() {
    while let byte = bytes.first, " \t\n\r".utf8.contains(byte) {
      bytes.removeFirst()
    }
  }

  /// Takes `byte` if it comes next.
  mutating func take(_ byte: Unicode.Scalar) -> Bool {
    guard bytes.first == UInt8(ascii: byte) else { return false }
    bytes.removeFirst()
    return true
  }

  /// Takes `byte` if it comes next after white space.
  mutating func takeAfterSpace(_ byte: Unicode.Scalar) -> Bool {
    skipSpace()
    return take(byte)
  }

  mutating func value() throws(JSONValue.Invalid) -> JSONValue {
    skipSpace()
    guard let first = bytes.first else { throw JSONValue.Invalid() }
    switch first {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "["):
      let elements = try container(closedBy: "]") { reader throws(JSONValue.Invalid) in try reader.value() }
      return .array(elements)
    case UInt8(ascii: "{"):
      let members = try container(closedBy: "}") { reader throws(JSONValue.Invalid) in
        reader.skipSpace()
        let key = try reader.string()
        guard reader.takeAfterSpace(":") else { throw JSONValue.Invalid() }
        return (key, try reader.value())
      }
      return .object(Dictionary(members, uniquingKeysWith: { $1 }))
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw JSONValue.Invalid()
    }
  }

  /// The elements of an array or the members of an object, each read by `element`, up to the
  /// closing bracket or brace (a comma may come before it).
  mutating func container<Element>(
    closedBy close: Unicode.Scalar, _ element: (inout JSONTextReader) throws(JSONValue.Invalid) -> Element
  ) throws(JSONValue.Invalid) -> [Element] {
    bytes.removeFirst()
    guard depth < 512 else { throw JSONValue.Invalid() }
    depth += 1
    defer { depth -= 1 }
    var elements: [Element] = []
    if takeAfterSpace(close) { return elements }
    while true {
      elements.append(try element(&self))
      if takeAfterSpace(close) { return elements }
      guard take(",") else { throw JSONValue.Invalid() }
      if takeAfterSpace(close) { return elements }
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(JSONValue.Invalid) -> JSONValue {
    guard bytes.starts(with: word.utf8) else { throw JSONValue.Invalid() }
    bytes.removeFirst(word.utf8.count)
    return value
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, which white space, a comma, a closing
  /// bracket or brace, or the end must follow.
  mutating func number() throws(JSONValue.Invalid) -> JSONValue {
    let all = bytes
    _ = take("-")
    // A leading zero is the whole integer part.
    if !take("0") && skipDigits() == 0 { throw JSONValue.Invalid() }
    if take("."), skipDigits() == 0 { throw JSONValue.Invalid() }
    if take("e") || take("E") {
      if !take("+") { _ = take("-") }
      if skipDigits() == 0 { throw JSONValue.Invalid() }
    }
    if let next = bytes.first, !" \t\n\r,]}".utf8.contains(next) { throw JSONValue.Invalid() }
    guard let number = JSONValue.number(String(decoding: all[..<bytes.startIndex], as: UTF8.self)) else {
      throw JSONValue.Invalid()
    }
    return number
  }

  /// Skips ASCII digits; how many.
  mutating func skipDigits() -> Int {
    let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
    bytes.removeFirst(count)
    return count
  }

  /// A string, from its opening quote: no control characters unescaped, escapes as RFC 8259
  /// has them (a `\u` high surrogate only with a `\u` low one after it).
  mutating func string() throws(JSONValue.Invalid) -> String {
    guard bytes.first == UInt8(ascii: "\"") else { throw JSONValue.Invalid() }
    bytes.removeFirst()
    var out: [UInt8] = []
    while let byte = bytes.popFirst() {
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
      case 0..<0x20: throw JSONValue.Invalid()
      case UInt8(ascii: "\\"): out += try escape().utf8
      default: out.append(byte)
      }
    }
    throw JSONValue.Invalid()
  }

  /// The character an escape (after its backslash) stands for.
  mutating func escape() throws(JSONValue.Invalid) -> String {
    switch bytes.popFirst() {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      var code = try hex()
      if code & 0xFC00 == 0xD800 {
        guard bytes.popFirst() == UInt8(ascii: "\\"), bytes.popFirst() == UInt8(ascii: "u") else {
          throw JSONValue.Invalid()
        }
        let low = try hex()
        guard low & 0xFC00 == 0xDC00 else { throw JSONValue.Invalid() }
        code = 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00)
      }
      // A low surrogate alone is no scalar.
      guard let scalar = Unicode.Scalar(code) else { throw JSONValue.Invalid() }
      return String(scalar)
    default: throw JSONValue.Invalid()
    }
  }

  /// Four hex digits.
  mutating func hex() throws(JSONValue.Invalid) -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = bytes.popFirst(), let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
        throw JSONValue.Invalid()
      }
      code = code << 4 | UInt32(digit)
    }
    return code
  }
}
