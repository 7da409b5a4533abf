import CEL

/// One accepted record of a shift log.
///
/// An event is its instant, its block's storage, and where it is in that storage (its row,
/// and the numbers of its id, type, employee and written time among the storage's strings,
/// which keeps each distinct string of a block once). A log does not keep `Event`s: it keeps
/// each block's storage and numbers, and every event's time, and makes an event when one is
/// read (``EventList``). A storage's string 0 is the path its rows were read from.
public struct Event: Sendable {
  /// The instant of `time`.
  public let time: Timestamp
  private let storedIndex: Int32
  /// The storage of the event's block: its record's rows and strings.
  let storage: RecordStorage
  /// Where the event is in `storage`, and its line.
  let numbers: Numbers

  /// Where an event is in its block's storage, and its line: what a block keeps of each of its
  /// events beside the storage (readers hand blocks over so, and ``EventStore`` writes them
  /// out so); the time and index are the log's.
  struct Numbers: Sendable {
    /// The row of the event's record.
    let row: UInt32
    let line: Int32
    /// The numbers of the id, type and employee among the storage's strings.
    let id: UInt32
    let type: UInt32
    let employee: UInt32
    /// `time` as written, or `canonicalTime` when that is `time.rfc3339` (UTC seconds, as most
    /// logs write it): then the text is not kept at all.
    let writtenTime: UInt32

    init(row: UInt32, line: Int, id: UInt32, type: UInt32, employee: UInt32, writtenTime: UInt32) {
      self.row = row
      self.line = Int32(truncatingIfNeeded: line)
      self.id = id
      self.type = type
      self.employee = employee
      self.writtenTime = writtenTime
    }
  }

  static let canonicalTime = UInt32.max

  /// Every field the run keeps (`LogReader.keeping`), `time` as a CEL timestamp, as CEL's
  /// `event` sees it.
  public var record: Record { Record(storage: storage, row: numbers.row) }
  /// The event's id, or `<path>:<line>` when the log gave none.
  public var id: String { storage.string(numbers.id) }
  public var type: String { storage.string(numbers.type) }
  public var employee: String { storage.string(numbers.employee) }
  /// Where the record was read.
  public var path: String { storage.string(0) }

  /// `time` exactly as written in the log (findings copy it).
  public var timeText: String {
    numbers.writtenTime == Self.canonicalTime ? time.rfc3339 : storage.string(numbers.writtenTime)
  }

  /// The id, type and written time, to be copied as bytes without retaining the storage or
  /// making a String (reports write one line per finding).
  var texts: EventTexts { JudgedEvent(self).texts }

  /// The 1-based physical line (for YAML, the line the record starts on).
  public var line: Int { Int(numbers.line) }

  /// Position in input order over all logs of the run; breaks ties in time.
  public var index: Int { Int(storedIndex) }

  /// The event whose strings are already in `storage`, by number, the path first (log
  /// readers, and blocks read back).
  init(storage: RecordStorage, numbers: Numbers, time: Timestamp, index: Int) {
    self.time = time
    self.storedIndex = Int32(truncatingIfNeeded: index)
    self.storage = storage
    self.numbers = numbers
  }

  /// Creates an event; `timeText` is `time` as the log wrote it. The record's fields are
  /// copied into storage of the event's own, with its strings.
  public init(
    id: String, type: String, employee: String, time: Timestamp, timeText: String, record: Record,
    path: String, line: Int, index: Int
  ) {
    let layout = record.layout
    var rows = RecordStorage.Builder(layout: layout)
    _ = rows.intern(path)
    for field in record.fields { rows.append(slot: layout.slot(of: field.name), name: field.name, value: field.value) }
    let numbers = Numbers(
      row: rows.endRow(), line: line, id: rows.intern(id), type: rows.intern(type), employee: rows.intern(employee),
      writtenTime: Self.isCanonical(timeText, time) ? Self.canonicalTime : rows.intern(timeText))
    self.init(storage: rows.build(), numbers: numbers, time: time, index: index)
  }

  /// Whether `text`, an RFC 3339 time naming `time`, is how `time.rfc3339` writes it: the
  /// form `YYYY-MM-DDTHH:MM:SSZ` names one instant one way.
  static func isCanonical(_ text: String, _ time: Timestamp) -> Bool {
    var text = text
    return text.withUTF8 { isCanonical($0, time) }
  }

  /// Whether the UTF-8 of an RFC 3339 time naming `time` is how `time.rfc3339` writes it.
  static func isCanonical(_ utf8: UnsafeBufferPointer<UInt8>, _ time: Timestamp) -> Bool {
    time.nanos == 0 && utf8.count == 20 && utf8[10] == UInt8(ascii: "T") && utf8[19] == UInt8(ascii: "Z")
  }
}

/// A record that could not be accepted, with where it was and why (SPEC §2).
public struct RejectedRecord: Sendable, Hashable {
  public var path: String
  public var line: Int
  /// Lowercase reason, e.g. "missing required field 'time'".
  public var reason: String

  /// Creates a rejection.
  public init(path: String, line: Int, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }
}

/// Everything read from the logs of one run.
public struct EventLog: Sendable {
  /// Where the accepted events are kept; copied before a shared store is appended to.
  private var store: EventStore
  /// Accepted events, in input order (``append(_:)`` adds one).
  public var events: EventList { EventList(store: store) }
  /// Rejected records, in input order.
  public var rejected: [RejectedRecord]
  /// Records read (non-blank lines / rows / documents): `read = events + rejected`.
  public var read: Int { events.count + rejected.count }
  /// Indexes each event for one engine as it is appended (a log from ``Engine/emptyLog()``);
  /// nil for a log the engine indexes when it judges it.
  private(set) var indexer: EventIndexer?

  /// Creates a log.
  public init(events: [Event] = [], rejected: [RejectedRecord] = []) {
    self.init(store: EventStore(), rejected: rejected)
    for event in events { append(event) }
  }

  /// An empty log that indexes its events with `indexer` as they are appended (when given),
  /// holding about `budget` bytes of their blocks in memory (see ``EventStore``).
  init(indexer: EventIndexer?, budget: Int = EventStore.defaultBudget) {
    self.init(store: EventStore(budget: budget), rejected: [])
    self.indexer = indexer
  }

  /// How many of the log's blocks were written to its scratch file.
  var blocksWritten: Int { store.blocksWritten }

  private init(store: EventStore, rejected: [RejectedRecord]) {
    self.store = store
    self.rejected = rejected
  }

  /// Appends an accepted event after the others.
  public mutating func append(_ event: consuming Event) {
    append(storage: event.storage, numbers: CollectionOfOne(event.numbers), times: CollectionOfOne(event.time))
  }

  /// Appends accepted events after the others: their records' storage, and each one's
  /// numbers and instant, in order (how readers hand over a block of what they read).
  mutating func append(
    storage: RecordStorage, numbers: some Collection<Event.Numbers>, times: some Collection<Timestamp>
  ) {
    if !isKnownUniquelyReferenced(&store) { store = store.copy() }
    if indexer != nil {
      for (event, time) in zip(numbers, times) { indexer?.add(event, time: time, storage: storage) }
    }
    store.append(storage: storage, numbers: numbers, times: times)
  }

  /// Makes room for `count` events in all.
  mutating func reserveCapacity(_ count: Int) {
    store.reserveCapacity(count)
    indexer?.reserveCapacity(count)
  }
}
