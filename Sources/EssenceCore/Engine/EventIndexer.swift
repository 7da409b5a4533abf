import CEL

/// What judging needs to know of every event before it judges any, gathered one event at a
/// time in input order: who logged it, what it is to the rules (its type, the lookups that
/// find it, whether it makes its employee busy), and the approval it gives.
///
/// A log made by ``Engine/emptyLog()`` feeds each event to its indexer as a reader appends it,
/// while the event is still in cache and beside the parsing of the next blocks; judging then
/// starts from the indexes instead of passing over a million events again.
struct EventIndexer: Sendable {
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
    var time: Timestamp
  }

  let book: RuleBook
  /// The types the book names, numbered as `typeOf` numbers them.
  let types: [TypeInfo]
  private let typeIDs: KeyTable
  private let approvalType: Int32

  /// Each event's type, or -1 when no rule or lookup names it.
  private(set) var typeOf: [Int32] = []
  /// Employee names, numbered in order of first appearance (by code points), and each event's.
  private(set) var employees: [String] = []
  private(set) var employeeOf: [Int32] = []
  /// For each lookup of the book: its join keys, numbered, and (key, event) for each event
  /// it finds, in input order.
  private(set) var lookupKeys: [KeyTable]
  private(set) var lookupGroups: [[Int32]]
  private(set) var lookupMembers: [[Int32]]
  /// The events of types some standard judges, in input order, and each one's employee.
  private(set) var busyMembers: [Int32] = []
  private(set) var busyEmployees: [Int32] = []
  /// Per employee, whether one of their busy events came earlier in time than the one logged
  /// before it: the busy index sorts only these employees' events, without reading every
  /// event's time again to find them.
  private(set) var busyOutOfOrder: [Bool] = []
  /// Per employee, the time of their busy event logged last.
  private var busyLast: [Timestamp?] = []
  /// The latest approval (time, input order) for each referenced event id.
  private(set) var approvals: [String: ApprovalEntry] = [:]

  private var employeeIDs = KeyTable()
  private var typeMemo = BlockMemo()
  private var employeeMemo = BlockMemo()

  /// Events indexed so far.
  var count: Int { typeOf.count }

  /// An indexer for the rules of `book`, before any event.
  init(book: RuleBook) {
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
    approvalType = Int32(info("approval"))
    self.book = book
    self.types = types
    self.typeIDs = typeIDs
    lookupKeys = [KeyTable](repeating: KeyTable(), count: book.lookups.count)
    lookupGroups = [[Int32]](repeating: [], count: book.lookups.count)
    lookupMembers = [[Int32]](repeating: [], count: book.lookups.count)
  }

  /// An indexer that has seen every event of `events`, in order.
  init(book: RuleBook, events: EventList) {
    self.init(book: book)
    reserveCapacity(events.count)
    for event in events { add(event.numbers, time: event.time, storage: event.storage) }
  }

  /// Makes room for `count` events in all (readers know a file's size before its events).
  mutating func reserveCapacity(_ count: Int) {
    typeOf.reserveCapacity(count)
    employeeOf.reserveCapacity(count)
  }

  /// Indexes the next event of the log: where it is in `storage`, and its instant (how
  /// readers hand events over, without making an `Event` of each).
  mutating func add(_ event: Event.Numbers, time: Timestamp, storage: RecordStorage) {
    let i = Int32(typeOf.count)
    if let id = employeeMemo.answer(event.employee, of: storage) {
      employeeOf.append(id)
    } else {
      let id = storage.withUTF8(event.employee) { employeeIDs.id(forText: $0) }
      if id == employees.count { employees.append(storage.string(event.employee)) }
      employeeMemo.remember(id, for: event.employee)
      employeeOf.append(id)
    }
    let t: Int32
    if let known = typeMemo.answer(event.type, of: storage) {
      t = known
    } else {
      t = storage.withUTF8(event.type) { typeIDs.find(text: $0) } ?? -1
      typeMemo.remember(t, for: event.type)
    }
    typeOf.append(t)
    guard t >= 0 else { return }
    if types[Int(t)].busy {
      busyMembers.append(i)
      busyEmployees.append(employeeOf[Int(i)])
      let employee = Int(employeeOf[Int(i)])
      if employee >= busyLast.count {
        busyLast += [Timestamp?](repeating: nil, count: employee + 1 - busyLast.count)
        busyOutOfOrder += [Bool](repeating: false, count: employee + 1 - busyOutOfOrder.count)
      }
      if let last = busyLast[employee], time < last { busyOutOfOrder[employee] = true }
      busyLast[employee] = time
    }
    // Only lookups and approvals read the record's fields.
    guard !types[Int(t)].lookups.isEmpty || t == approvalType else { return }
    let row = event.row
    // By position: iterating the type's lookups, or taking a lookup's fields whole, counted a
    // reference to their arrays for every event.
    for k in types[Int(t)].lookups.indices {
      let l = types[Int(t)].lookups[k]
      let group = JoinKey.withKey(
        of: book.lookupFields[l], storage: storage, row: row, text: { lookupKeys[l].id(forText: $0) },
        other: { $0.map { lookupKeys[l].id(for: $0) } })
      guard let group else { continue }
      lookupGroups[l].append(group)
      lookupMembers[l].append(i)
    }
    if t == approvalType, let (ref, approved) = approval(Record(storage: storage, row: row)) {
      if let current = approvals[ref], (current.time, current.event) > (time, i) { return }
      approvals[ref] = ApprovalEntry(event: i, approved: approved, time: time)
    }
  }

  /// The referenced id and decision of an approval event; nil when it decides nothing
  /// (`ref` not a string or integer, `decision` not exactly `approved` or `declined`).
  private func approval(_ record: Record) -> (ref: String, approved: Bool)? {
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
