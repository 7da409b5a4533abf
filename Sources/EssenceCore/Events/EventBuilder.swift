import CEL

/// Turns the fields of one log record into an `Event` or the reason it is rejected, by the
/// same rules for every format (SPEC §2, §7).
///
/// One builder serves a whole log: its scratch storage keeps its capacity between records, so
/// accepting an event allocates only the record itself.
struct EventBuilder {
  let layout: RecordLayout
  private var fields = ContiguousArray<(slot: Int?, name: String, value: Value)>()
  private var idAt: Int?
  private var timeAt: Int?
  private var type: Value?
  private var employee: Value?

  init(layout: RecordLayout) {
    self.layout = layout
  }

  /// Starts a new record.
  mutating func begin() {
    fields.removeAll(keepingCapacity: true)
    idAt = nil
    timeAt = nil
    type = nil
    employee = nil
  }

  /// Adds a field; names within a record are distinct (readers reject duplicates first).
  mutating func add(_ key: FieldKey, _ value: Value) {
    switch key.role {
    case .id: idAt = fields.count
    case .time: timeAt = fields.count
    case .type: type = value
    case .employee: employee = value
    case .other: break
    }
    fields.append((key.slot, key.name, value))
  }

  /// Appends the record to `log`: as the next event, or as a rejection with its reason.
  mutating func finish(path: String, line: Int, into log: inout EventLog) {
    switch build(path: path, line: line, index: log.events.count) {
    case .accepted(let event): log.events.append(event)
    case .rejected(let reason): log.rejected.append(RejectedRecord(path: path, line: line, reason: reason))
    }
  }

  private enum Outcome {
    case accepted(Event)
    case rejected(String)
  }

  private mutating func build(path: String, line: Int, index: Int) -> Outcome {
    func reject(_ reason: String) -> Outcome { .rejected(reason) }
    let time = timeAt.map { fields[$0].value }
    if isMissing(time) { return reject("missing required field 'time'") }
    if isMissing(type) { return reject("missing required field 'type'") }
    if isMissing(employee) { return reject("missing required field 'employee'") }
    guard case .string(let typeText)? = type, !typeText.isEmpty else {
      return reject("field 'type' must be a non-empty string")
    }
    guard case .string(let employeeText)? = employee, !employeeText.isEmpty else {
      return reject("field 'employee' must be a non-empty string")
    }
    guard case .string(let timeText)? = time else {
      return reject("field 'time' must be an RFC 3339 string with an offset or 'Z'")
    }
    guard let instant = RFC3339.parse(timeText), let timeAt else {
      return reject("bad time '\(timeText)': expected RFC 3339 with an offset or 'Z'")
    }
    fields[timeAt].value = .timestamp(instant)

    let id: String
    switch idAt.map({ fields[$0].value }) {
    case nil, .null?: id = "\(path):\(line)"
    case .string(let text)? where !text.isEmpty: id = text
    case .int(let number)?: id = String(number)
    case .uint(let number)?: id = String(number)
    default: return reject("field 'id' must be a non-empty string or an integer")
    }
    if let idAt, case .int = fields[idAt].value {
      fields[idAt].value = .string(id)
    } else if let idAt, case .uint = fields[idAt].value {
      fields[idAt].value = .string(id)
    }
    let record = Record(layout: layout, resolvedFields: fields)
    return .accepted(
      Event(
        id: id, type: typeText, employee: employeeText, time: instant, timeText: timeText,
        record: record, path: path, line: line, index: index))
  }
}

/// Absent or null: both count as missing for the required fields.
private func isMissing(_ value: Value?) -> Bool {
  switch value {
  case nil, .null?: return true
  default: return false
  }
}
