import CEL

/// Turns the fields of one log record into an `Event` or the reason it is rejected, by the
/// same rules for every format (SPEC §2, §7).
///
/// One builder serves a whole log. Fields go straight into the record's storage as they are
/// read (`time` as a timestamp, an integer `id` as its text, converted once for the record
/// and the checks alike); the checks run at `finish`, in the order the SPEC lists them, and a
/// rejected record's fields are dropped.
struct EventBuilder {
  private var record: Record.Builder
  private var id: Value?
  private var time: Value?
  private var instant: Timestamp?
  private var type: Value?
  private var employee: Value?

  init(layout: RecordLayout) {
    record = Record.Builder(layout: layout)
  }

  /// Starts a new record whose storage takes `capacity` cells (see `Record.Builder`).
  mutating func begin(capacity: Int) {
    record.removeAll()
    record.reserveCapacity(capacity)
    id = nil
    time = nil
    instant = nil
    type = nil
    employee = nil
  }

  /// Adds a field; names within a record are distinct (readers reject duplicates first).
  mutating func add(_ key: FieldKey, _ value: consuming Value) {
    switch key.role {
    case .other: break
    case .id:
      switch value {
      case .int(let number): value = .string(String(number))
      case .uint(let number): value = .string(String(number))
      default: break
      }
      id = value
    case .time:
      time = value
      if case .string(let text) = value, let parsed = RFC3339.parse(text) {
        instant = parsed
        value = .timestamp(parsed)
      }
    case .type: type = value
    case .employee: employee = value
    }
    record.append(slot: key.slot, name: key.name, value: value)
  }

  /// Hands the record to `log`: as the next event, or as a rejection with its reason.
  mutating func finish<Sink: EventSink>(path: String, line: Int, into log: inout Sink) {
    switch check(path: path, line: line) {
    case .accepted(let id, let type, let employee, let time, let timeText):
      log.accept(
        Event(
          id: id, type: type, employee: employee, time: time, timeText: timeText,
          record: record.build(), path: path, line: line, index: log.acceptedCount))
    case .rejected(let reason):
      log.reject(RejectedRecord(path: path, line: line, reason: reason))
    }
  }

  private enum Outcome {
    case accepted(id: String, type: String, employee: String, time: Timestamp, timeText: String)
    case rejected(String)
  }

  /// Checks the required fields, taking them out of the builder (no copies to release).
  private mutating func check(path: String, line: Int) -> Outcome {
    let (id, time, type, employee) = (self.id.take(), self.time.take(), self.type.take(), self.employee.take())
    if isMissing(time) { return .rejected("missing required field 'time'") }
    if isMissing(type) { return .rejected("missing required field 'type'") }
    if isMissing(employee) { return .rejected("missing required field 'employee'") }
    guard case .string(let typeText)? = type, !typeText.isEmpty else {
      return .rejected("field 'type' must be a non-empty string")
    }
    guard case .string(let employeeText)? = employee, !employeeText.isEmpty else {
      return .rejected("field 'employee' must be a non-empty string")
    }
    guard case .string(let timeText)? = time else {
      return .rejected("field 'time' must be an RFC 3339 string with an offset or 'Z'")
    }
    guard let instant else {
      return .rejected("bad time '\(timeText)': expected RFC 3339 with an offset or 'Z'")
    }
    let idText: String
    switch id {
    case nil, .null?: idText = "\(path):\(line)"
    case .string(let text)? where !text.isEmpty: idText = text
    default: return .rejected("field 'id' must be a non-empty string or an integer")
    }
    return .accepted(id: idText, type: typeText, employee: employeeText, time: instant, timeText: timeText)
  }
}

/// Absent or null: both count as missing for the required fields.
private func isMissing(_ value: Value?) -> Bool {
  switch value {
  case nil, .null?: return true
  default: return false
  }
}
