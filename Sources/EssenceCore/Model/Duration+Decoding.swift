/// Go/CEL durations (`90s`, `10m`, `1h30m`, `1.5h`, `250ms`), as standards files write windows.
enum GoDuration {
  private static let units: [(suffix: String, nanos: Int64)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
    ("m", 60_000_000_000), ("h", 3_600_000_000_000),
  ]

  /// The duration in nanoseconds, or nil when the text is not a duration or overflows.
  ///
  /// Windows are never negative, so no sign is allowed; fractions are truncated to the
  /// nanosecond.
  static func nanoseconds(_ text: String) -> Int64? {
    var rest = Substring(text)
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { return nil }
    var total: Int64 = 0
    while !rest.isEmpty {
      let whole = rest.prefix { $0.isASCII && $0.isNumber }
      rest = rest.dropFirst(whole.count)
      var fraction = Substring("")
      if rest.first == "." {
        rest = rest.dropFirst()
        fraction = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(fraction.count)
      }
      guard !(whole.isEmpty && fraction.isEmpty),
        let unit = units.filter({ rest.hasPrefix($0.suffix) }).max(by: { $0.suffix.count < $1.suffix.count })
      else { return nil }
      rest = rest.dropFirst(unit.suffix.count)
      guard let part = amount(whole: whole, fraction: fraction, unit: unit.nanos) else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(part)
      guard !overflow else { return nil }
      total = sum
    }
    return total
  }

  /// `whole.fraction × unit`, truncated to whole nanoseconds.
  private static func amount(whole: Substring, fraction: Substring, unit: Int64) -> Int64? {
    guard let w = whole.isEmpty ? 0 : Int64(whole) else { return nil }
    let (base, overflow) = w.multipliedReportingOverflow(by: unit)
    guard !overflow else { return nil }
    var extra: Int64 = 0
    var scale = unit
    for digit in fraction {
      scale /= 10
      if scale == 0 { break }
      extra += Int64(digit.wholeNumberValue ?? 0) * scale
    }
    return base + extra
  }
}
