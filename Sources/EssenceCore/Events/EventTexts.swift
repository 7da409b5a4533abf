import CEL

/// An event's id, type and written time, read in place from its block's storage,
/// which it does not retain.
///
/// Reports write a line per finding, hundreds of thousands of them: copying the event (a
/// reference count) or making its strings (a count or an allocation each) cost more than
/// writing the line. (The employee is written from the run's numbered names, ``NameBytes``.)
/// Valid only while the event's storage lives, which the run's events ensure for as long as
/// its findings are read.
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
    guard writtenTime != Event.canonicalTime else { return WrittenTime(instant: instant, text: nil).withUTF8(body) }
    return text(writtenTime, body)
  }

  @inline(__always)
  private func text<R>(_ number: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    storage._withUnsafeGuaranteedRef { $0.withUTF8(number, body) }
  }
}
