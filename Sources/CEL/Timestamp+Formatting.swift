/// An instant as RFC 3339 text in UTC, as CEL's `string(timestamp)` writes it.
extension Timestamp {
  /// `2009-02-13T23:31:30Z`, with a fraction only when there are nanoseconds, trailing zeros
  /// removed (Go's `RFC3339Nano`).
  public var rfc3339: String {
    let c = civil(offset: 0)
    let fraction = nanos != 0 ? Array(("." + fractionDigits(Int64(nanos))).utf8) : []
    guard (0...9999).contains(c.year) else {
      let date = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
      let time = pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2)
      return date + "T" + time + String(decoding: fraction, as: UTF8.self) + "Z"
    }
    // Reports write one of these per finding, so the text is written as bytes, at once.
    return String(unsafeUninitializedCapacity: 20 + fraction.count) { bytes in
      Self.writeSeconds(c, into: bytes)
      for (k, byte) in fraction.enumerated() { bytes[19 + k] = byte }
      bytes[19 + fraction.count] = UInt8(ascii: "Z")
      return 20 + fraction.count
    }
  }

  /// The length of `rfc3339` for whole UTC seconds within years 0-9999 (`2009-02-13T23:31:30Z`).
  public static let wholeSecondsRFC3339Length = 20

  /// Writes `rfc3339`'s UTF-8 into the first `wholeSecondsRFC3339Length` bytes of `bytes` when
  /// the instant is whole UTC seconds within years 0-9999, else writes nothing and returns
  /// false: a report can copy the time of a million findings without making a String of each.
  /// Not generic over what the caller does with the bytes, so a caller in another module calls
  /// it without looking up generic metadata on every finding.
  public func writeWholeSecondsRFC3339(into bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    let c = civil(offset: 0)
    guard nanos == 0, (0...9999).contains(c.year), bytes.count >= Self.wholeSecondsRFC3339Length else {
      return false
    }
    Self.writeSeconds(c, into: bytes)
    bytes[19] = UInt8(ascii: "Z")
    return true
  }

  /// Writes `YYYY-MM-DDTHH:MM:SS` (19 bytes) of a date whose year has at most 4 digits, two
  /// digits at a time.
  private static func writeSeconds(_ c: Civil, into bytes: UnsafeMutableBufferPointer<UInt8>) {
    func pair(_ value: Int64, at: Int) {
      let value = UInt8(truncatingIfNeeded: value)
      (bytes[at], bytes[at + 1]) = (UInt8(ascii: "0") + value / 10, UInt8(ascii: "0") + value % 10)
    }
    pair(c.year / 100, at: 0)
    pair(c.year % 100, at: 2)
    pair(c.month, at: 5)
    pair(c.day, at: 8)
    pair(c.hour, at: 11)
    pair(c.minute, at: 14)
    pair(c.second, at: 17)
    (bytes[4], bytes[7], bytes[10]) = (UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: "T"))
    (bytes[13], bytes[16]) = (UInt8(ascii: ":"), UInt8(ascii: ":"))
  }
}

/// A non-negative number with leading zeros up to `width` digits.
func pad(_ value: Int64, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Nanoseconds (1...999_999_999) as fraction digits without trailing zeros: 500_000_000 → "5".
func fractionDigits(_ nanos: Int64) -> String {
  var text = pad(nanos, 9)
  while text.last == "0" { text.removeLast() }
  return text
}
