/// CEL's type conversion functions, with cel-spec's range and format rules.
extension Value {
  /// `int(x)`: from uint (up to int64's max), double (truncated, in range), string (decimal),
  /// timestamp (seconds since the epoch), duration (nanoseconds).
  static func toInt(_ v: Value) -> Value {
    switch v {
    case .int: return v
    case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : rangeError("int", v)
    case .double(let d):
      // int64's range as doubles is [-2^63, 2^63); cel-go also refuses -2^63 itself.
      guard d.isFinite, d > -0x1p63, d < 0x1p63 else { return rangeError("int", v) }
      return .int(Int64(d.rounded(.towardZero)))
    case .string(let s): return Int64(s).map(Value.int) ?? formatError("int", s)
    case .timestamp(let t): return .int(t.seconds)
    case .duration(let d): return d.totalNanos.map(Value.int) ?? rangeError("int", v)
    default: return noOverload("int", v)
    }
  }

  /// `uint(x)`: from int (non-negative), double (truncated, in range), string (decimal).
  static func toUInt(_ v: Value) -> Value {
    switch v {
    case .uint: return v
    case .int(let i): return i >= 0 ? .uint(UInt64(i)) : rangeError("uint", v)
    case .double(let d):
      guard d.isFinite, d > -1, d < 0x1p64 else { return rangeError("uint", v) }
      return .uint(UInt64(d.rounded(.towardZero)))
    case .string(let s): return UInt64(s).map(Value.uint) ?? formatError("uint", s)
    default: return noOverload("uint", v)
    }
  }

  /// `double(x)`: from int, uint and string (decimal or exponent form, `NaN`, `Infinity`).
  static func toDouble(_ v: Value) -> Value {
    switch v {
    case .double: return v
    case .int(let i): return .double(Double(i))
    case .uint(let u): return .double(Double(u))
    case .string(let s):
      guard let d = Double(s) else { return formatError("double", s) }
      // Out-of-range text such as "1e400" is an error, as in Go; "Infinity" itself is not.
      if d.isInfinite, !s.lowercased().hasSuffix("inf"), !s.lowercased().hasSuffix("infinity") {
        return rangeError("double", .string(s))
      }
      return .double(d)
    default: return noOverload("double", v)
    }
  }

  /// `string(x)`: numbers, bools, UTF-8 bytes, timestamps (RFC 3339) and durations (`1.5s`).
  static func toString(_ v: Value) -> Value {
    switch v {
    case .string: return v
    case .int(let i): return .string(String(i))
    case .uint(let u): return .string(String(u))
    case .double(let d): return .string(goFormat(d))
    case .bool(let b): return .string(b ? "true" : "false")
    case .bytes(let b):
      guard let s = String(validating: b, as: UTF8.self) else {
        return .error(EvalError("bytes are not valid UTF-8 text"))
      }
      return .string(s)
    case .timestamp(let t): return .string(t.rfc3339)
    case .duration(let d): return .string(d.text)
    default: return noOverload("string", v)
    }
  }

  /// `bytes(x)`: a string's UTF-8 encoding.
  static func toBytes(_ v: Value) -> Value {
    switch v {
    case .bytes: return v
    case .string(let s): return .bytes(Array(s.utf8))
    default: return noOverload("bytes", v)
    }
  }

  /// `bool(x)`: from the strings Go's `strconv.ParseBool` accepts (`true`, `t`, `1`, `FALSE`, ...).
  static func toBool(_ v: Value) -> Value {
    switch v {
    case .bool: return v
    case .string(let s):
      switch s {
      case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
      case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
      default: return formatError("bool", s)
      }
    default: return noOverload("bool", v)
    }
  }

  /// `duration(x)`: from Go-style text such as `1h30m`.
  static func toDuration(_ v: Value) -> Value {
    switch v {
    case .duration: return v
    case .string(let s):
      switch CELDuration.parse(s) {
      case .success(let d): return .duration(d)
      case .failure(let e): return .error(e)
      }
    default: return noOverload("duration", v)
    }
  }

  /// `timestamp(x)`: from RFC 3339 text, or seconds since the epoch.
  static func toTimestamp(_ v: Value) -> Value {
    switch v {
    case .timestamp: return v
    case .string(let s):
      switch Timestamp.parse(s) {
      case .success(let t): return .timestamp(t)
      case .failure(let e): return .error(e)
      }
    case .int(let seconds):
      let t = Timestamp(seconds: seconds, nanos: 0)
      return t.isInRange ? .timestamp(t) : .error(EvalError("timestamp out of range"))
    default: return noOverload("timestamp", v)
    }
  }

  private static func rangeError(_ function: String, _ v: Value) -> Value {
    .error(EvalError("\(v) is out of range for '\(function)'"))
  }

  private static func formatError(_ function: String, _ s: String) -> Value {
    .error(EvalError("cannot convert \(quoted(s)) to '\(function)'"))
  }

  /// A double as Go's `%g` writes it (cel-go's `string(double)`): the shortest digits that
  /// read back exactly, in exponent form when the decimal exponent is below -4 or above 5.
  static func goFormat(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description gives the shortest round-trip digits; take them apart.
    let text = String(d.magnitude)
    let mantissa: Substring
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    } else {
      mantissa = text[...]
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    var digits = String(integer + fraction)
    var pointAt = integer.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      pointAt -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    let decimalExponent = pointAt - 1
    if decimalExponent < -4 || decimalExponent >= 6 {
      let rest = digits.dropFirst()
      let e = abs(decimalExponent)
      return sign + String(digits.prefix(1)) + (rest.isEmpty ? "" : "." + rest) + "e"
        + (decimalExponent < 0 ? "-" : "+")
        + (e < 10 ? "0" : "") + String(e)
    }
    if pointAt <= 0 { return sign + "0." + String(repeating: "0", count: -pointAt) + digits }
    if pointAt >= digits.count { return sign + digits + String(repeating: "0", count: pointAt - digits.count) }
    let split = digits.index(digits.startIndex, offsetBy: pointAt)
    return sign + digits[..<split] + "." + digits[split...]
  }
}
