/// An instant as RFC 3339 text in UTC, as CEL's `string(timestamp)` writes it.
extension Timestamp {
  /// `2009-02-13T23:31:30Z`, with a fraction only when there are nanoseconds, trailing zeros
  /// removed (Go's `RFC3339Nano`).
  public var rfc3339: String {
    let c = civil(offset: 0)
    var text = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) + ":"
    text += pad(c.minute, 2) + ":" + pad(c.second, 2)
    if nanos != 0 { text += "." + fractionDigits(Int64(nanos)) }
    return text + "Z"
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
