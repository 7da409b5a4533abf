/// Durations as whole nanoseconds: CEL durations are bounded by int64 nanoseconds (about 292
/// years), as cel-go's are, so every duration fits one `Int64`.
extension CELDuration {
  /// Creates a duration of a number of nanoseconds.
  public init(totalNanos: Int64) {
    self.init(seconds: totalNanos / 1_000_000_000, nanos: Int32(totalNanos % 1_000_000_000))
  }

  /// The duration in nanoseconds, or nil when it does not fit in an `Int64`.
  public var totalNanos: Int64? {
    let (scaled, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    let (sum, o2) = scaled.addingReportingOverflow(Int64(nanos))
    return o1 || o2 ? nil : sum
  }

  /// A duration from nanoseconds, or a range error value when the arithmetic overflowed.
  static func checked(_ nanos: Int64, overflow: Bool) -> Value {
    overflow ? .error(EvalError("duration out of range")) : .duration(CELDuration(totalNanos: nanos))
  }
}

extension Timestamp {
  /// The instant `nanos` nanoseconds later, or a range error value when outside years 0001-9999.
  func adding(nanos: Int64) -> Value {
    let total = Int64(self.nanos) + nanos % 1_000_000_000
    // Wrapping is safe: a result that wrapped lies far outside the range checked below.
    let seconds = self.seconds &+ nanos / 1_000_000_000 &+ floorDiv(total, 1_000_000_000)
    let result = Timestamp(seconds: seconds, nanos: Int32(total - floorDiv(total, 1_000_000_000) * 1_000_000_000))
    return result.isInRange ? .timestamp(result) : .error(EvalError("timestamp out of range"))
  }

  /// The nanoseconds from `other` to this instant, or a range error value when they do not fit.
  func nanos(since other: Timestamp) -> Value {
    let (seconds, o1) = self.seconds.subtractingReportingOverflow(other.seconds)
    let (scaled, o2) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    let (total, o3) = scaled.addingReportingOverflow(Int64(nanos) - Int64(other.nanos))
    return CELDuration.checked(total, overflow: o1 || o2 || o3)
  }
}
