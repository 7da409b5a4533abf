import CEL

/// An event as judging reads it: its position, instant, numbers, and its block's storage
/// without a counted reference.
///
/// Judging makes one for each event of the log and hands it down through every rule that
/// applies, and reports make one for each finding's line; an `Event` counted a reference to its
/// storage when it was made and again whenever it was copied, and a count is a locked
/// instruction that waits for the memory reads before it (judging waits on the key tables'
/// misses). Valid only while its storage is held by someone else: the block being judged or
/// reported, or the `Event` it was made from.
struct JudgedEvent {
  /// Position in input order over all logs of the run.
  let index: Int
  let time: Timestamp
  private let storage: Unmanaged<RecordStorage>
  private let numbers: Event.Numbers

  /// Event `position` of the log, one of `block`'s, whose instant is `time`; valid while the
  /// block is held.
  init(block: HeldBlock, position: Int, time: Timestamp) {
    index = position
    self.time = time
    storage = .passUnretained(block.storage)
    numbers = block.numbers[position - block.first]
  }

  /// `event`, valid while `event` lives.
  init(_ event: borrowing Event) {
    index = event.index
    time = event.time
    storage = .passUnretained(event.storage)
    numbers = event.numbers
  }

  /// The event's fields, as CEL's `event` sees them (the record counts a reference).
  var record: Record { Record(storage: storage.takeUnretainedValue(), row: numbers.row) }

  /// The variables of a condition over this event alone, as judging binds them.
  var activation: Activation { Activation(values: [.record(record)]) }

  /// The id, type and written time, read in place (see ``EventTexts``).
  var texts: EventTexts {
    EventTexts(
      storage: storage.takeUnretainedValue(), id: numbers.id, type: numbers.type, writtenTime: numbers.writtenTime,
      instant: time)
  }

  /// Makes the event's record `activation`'s variable 0 without counting a reference to its
  /// storage (see `Activation.lend`): valid while this event is.
  func lend(to activation: inout Activation) {
    storage._withUnsafeGuaranteedRef { activation.lend($0, row: numbers.row) }
  }

  /// The event's id, or `<path>:<line>` when the log gave none.
  var id: String { storage._withUnsafeGuaranteedRef { $0.string(numbers.id) } }

  /// Calls `body` with the storage (not counted) and the row of the event's record.
  func withRow<R>(_ body: (RecordStorage, UInt32) -> R) -> R {
    storage._withUnsafeGuaranteedRef { body($0, numbers.row) }
  }
}
