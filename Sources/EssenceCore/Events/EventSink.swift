/// Where a reader puts what it reads: the run's `EventLog`, or one block's `PartialLog`.
protocol EventSink {
  /// Events accepted so far (the next event's `index`).
  var acceptedCount: Int { get }
  mutating func accept(_ event: consuming Event)
  mutating func reject(_ record: RejectedRecord)
}

extension EventLog: EventSink {
  var acceptedCount: Int { events.count }
  mutating func accept(_ event: consuming Event) { append(event) }
  mutating func reject(_ record: RejectedRecord) { rejected.append(record) }
}
