import CEL

/// Where a reader puts what it reads: the run's `EventLog`, or one block's `PartialLog`.
protocol EventSink {
  /// Accepts a block of events: their records' storage, and each one's numbers and instant,
  /// in order.
  mutating func accept(storage: RecordStorage, numbers: [Event.Numbers], times: [Timestamp])
  mutating func reject(_ record: RejectedRecord)
}

extension EventLog: EventSink {
  mutating func accept(storage: RecordStorage, numbers: [Event.Numbers], times: [Timestamp]) {
    append(storage: storage, numbers: numbers, times: times)
  }

  mutating func reject(_ record: RejectedRecord) { rejected.append(record) }
}
