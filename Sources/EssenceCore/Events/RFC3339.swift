import CEL

/// Parses the event times of shift logs: RFC 3339 only (SPEC §7).
///
/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`: `T`/`t` and `Z`/`z` both accepted, a space
/// instead of `T` is not, the offset is required, the date must exist, no leap second
/// (`:60`), `-00:00` is UTC, a fraction of any length is cut to nanoseconds, and the UTC
/// instant must lie in CEL's 0001-01-01…9999-12-31 range. Written over bytes because every
/// event of a log passes through it.
public enum RFC3339 {
  /// Seconds from the epoch to 0001-01-01T00:00:00Z.
  static let minSeconds: Int64 = -62_135_596_800
  /// Seconds from the epoch to 9999-12-31T23:59:59Z.
  static let maxSeconds: Int64 = 253_402_300_799

  /// The instant `text` names, or nil when it is not an RFC 3339 time in range.
  public static func parse(_ text: String) -> Timestamp? {
    if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) {
      return parsed
    }
    return parse(utf8: Array(text.utf8))
  }

  /// The instant the UTF-8 bytes name, or nil.
  public static func parse<Bytes: RandomAccessCollection>(utf8 b: Bytes) -> Timestamp?
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
    guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
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

    let seconds =
      daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
      + second - offset
    guard seconds >= minSeconds, seconds <= maxSeconds else { return nil }
    return Timestamp(seconds: seconds, nanos: Int32(nanos))
  }

  private static func digit(_ byte: UInt8) -> Int64? {
    byte >= 0x30 && byte <= 0x39 ? Int64(byte &- 0x30) : nil
  }

  private static func digits<Bytes: RandomAccessCollection>(_ b: Bytes, _ at: Int, _ count: Int)
    -> Int64?
  where Bytes.Element == UInt8, Bytes.Index == Int {
    guard at + count <= b.endIndex else { return nil }
    var value: Int64 = 0
    for i in at..<(at + count) {
      guard let d = digit(b[i]) else { return nil }
      value = value * 10 + d
    }
    return value
  }

  private static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
