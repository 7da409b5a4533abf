/// Go-style duration text (`90s`, `1h30m`, `-1.5h`, `300ms`) to a CEL duration.
extension CELDuration {
  /// Parses a Go-style duration: an optional sign, then one or more decimal numbers each with a
  /// unit (`h`, `m`, `s`, `ms`, `us`, `µs`, `ns`); `0` alone is also allowed. Nil when the
  /// text is not one or the duration is out of range.
  public init?(text: String) {
    guard case .success(let duration) = Self.parse(text) else { return nil }
    self = duration
  }

  /// Parses Go-style duration text, saying why it failed.
  static func parse(_ text: String) -> Result<CELDuration, EvalError> {
    let bad = EvalError("duration '\(text)' is not a duration such as '90s', '10m' or '1h30m'")
    let range = EvalError("duration '\(text)' is out of range")
    var scalars = Array(text.unicodeScalars)[...]
    var negative = false
    if let first = scalars.first, first == "-" || first == "+" {
      negative = first == "-"
      scalars = scalars.dropFirst()
    }
    if scalars.count == 1, scalars.first == "0" { return .success(CELDuration(seconds: 0, nanos: 0)) }
    guard !scalars.isEmpty else { return .failure(bad) }
    var total: UInt64 = 0
    while !scalars.isEmpty {
      var whole: UInt64 = 0
      var sawDigits = false
      var overflow = false
      while let s = scalars.first, let d = s.digitValue {
        let (times, o1) = whole.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times.addingReportingOverflow(UInt64(d))
        overflow = overflow || o1 || o2
        whole = sum
        sawDigits = true
        scalars = scalars.dropFirst()
      }
      var fraction: UInt64 = 0
      var scale: Double = 1
      if scalars.first == "." {
        scalars = scalars.dropFirst()
        while let s = scalars.first, let d = s.digitValue {
          if scale < 1e18 {
            fraction = fraction * 10 + UInt64(d)
            scale *= 10
          }
          sawDigits = true
          scalars = scalars.dropFirst()
        }
      }
      guard sawDigits else { return .failure(bad) }
      var unitText = ""
      while let s = scalars.first, s != ".", s.digitValue == nil {
        unitText.unicodeScalars.append(s)
        scalars = scalars.dropFirst()
      }
      guard let unit = Self.units[unitText] else { return .failure(bad) }
      guard !overflow else { return .failure(range) }
      let (wholeNanos, o3) = whole.multipliedReportingOverflow(by: unit)
      let fractionNanos = UInt64(Double(fraction) * (Double(unit) / scale))
      let (withFraction, o4) = wholeNanos.addingReportingOverflow(fractionNanos)
      let (sum, o5) = total.addingReportingOverflow(withFraction)
      guard !(o3 || o4 || o5) else { return .failure(range) }
      total = sum
    }
    let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
    guard total <= limit else { return .failure(range) }
    let nanos = negative ? Int64(truncatingIfNeeded: 0 &- total) : Int64(total)
    return .success(CELDuration(totalNanos: nanos))
  }

  /// Nanoseconds per unit, as Go's `time.ParseDuration` names them.
  private static let units: [String: UInt64] = [
    "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000, "s": 1_000_000_000,
    "m": 60_000_000_000, "h": 3_600_000_000_000,
  ]
}

extension Unicode.Scalar {
  /// The value of an ASCII digit, or nil.
  fileprivate var digitValue: Int? {
    value >= 48 && value <= 57 ? Int(value - 48) : nil
  }
}
