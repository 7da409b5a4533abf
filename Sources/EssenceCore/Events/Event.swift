import CEL

/// One accepted record of a shift log.
///
/// A run holds a million of these, so the stored properties are laid out to pack: the line
/// and index are kept in 32 bits each (in the padding after `time`), read and written as `Int`
/// (a log of 2^31 lines would not fit in memory as events anyway).
public struct Event: Sendable {
  /// The event's id, or `<path>:<line>` when the log gave none.
  public var id: String
  public var type: String
  public var employee: String
  /// The instant of `time`.
  public var time: Timestamp
  private var storedLine: Int32
  private var storedIndex: Int32
  /// `time` exactly as written in the log (findings copy it).
  public var timeText: String
  /// Every field, `time` as a CEL timestamp, as CEL's `event` sees it.
  public var record: Record
  /// Where the record was read.
  public var path: String

  /// The 1-based physical line (for YAML, the line the record starts on).
  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(truncatingIfNeeded: newValue) }
  }

  /// Position in input order over all logs of the run; breaks ties in time.
  public var index: Int {
    get { Int(storedIndex) }
    set { storedIndex = Int32(truncatingIfNeeded: newValue) }
  }

  /// Creates an event.
  public init(
    id: String, type: String, employee: String, time: Timestamp, timeText: String, record: Record,
    path: String, line: Int, index: Int
  ) {
    self.id = id
    self.type = type
    self.employee = employee
    self.time = time
    self.storedLine = Int32(truncatingIfNeeded: line)
    self.storedIndex = Int32(truncatingIfNeeded: index)
    self.timeText = timeText
    self.record = record
    self.path = path
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
  /// Accepted events, in input order.
  public var events: [Event]
  /// Rejected records, in input order.
  public var rejected: [RejectedRecord]
  /// Records read (non-blank lines / rows / documents): `read = events + rejected`.
  public var read: Int { events.count + rejected.count }

  /// Creates a log.
  public init(events: [Event] = [], rejected: [RejectedRecord] = []) {
    self.events = events
    self.rejected = rejected
  }
}
