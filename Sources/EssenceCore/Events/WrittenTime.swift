import CEL

/// An event's `time` exactly as the log wrote it, kept as its instant when the log wrote the
/// instant's own RFC 3339 form (UTC seconds, as most logs do).
///
/// Reports copy the time of every finding; `withUTF8` hands over its bytes without making a
/// String, which for a 20-byte time would take an allocation each.
struct WrittenTime {
  let instant: Timestamp
  /// The text, when it is not `instant.rfc3339`.
  let written: String?

  init(instant: Timestamp, text: String?) {
    self.instant = instant
    self.written = text
  }

  /// The time as written.
  var text: String { written ?? instant.rfc3339 }

  /// Calls `body` with the UTF-8 of the time as written.
  func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if var written { return written.withUTF8(body) }
    let length = Timestamp.wholeSecondsRFC3339Length
    let whole = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { bytes in
      instant.writeWholeSecondsRFC3339(into: bytes) ? body(UnsafeBufferPointer(rebasing: bytes[0..<length])) : nil
    }
    if let whole { return whole }
    var text = instant.rfc3339
    return text.withUTF8(body)
  }
}
