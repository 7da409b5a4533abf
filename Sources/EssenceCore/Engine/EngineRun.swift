import CEL

/// One evaluation's working state: the log, the rule book, and the indexes built over every
/// accepted event before any is judged (relations, signals and approvals look at the whole
/// log, whatever the other events' scope, SPEC §7).
///
/// It stays alive behind the evaluation's ``FindingList`` so findings can be described, and
/// explained, after judging.
final class EngineRun: Sendable {
  /// What the engine needs to know about one event type.
  struct TypeInfo: Sendable {
    /// Rules whose `on` names the type, grouped by file.
    var rules: [RuleBook.FileRules] = []
    /// Lookups (relation targets, signal responses) that index events of this type.
    var lookups: [Int] = []
    /// Some standard judges this type, so logging it makes its employee busy.
    var busy = false
    /// The type is `approval`.
    var approval = false
  }

  /// An approval event that decides every event whose id it names.
  struct ApprovalEntry: Sendable {
    var event: Int32
    var approved: Bool
  }

  let book: RuleBook
  let events: [Event]
  /// Position in `types` of each event's type, or -1 when the engine has no interest in it.
  let typeOf: [Int32]
  let types: [TypeInfo]
  /// Employee names, numbered in order of first appearance.
  let employees: [String]
  let employeeOf: [Int32]
  /// For each lookup of the book: its join keys, numbered, and the index of its events.
  let lookupKeys: [[JoinKey: Int32]]
  let lookupIndexes: [TimeIndex]
  /// Each employee's events of busy types.
  let busy: TimeIndex
  /// The latest approval (time, input order) for each referenced event id.
  let approvals: [String: ApprovalEntry]

  init(book: RuleBook, events: [Event]) {
    var typeIDs: [String: Int32] = [:]
    var types: [TypeInfo] = []
    func info(_ type: String) -> Int {
      if let id = typeIDs[type] { return Int(id) }
      typeIDs[type] = Int32(types.count)
      types.append(TypeInfo())
      return types.count - 1
    }
    for (type, rules) in book.rulesByType { types[info(type)].rules = rules }
    for (l, lookup) in book.lookups.enumerated() {
      for type in lookup.types { types[info(type)].lookups.append(l) }
    }
    for type in book.busyTypes { types[info(type)].busy = true }
    types[info("approval")].approval = true

    var typeOf = [Int32](repeating: -1, count: events.count)
    var employeeIDs: [String: Int32] = [:]
    var employees: [String] = []
    var employeeOf = [Int32](repeating: 0, count: events.count)
    var lookupKeys = [[JoinKey: Int32]](repeating: [:], count: book.lookups.count)
    var lookupGroups = [[Int32]](repeating: [], count: book.lookups.count)
    var lookupMembers = [[Int32]](repeating: [], count: book.lookups.count)
    var busyGroups: [Int32] = []
    var busyMembers: [Int32] = []
    var approvals: [String: ApprovalEntry] = [:]

    for i in events.indices {
      let e = Int32(i)
      let employee: Int32
      if let id = employeeIDs[events[i].employee] {
        employee = id
      } else {
        employee = Int32(employees.count)
        employeeIDs[events[i].employee] = employee
        employees.append(events[i].employee)
      }
      employeeOf[i] = employee
      guard let t = typeIDs[events[i].type] else { continue }
      typeOf[i] = t
      for l in types[Int(t)].lookups {
        guard let key = JoinKey(fields: book.lookups[l].same, of: events[i].record) else { continue }
        let group: Int32
        if let g = lookupKeys[l][key] {
          group = g
        } else {
          group = Int32(lookupKeys[l].count)
          lookupKeys[l][key] = group
        }
        lookupGroups[l].append(group)
        lookupMembers[l].append(e)
      }
      if types[Int(t)].busy {
        busyGroups.append(employee)
        busyMembers.append(e)
      }
      if types[Int(t)].approval, let (ref, approved) = EngineRun.approval(events[i].record) {
        if let current = approvals[ref], (events[Int(current.event)].time, Int(current.event)) > (events[i].time, i) {
          continue
        }
        approvals[ref] = ApprovalEntry(event: e, approved: approved)
      }
    }
    let time: (Int32) -> Timestamp = { events[Int($0)].time }
    self.book = book
    self.events = events
    self.typeOf = typeOf
    self.types = types
    self.employees = employees
    self.employeeOf = employeeOf
    self.lookupKeys = lookupKeys
    self.lookupIndexes = (0..<book.lookups.count).map {
      TimeIndex(groupCount: lookupKeys[$0].count, groups: lookupGroups[$0], members: lookupMembers[$0], time: time)
    }
    self.busy = TimeIndex(groupCount: employees.count, groups: busyGroups, members: busyMembers, time: time)
    self.approvals = approvals
  }

  /// The referenced id and decision of an approval event; nil when it decides nothing
  /// (`ref` not a string or integer, `decision` not exactly `approved` or `declined`).
  private static func approval(_ record: Record) -> (ref: String, approved: Bool)? {
    let ref: String
    switch record.field("ref") {
    case .string(let s): ref = s
    case .int(let i): ref = String(i)
    case .uint(let u): ref = String(u)
    default: return nil
    }
    switch record.field("decision") {
    case .string("approved"): return (ref, true)
    case .string("declined"): return (ref, false)
    default: return nil
    }
  }
}
