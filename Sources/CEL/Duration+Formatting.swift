/// A duration as CEL text: seconds with an optional fraction, then `s` (`5400s`, `1.5s`).
extension CELDuration {
  /// The text `duration()` accepts back, e.g. `-0.25s`.
  public var text: String {
    let negative = seconds < 0 || nanos < 0
    let wholeSeconds = seconds.magnitude
    let fraction = Int64(nanos.magnitude)
    var text = (negative ? "-" : "") + String(wholeSeconds)
    if fraction != 0 { text += "." + fractionDigits(fraction) }
    return text + "s"
  }
}
