import CEL

/// Parses the `time` of each record of a log, given as UTF-8, from what the time before it
/// parsed to where it can.
///
/// Logs are written in time order up to small shuffles. Many records share a second with the
/// record before (38% of the benchmark's), which costs a compare of the time's words; nearly
/// all share its day, and a time written as `Timestamp.rfc3339` writes it
/// (`2026-11-02T08:08:54Z`) then costs reading its hours, minutes and seconds. Parsing a time in
/// full cost more than interning the rest of its record's strings.
struct TimeMemo {
  /// The last time parsed: its length and words, its instant, whether it was canonical.
  private var count = 0
  private var words = Words(0, 0, 0, 0, 0)
  private var instant: Timestamp?
  private var canonical = false
  /// The instant the last time's day began, when that time was canonical.
  private var dayStart: Int64?

  /// The instant of a `time` given as UTF-8 (nil when it is not RFC 3339), and whether
  /// `Timestamp.rfc3339` writes that instant as these bytes, so they need not be kept.
  mutating func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> (Timestamp?, canonical: Bool) {
    guard let words = Words(utf8) else { return Self.parseInFull(utf8) }
    if utf8.count == count, words == self.words { return (instant, canonical) }
    let previous = self.words
    (count, self.words) = (utf8.count, words)
    if let dayStart, utf8.count == Timestamp.wholeSecondsRFC3339Length, words.sameDate(as: previous),
      let second = Self.secondOfDay(utf8)
    {
      // The last time's day, which `dayStart` keeps.
      (instant, canonical) = (Timestamp(seconds: dayStart + second, nanos: 0), true)
    } else {
      (instant, canonical) = Self.parseInFull(utf8)
      dayStart = canonical ? instant.map { $0.seconds - Self.floorModulo($0.seconds, 86_400) } : nil
    }
    return (instant, canonical)
  }

  private static func parseInFull(_ utf8: UnsafeBufferPointer<UInt8>) -> (Timestamp?, canonical: Bool) {
    let parsed = Timestamp(rfc3339: utf8)
    return (parsed, parsed.map { Event.isCanonical(utf8, $0) } ?? false)
  }

  /// The second of the day of a canonical time (`YYYY-MM-DDTHH:MM:SSZ`, 20 bytes) whose date
  /// is known to be valid: its `HH:MM:SSZ` read and checked as the full parse checks them (no
  /// leap second); nil when they are anything else.
  private static func secondOfDay(_ utf8: UnsafeBufferPointer<UInt8>) -> Int64? {
    func number(_ at: Int) -> Int64? {
      let (tens, ones) = (utf8[at] &- UInt8(ascii: "0"), utf8[at + 1] &- UInt8(ascii: "0"))
      return tens <= 9 && ones <= 9 ? Int64(tens) * 10 + Int64(ones) : nil
    }
    guard utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "Z"),
      let hour = number(11), let minute = number(14), let second = number(17),
      hour <= 23, minute <= 59, second <= 59
    else { return nil }
    return hour * 3600 + minute * 60 + second
  }

  private static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
  }

  /// UTF-8 of 8 to 40 bytes (RFC 3339 times are 20 to 35) as its words at 0, 8, 16 and 24
  /// and its last 8 bytes, each word cut back to end with the bytes: of equal counts, equal
  /// words are equal bytes.
  private struct Words: Equatable {
    var w0, w1, w2, w3, last: UInt64

    init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64, _ last: UInt64) {
      (self.w0, self.w1, self.w2, self.w3, self.last) = (w0, w1, w2, w3, last)
    }

    /// The words of `utf8`; nil when it is not 8 to 40 bytes.
    init?(_ utf8: UnsafeBufferPointer<UInt8>) {
      guard utf8.count >= 8, utf8.count <= 40, let base = utf8.baseAddress else { return nil }
      let bytes = UnsafeRawPointer(base)
      let end = utf8.count - 8
      func word(_ at: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: min(at, end), as: UInt64.self) }
      self.init(word(0), word(8), word(16), word(24), word(end))
    }

    /// Whether the first 11 bytes (`YYYY-MM-DDT`) are the same, of two times of 19 bytes or
    /// more: `w0` holds bytes 0 to 7 and `w1` bytes 8 to 10 first.
    func sameDate(as other: Words) -> Bool {
      w0 == other.w0 && (w1 ^ other.w1).littleEndian & 0xFF_FFFF == 0
    }
  }
}
