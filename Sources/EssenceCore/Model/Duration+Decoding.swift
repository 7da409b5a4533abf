import CEL

/// Go/CEL durations (`90s`, `10m`, `1h30m`, `1.5h`, `250ms`), as standards files write windows.
enum GoDuration {
  /// The duration in nanoseconds, or nil when the text is not a duration or overflows.
  ///
  /// CEL's `duration()` parser reads the text; a window is never negative, so a sign is
  /// refused here, where windows are decoded.
  static func nanoseconds(_ text: String) -> Int64? {
    guard let first = text.first, first != "-", first != "+" else { return nil }
    return CELDuration(text: text)?.totalNanos
  }
}
