/// RFC 3339 text to an instant, by CEL's and the shift logs' rules.
extension Timestamp {
  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: `T` and `Z` in either case, an offset
  /// required, a real calendar date, no leap second, a fraction of any length cut to
  /// nanoseconds, and the UTC instant within years 0001-9999. Nil otherwise.
  public init?(rfc3339 text: String) {
    let parsed = Value.withUTF8(text) { Self.instant(rfc3339: $0) }
    guard let parsed, parsed.isInRange else { return nil }
    self = parsed
  }

  /// Parses RFC 3339 UTF-8 bytes by the same rules, without making a String: log readers
  /// parse every event's time.
  public init?(rfc3339 utf8: UnsafeBufferPointer<UInt8>) {
    guard let parsed = Self.instant(rfc3339: utf8), parsed.isInRange else { return nil }
    self = parsed
  }

  /// Parses RFC 3339 text, saying why it failed: a bad format, or an instant out of range.
  static func parse(_ text: String) -> Result<Timestamp, EvalError> {
    let bytes = Array(text.utf8)
    guard let timestamp = instant(rfc3339: bytes) else {
      if bytes.count > 4, bytes[4] != UInt8(ascii: "-"), bytes.prefix(5).allSatisfy({ $0 >= 48 && $0 <= 57 }) {
        return .failure(EvalError("timestamp '\(text)' is out of range (years 0001-9999)"))
      }
      return .failure(EvalError("timestamp '\(text)' is not RFC 3339 text such as '2026-11-21T13:05:00Z'"))
    }
    guard timestamp.isInRange else {
      return .failure(EvalError("timestamp '\(text)' is out of range (years 0001-9999)"))
    }
    return .success(timestamp)
  }

  /// The instant RFC 3339 UTF-8 bytes name, not yet checked against CEL's range; nil when the
  /// bytes are not RFC 3339. Written over bytes, allocating nothing: every event of a shift
  /// log passes through it.
  static func instant<Bytes: RandomAccessCollection>(rfc3339 b: Bytes) -> Timestamp?
  where Bytes.Element == UInt8, Bytes.Index == Int {
    let s = b.startIndex
    guard b.count >= 20 else { return nil }
    guard let year = digits(b, s, 4), b[s + 4] == UInt8(ascii: "-"),
      let month = digits(b, s + 5, 2), b[s + 7] == UInt8(ascii: "-"),
      let day = digits(b, s + 8, 2), b[s + 10] | 0x20 == UInt8(ascii: "t"),
      let hour = digits(b, s + 11, 2), b[s + 13] == UInt8(ascii: ":"),
      let minute = digits(b, s + 14, 2), b[s + 16] == UInt8(ascii: ":"),
      let second = digits(b, s + 17, 2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
      hour <= 23, minute <= 59, second <= 59
    else { return nil }

    var i = s + 19
    var nanos: Int64 = 0
    if b[i] == UInt8(ascii: ".") {
      i += 1
      var count = 0
      while i < b.endIndex, let d = digit(b[i]) {
        if count < 9 { nanos = nanos * 10 + d }
        count += 1
        i += 1
      }
      guard count > 0 else { return nil }
      for _ in count..<max(count, 9) { nanos *= 10 }
    }
    guard i < b.endIndex else { return nil }
    var offset: Int64 = 0
    if b[i] | 0x20 == UInt8(ascii: "z") {
      i += 1
    } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
      guard b.endIndex - i == 6, let oh = digits(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
        let om = digits(b, i + 4, 2), oh <= 23, om <= 59
      else { return nil }
      offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
      i += 6
    } else {
      return nil
    }
    guard i == b.endIndex else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    return Timestamp(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos: Int32(nanos))
  }

  private static func digit(_ byte: UInt8) -> Int64? {
    byte >= 0x30 && byte <= 0x39 ? Int64(byte &- 0x30) : nil
  }

  /// Exactly `count` ASCII digits at `at`, as a number.
  private static func digits<Bytes: RandomAccessCollection>(_ b: Bytes, _ at: Int, _ count: Int) -> Int64?
  where Bytes.Element == UInt8, Bytes.Index == Int {
    guard at + count <= b.endIndex else { return nil }
    var value: Int64 = 0
    for i in at..<(at + count) {
      guard let d = digit(b[i]) else { return nil }
      value = value * 10 + d
    }
    return value
  }
}
