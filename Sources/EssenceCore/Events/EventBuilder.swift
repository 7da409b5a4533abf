import CEL

/// Turns the fields of log records into `Event`s or the reasons they are rejected, by the
/// same rules for every format (SPEC §2, §7).
///
/// One builder serves a whole log, a block of records at a time: each accepted record's kept
/// fields become a row of the block's `RecordStorage`, and `flush` hands the block's events
/// over once the storage is sealed. Fields go into the row as they are read (`time` as a
/// timestamp, an integer `id` as its text); the checks run at `finish`, in the order the SPEC
/// lists them, and a rejected record's row is dropped.
struct EventBuilder {
  /// The log read; every block's storage holds it as string 0 (see `Event`).
  let path: String
  private var rows: RecordStorage.Builder
  /// The fields records keep; nil keeps every field.
  private let keeping: Set<String>?
  /// The names of the keys resolved, by `FieldKey.number`: kept here rather than in each
  /// key, so keys copy nothing reference-counted.
  private var names: [String] = []
  /// The key of each name resolved.
  private var keys: [String: FieldKey] = [:]
  /// The block's accepted events, waiting for their storage: where each is in it, and its
  /// instant.
  private var pending: [Event.Numbers] = []
  private var pendingTimes: [Timestamp] = []
  private var id = Required.absent
  private var type = Required.absent
  private var employee = Required.absent
  private var time = Required.absent
  /// Parses `time`s, remembering the last: a log in time order writes many records in one
  /// second, and parsing a time cost more than interning the rest of its record's strings.
  private var times = TimeMemo()
  /// The instant of `time`, when it parsed.
  private var instant: Timestamp?
  /// `time` as written, or `Event.canonicalTime`.
  private var writtenTime = Event.canonicalTime

  /// What a record gave for one of the fields every event needs: only what the checks read,
  /// so it holds nothing reference-counted and starting a record destroys nothing.
  private enum Required {
    case absent
    /// A string, by its number in the block's storage.
    case string(UInt32, empty: Bool)
    /// A time written as `Timestamp.rfc3339` writes its instant, so its text is not kept.
    case canonicalTime
    case null
    /// Any other value.
    case other
  }

  /// A builder of records of `layout`, read from `path`, that keep the fields in `keeping`
  /// (nil: every field).
  init(layout: RecordLayout, keeping: Set<String>?, path: String) {
    self.path = path
    self.keeping = keeping
    rows = RecordStorage.Builder(layout: layout)
    _ = rows.intern(path)
  }

  /// Resolves a field name, once per distinct name; readers keep the keys they resolved
  /// (by column, by the shim's key number) and pass one for every field so named.
  mutating func key(_ name: String) -> FieldKey {
    if let key = keys[name] { return key }
    names.append(name)
    let key = FieldKey(
      name: name, number: names.count - 1, cellSlot: rows.cellSlot(of: name), kept: keeping?.contains(name) ?? true)
    keys[name] = key
    return key
  }

  /// The name `key` was resolved from.
  func name(_ key: FieldKey) -> String { names[key.number] }

  /// Starts a new record.
  mutating func begin() {
    rows.cancelRow()
    (id, type, employee, time) = (.absent, .absent, .absent, .absent)
    instant = nil
    writtenTime = Event.canonicalTime
  }

  /// Adds a field (to the record only if the key is kept); names within a record are
  /// distinct (readers reject duplicates first).
  mutating func add(_ key: FieldKey, _ value: consuming Value) {
    guard !key.ignored else { return }
    switch (key.role, value) {
    case (.time, .string(let text)):
      let (parsed, canonical) = Value.withUTF8(text) { times.parse($0) }
      addTime(key, parsed, text: canonical ? nil : rows.intern(text))
    case (.id, .string(let text)):
      add(key, id: text)
    case (_, .string(let text)):
      add(key, string: rows.intern(text), empty: text.isEmpty)
    case (.id, .int(let number)):
      add(key, id: String(number))
    case (.id, .uint(let number)):
      add(key, id: String(number))
    default:
      let given: Required
      if case .null = value { given = .null } else { given = .other }
      switch key.role {
      case .other: break
      case .id: id = given
      case .time: time = given
      case .type: type = given
      case .employee: employee = given
      }
      if key.kept { append(key, value) }
    }
  }

  /// Adds a string field given as UTF-8 (with the reader's hash of it): a string the block
  /// already holds, a canonical time, or a field the run does not keep costs no String.
  mutating func add(_ key: FieldKey, utf8: UnsafeBufferPointer<UInt8>, hash: UInt64) {
    guard !key.ignored else { return }
    switch key.role {
    case .time:
      let (parsed, canonical) = times.parse(utf8)
      addTime(key, parsed, text: canonical ? nil : rows.intern(utf8: utf8, hash: hash))
    case .id:
      add(key, string: rows.store(utf8: utf8), empty: utf8.isEmpty)
    default:
      add(key, string: rows.intern(utf8: utf8, hash: hash), empty: utf8.isEmpty)
    }
  }

