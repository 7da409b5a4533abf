import CEL

/// An event's id, type and written time, read in place from its block's storage, which it
/// does not retain.
///
/// Reports write a line per finding, hundreds of thousands of them: copying the event (a
/// reference count) or making its strings (a count or an allocation each) cost more than
/// writing the line. (The employee is written from the run's numbered names, ``NameBytes``.)
/// Valid only while the event it was read from lives: a large log's blocks are let go and
/// read back as judging and reports need them (``EventStore``), so the caller holds the event.
struct EventTexts {
  private let storage: Unmanaged<RecordStorage>
  private let id: UInt32
  private let type: UInt32
  /// `Event.canonicalTime` when the time was written as `instant.rfc3339`.
  private let writtenTime: UInt32
  private let instant: Timestamp

  init(storage: RecordStorage, id: UInt32, type: UInt32, writtenTime: UInt32, instant: Timestamp) {
    self.storage = .passUnretained(storage)
    self.id = id
    self.type = type
    self.writtenTime = writtenTime
    self.instant = instant
  }

  /// Calls `body` with the UTF-8 of the event's id (or `<path>:<line>`).
  @inline(__always)
  func withID<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { text(id, body) }

  /// Calls `body` with the UTF-8 of the event's type.
  @inline(__always)
  func withType<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { text(type, body) }

  /// Calls `body` with the UTF-8 of the event's `time` exactly as written.
  @inline(__always)
  func withTime<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard writtenTime == Event.canonicalTime else { return text(writtenTime, body) }
    // Written back from the instant, on the stack: a 20-byte String would be an allocation.
    let length = Timestamp.wholeSecondsRFC3339Length
    let whole = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { bytes in
      instant.writeWholeSecondsRFC3339(into: bytes) ? body(UnsafeBufferPointer(rebasing: bytes[0..<length])) : nil
    }
    if let whole { return whole }
    var text = instant.rfc3339
    return text.withUTF8(body)
  }

  @inline(__always)
  private func text<R>(_ number: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    storage._withUnsafeGuaranteedRef { $0.withUTF8(number, body) }
  }
}
