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
  }

  /// An approval event that decides every event whose id it names.
  struct ApprovalEntry: Sendable {
    var event: Int32
    var approved: Bool
  }

  let book: RuleBook
  let events: [Event]
  /// Each event's type, numbered as in `stepStarts`, or -1 when the engine has no interest in it.
  let typeOf: [Int32]
  /// For each type, what judging an event of it does, in set order:
  /// `steps[stepStarts[type]..<stepStarts[type + 1]]`.
  ///
  /// A file's scope (`-(file + 1)`), then that file's rules naming the type (rule positions).
  /// One flat array, so the loop over a million events walks a slice of it, not an array of
  /// arrays whose every element is counted.
  let steps: [Int32]
  let stepStarts: [Int]
  /// Employee names, numbered in order of first appearance.
  let employees: [String]
  let employeeOf: [Int32]
  /// For each lookup of the book: its join keys, numbered, and the index of its events.
  let lookupKeys: [KeyTable]
  let lookupIndexes: [TimeIndex]
  /// Each employee's events of busy types.
  let busy: TimeIndex
  /// The latest approval (time, input order) for each referenced event id.
  let approvals: [String: ApprovalEntry]

  init(book: RuleBook, events: [Event]) {
    // Types and employees are numbered by code points, as CEL and the peers compare text.
    var typeIDs = KeyTable()
    var types: [TypeInfo] = []
    func info(_ type: String) -> Int {
      let id = Int(typeIDs.id(for: .string(CodePoints(type))))
      if id == types.count { types.append(TypeInfo()) }
      return id
    }
    for (type, rules) in book.rulesByType { types[info(type)].rules = rules }
    for (l, lookup) in book.lookups.enumerated() {
      for type in lookup.types { types[info(type)].lookups.append(l) }
    }
    for type in book.busyTypes { types[info(type)].busy = true }
    let approvalType = Int32(info("approval"))

    let typeTable = typeIDs
    let lookupsOf = types.map(\.lookups)
    let busyType = types.map(\.busy)

    // Two independent passes over the log, one per core: who logged each event, and what each
    // event is to the rules (its type, the lookups it is found by, whether it makes its
    // employee busy, the approval it gives).
    let large = events.count >= 4096
    let passes = Parallel.map([false, true], worthIt: large) { byType in
      byType
        ? PassOne.types(
          TypePass(
            events: events, typeIDs: typeTable, lookupsOf: lookupsOf, busyType: busyType, approvalType: approvalType,
            book: book))
        : PassOne.employees(EmployeePass(events: events))
    }
    var employees = EmployeePass(events: [])
    var byType = TypePass(
      events: [], typeIDs: typeTable, lookupsOf: lookupsOf, busyType: busyType, approvalType: approvalType, book: book)
    for pass in passes {
      switch pass {
      case .employees(let p): employees = p
      case .types(let p): byType = p
      }
    }

    let busyGroups = byType.busyMembers.map { employees.of[Int($0)] }

    // The indexes sort independently, so they too are built across the cores.
    var indexed = (0..<book.lookups.count).map {
      (groupCount: byType.lookupKeys[$0].count, groups: byType.lookupGroups[$0], members: byType.lookupMembers[$0])
    }
    indexed.append((employees.names.count, busyGroups, byType.busyMembers))
    var indexes = Parallel.map(indexed, worthIt: large) { part in
      TimeIndex(groupCount: part.groupCount, groups: part.groups, members: part.members, log: events)
    }
    self.book = book
    self.events = events
    self.typeOf = byType.typeOf
    var steps: [Int32] = []
    var stepStarts = [0]
    for type in types {
      for group in type.rules { steps += [-Int32(group.file) - 1] + group.rules.map(Int32.init) }
      stepStarts.append(steps.count)
    }
    self.steps = steps
    self.stepStarts = stepStarts
    self.employees = employees.names
    self.employeeOf = employees.of
    self.lookupKeys = byType.lookupKeys
    self.busy = indexes.removeLast()
    self.lookupIndexes = indexes
    self.approvals = byType.approvals
  }

  /// The result of one of the two first passes.
  private enum PassOne: Sendable {
    case employees(EmployeePass)
    case types(TypePass)
  }

  /// Employees numbered in order of first appearance (by code points), and each event's.
  private struct EmployeePass: Sendable {
    var names: [String] = []
    var of: [Int32]

    init(events: [Event]) {
      var ids = KeyTable()
      of = [Int32](repeating: 0, count: events.count)
      var memo = BlockMemo()
      for i in events.indices {
        of[i] = memo.answer(events[i].employeeNumber, of: events[i].storage) {
          let id = ids.id(for: .string(CodePoints(events[i].employee)))
          if id == names.count { names.append(events[i].employee) }
          return id
        }
      }
    }
  }

  /// Each event's type, the lookups that find it, the events of busy types, and the latest
  /// approval of each event id.
  private struct TypePass: Sendable {
    var typeOf: [Int32]
    var lookupKeys: [KeyTable]
    var lookupGroups: [[Int32]]
    var lookupMembers: [[Int32]]
    /// The events of types some standard judges, in input order.
    var busyMembers: [Int32] = []
    var approvals: [String: ApprovalEntry] = [:]

    init(
      events: [Event], typeIDs: KeyTable, lookupsOf: [[Int]], busyType: [Bool], approvalType: Int32, book: RuleBook
    ) {
      typeOf = [Int32](repeating: -1, count: events.count)
      lookupKeys = [KeyTable](repeating: KeyTable(), count: book.lookups.count)
      lookupGroups = [[Int32]](repeating: [], count: book.lookups.count)
      lookupMembers = [[Int32]](repeating: [], count: book.lookups.count)
      var memo = BlockMemo()
      for i in events.indices {
        let t = memo.answer(events[i].typeNumber, of: events[i].storage) {
          typeIDs.find(.string(CodePoints(events[i].type))) ?? -1
        }
        guard t >= 0 else { continue }
        typeOf[i] = t
        for l in lookupsOf[Int(t)] {
          guard let key = JoinKey(fields: book.lookupFields[l], of: events[i].record) else { continue }
          lookupGroups[l].append(lookupKeys[l].id(for: key))
          lookupMembers[l].append(Int32(i))
        }
        if busyType[Int(t)] { busyMembers.append(Int32(i)) }
        if t == approvalType, let (ref, approved) = EngineRun.approval(events[i].record, book) {
          if let current = approvals[ref], (events[Int(current.event)].time, Int(current.event)) > (events[i].time, i) {
            continue
          }
          approvals[ref] = ApprovalEntry(event: Int32(i), approved: approved)
        }
      }
    }
  }

  /// The referenced id and decision of an approval event; nil when it decides nothing
  /// (`ref` not a string or integer, `decision` not exactly `approved` or `declined`).
  private static func approval(_ record: Record, _ book: RuleBook) -> (ref: String, approved: Bool)? {
    let ref: String
    switch book.ref.read(record) {
    case .string(let s): ref = s
    case .int(let i): ref = String(i)
    case .uint(let u): ref = String(u)
    default: return nil
    }
    switch book.decision.read(record) {
    case .string("approved"): return (ref, true)
    case .string("declined"): return (ref, false)
    default: return nil
    }
  }
}
