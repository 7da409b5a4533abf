/// RFC 3339 text to an instant, by CEL's and the shift logs' rules.
extension Timestamp {
  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: `T` and `Z` in either case, an offset
  /// required, a real calendar date, no leap second, a fraction of any length cut to
  /// nanoseconds, and the UTC instant within years 0001-9999. Nil otherwise.
  public init?(rfc3339 text: String) {
    guard case .success(let timestamp) = Self.parse(text) else { return nil }
    self = timestamp
  }

  /// Parses RFC 3339 text, saying why it failed: a bad format, or an instant out of range.
  static func parse(_ text: String) -> Result<Timestamp, EvalError> {
    let bytes = Array(text.utf8)
    var reader = DigitReader(bytes: bytes)
    let bad = EvalError("timestamp '\(text)' is not RFC 3339 text such as '2026-11-21T13:05:00Z'")
    guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
      let day = reader.number(2), reader.skip("T") || reader.skip("t"),
      let hour = reader.number(2), reader.skip(":"), let minute = reader.number(2), reader.skip(":"),
      let second = reader.number(2)
    else {
      if bytes.count > 4, bytes[4] != UInt8(ascii: "-"), bytes.prefix(5).allSatisfy({ $0 >= 48 && $0 <= 57 }) {
        return .failure(EvalError("timestamp '\(text)' is out of range (years 0001-9999)"))
      }
      return .failure(bad)
    }
    var nanos: Int64 = 0
    if reader.skip(".") {
      var digits = 0
      while let digit = reader.digit() {
        if digits < 9 { nanos = nanos * 10 + digit }
        digits += 1
      }
      guard digits > 0 else { return .failure(bad) }
      for _ in digits..<max(digits, 9) { nanos *= 10 }
    }
    var offset: Int64 = 0
    if !(reader.skip("Z") || reader.skip("z")) {
      let sign: Int64
      if reader.skip("+") {
        sign = 1
      } else if reader.skip("-") {
        sign = -1
      } else {
        return .failure(bad)
      }
      guard let hours = reader.number(2), reader.skip(":"), let minutes = reader.number(2), hours < 24, minutes < 60
      else { return .failure(bad) }
      offset = sign * (hours * 3600 + minutes * 60)
    }
    guard reader.atEnd, month >= 1, month <= 12, day >= 1, day <= Self.daysInMonth(year: year, month: month),
      hour < 24, minute < 60, second < 60
    else { return .failure(bad) }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    let timestamp = Timestamp(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos: Int32(nanos))
    guard timestamp.isInRange else {
      return .failure(EvalError("timestamp '\(text)' is out of range (years 0001-9999)"))
    }
    return .success(timestamp)
  }
}

/// Reads ASCII digits and punctuation off the front of UTF-8 bytes.
struct DigitReader {
  let bytes: [UInt8]
  var position = 0

  var atEnd: Bool { position == bytes.count }

  /// Reads one digit.
  mutating func digit() -> Int64? {
    guard position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 else { return nil }
    position += 1
    return Int64(bytes[position - 1] - 48)
  }

  /// Reads exactly `count` digits as a number.
  mutating func number(_ count: Int) -> Int64? {
    var value: Int64 = 0
    for _ in 0..<count {
      guard let d = digit() else { return nil }
      value = value * 10 + d
    }
    return value
  }

  /// Skips one expected ASCII character; false when it is not next.
  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }
}