  /// Adds an `id` given as text: kept as bytes, like an id read as UTF-8, since ids do not
  /// repeat.
  private mutating func add(_ key: FieldKey, id text: String) {
    var text = text
    add(key, string: text.withUTF8 { rows.store(utf8: $0) }, empty: text.isEmpty)
  }

  /// Adds a string field other than `time`, by its number.
  private mutating func add(_ key: FieldKey, string number: UInt32, empty: Bool) {
    switch key.role {
    case .other, .time: break
    case .id: id = .string(number, empty: empty)
    case .type: type = .string(number, empty: empty)
    case .employee: employee = .string(number, empty: empty)
    }
    if key.kept { append(key, string: number) }
  }

  /// Adds a string `time`: its instant when it parsed, and its text by number unless the
  /// instant says how it was written.
  private mutating func addTime(_ key: FieldKey, _ parsed: Timestamp?, text number: UInt32?) {
    time = number.map { .string($0, empty: false) } ?? .canonicalTime
    instant = parsed
    writtenTime = number ?? Event.canonicalTime
    guard key.kept else { return }
    if let parsed {
      append(key, .timestamp(parsed))
    } else if let number {
      append(key, string: number)
    }
  }

  /// Appends a kept field to the row, by its slot: only a field whose cell names it reads
  /// its name.
  private mutating func append(_ key: FieldKey, _ value: consuming Value) {
    if let slot = key.cellSlot {
      rows.append(cellSlot: slot, value: value)
    } else {
      rows.append(slot: nil, name: names[key.number], value: value)
    }
  }

  /// Appends a kept string field, by its number, to the row.
  private mutating func append(_ key: FieldKey, string number: UInt32) {
    if let slot = key.cellSlot {
      rows.append(cellSlot: slot, string: number)
    } else {
      rows.append(slot: nil, name: names[key.number], string: number)
    }
  }

  /// Accepts the record as the block's next event, or hands `log` its rejection.
  mutating func finish<Sink: EventSink>(line: Int, into log: inout Sink) {
    if let reason = problem() {
      rows.cancelRow()
      log.reject(RejectedRecord(path: path, line: line, reason: reason))
      return
    }
    guard case .string(let typeNumber, _) = type, case .string(let employeeNumber, _) = employee, let instant
    else { return }
    let idNumber: UInt32
    if case .string(let number, _) = id {
      idNumber = number
    } else {
      // `<path>:<line>` is unique, like an id: kept as bytes, not interned.
      var generated = "\(path):\(line)"
      idNumber = generated.withUTF8 { rows.store(utf8: $0) }
    }
    pending.append(
      Event.Numbers(
        row: rows.endRow(), line: line, id: idNumber, type: typeNumber, employee: employeeNumber,
        writtenTime: writtenTime))
    pendingTimes.append(instant)
  }

  /// Hands `log` the events accepted since the last flush, in order, their records sealed
  /// into one storage.
  mutating func flush<Sink: EventSink>(into log: inout Sink) {
    guard !pending.isEmpty else { return }
    let storage = rows.build()
    _ = rows.intern(path)
    log.accept(storage: storage, numbers: pending, times: pendingTimes)
    pending.removeAll(keepingCapacity: true)
    pendingTimes.removeAll(keepingCapacity: true)
  }

  /// Hands `log` the events accepted since the last flush once there are a block's worth: for
  /// readers of a whole file at once (CSV, YAML), whose logs would otherwise be one block that
  /// a large log's store could never write out (``EventStore``).
  mutating func flushIfFull<Sink: EventSink>(into log: inout Sink) {
    if pending.count >= 4096 { flush(into: &log) }
  }

  /// Why the record cannot be accepted, checked in the SPEC's order; nil when it can.
  /// Inlined into `finish`: called there on its own, it was handed a copy of the whole builder
  /// (some 300 bytes) for every record.
  @inline(__always) private func problem() -> String? {
    if isMissing(time) { return "missing required field 'time'" }
    if isMissing(type) { return "missing required field 'type'" }
    if isMissing(employee) { return "missing required field 'employee'" }
    guard case .string(_, empty: false) = type else { return "field 'type' must be a non-empty string" }
    guard case .string(_, empty: false) = employee else { return "field 'employee' must be a non-empty string" }
    switch (time, instant) {
    case (.canonicalTime, _), (.string, _?): break
    case (.string(let number, _), nil):
      return "bad time '\(rows.string(number))': expected RFC 3339 with an offset or 'Z'"
    default: return "field 'time' must be an RFC 3339 string with an offset or 'Z'"
    }
    switch id {
    case .absent, .null, .string(_, empty: false): return nil
    default: return "field 'id' must be a non-empty string or an integer"
    }
  }

  /// Absent or null: both count as missing for the required fields.
  private func isMissing(_ field: Required) -> Bool {
    switch field {
    case .absent, .null: true
    default: false
    }
  }
}
