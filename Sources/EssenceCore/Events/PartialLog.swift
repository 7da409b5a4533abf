/// The events and rejections of one block of a log, parsed on one thread, waiting to be
/// joined to the run's log.
///
/// Events sit in storage of its own so joining can move them: appending an array's events
/// to another array copies each (retaining its storage, on threads that contend for that
/// count) and emptying the first releases them all again.
struct PartialLog: EventSink {
  private var storage: UnsafeMutablePointer<Event>
  private var capacity: Int
  private(set) var acceptedCount = 0
  private(set) var rejected: [RejectedRecord] = []

  init(capacity: Int = 1024) {
    self.capacity = max(1, capacity)
    storage = UnsafeMutablePointer<Event>.allocate(capacity: self.capacity)
  }

  mutating func accept(_ event: consuming Event) {
    if acceptedCount == capacity {
      let larger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: storage, count: acceptedCount)
      storage.deallocate()
      storage = larger
      capacity *= 2
    }
    (storage + acceptedCount).initialize(to: event)
    acceptedCount += 1
  }

  mutating func reject(_ record: RejectedRecord) { rejected.append(record) }

  /// Moves every event and rejection to the end of `log`, numbering the events on from the
  /// log's; leaves this log empty.
  mutating func move(into log: inout EventLog) {
    log.append(contentsOf: Moving(base: storage, count: acceptedCount, firstIndex: log.events.count))
    acceptedCount = 0
    log.rejected.append(contentsOf: rejected)
    rejected.removeAll(keepingCapacity: true)
  }

  /// Frees the storage, with any events not moved out.
  func deallocate() {
    storage.deinitialize(count: acceptedCount)
    storage.deallocate()
  }

  /// The events of a partial log, each moved out as it is read, its `index` set.
  private struct Moving: Sequence, IteratorProtocol {
    let base: UnsafeMutablePointer<Event>
    let count: Int
    let firstIndex: Int
    var i = 0

    var underestimatedCount: Int { count - i }

    mutating func next() -> Event? {
      guard i < count else { return nil }
      var event = (base + i).move()
      event.index = firstIndex + i
      i += 1
      return event
    }
  }
}
