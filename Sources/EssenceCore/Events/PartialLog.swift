import CEL

/// The events and rejections of one block of a log, parsed on one thread, waiting to be
/// joined to the run's log.
///
/// Events are kept as readers hand them over, a storage and each event's numbers and instant:
/// joining moves the arrays to the log without making, counting or destroying an `Event`.
struct PartialLog: EventSink {
  private var blocks: [(storage: RecordStorage, numbers: [Event.Numbers], times: [Timestamp])] = []
  private(set) var rejected: [RejectedRecord] = []

  /// Events accepted so far.
  var acceptedCount: Int { blocks.reduce(0) { $0 + $1.numbers.count } }

  mutating func accept(storage: RecordStorage, numbers: [Event.Numbers], times: [Timestamp]) {
    blocks.append((storage, numbers, times))
  }

  mutating func reject(_ record: RejectedRecord) { rejected.append(record) }

  /// Moves every event and rejection to the end of `log`; leaves this log empty.
  mutating func move(into log: inout EventLog) {
    for block in blocks { log.append(storage: block.storage, numbers: block.numbers, times: block.times) }
    blocks.removeAll(keepingCapacity: true)
    log.rejected.append(contentsOf: rejected)
    rejected.removeAll(keepingCapacity: true)
  }
}
