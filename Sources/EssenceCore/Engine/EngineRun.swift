import CEL

/// One evaluation's working state: the log, the rule book, and the indexes built over every
/// accepted event before any is judged (relations, signals and approvals look at the whole
/// log, whatever the other events' scope, SPEC §7).
///
/// It stays alive behind the evaluation's ``FindingList`` so findings can be described, and
/// explained, after judging.
final class EngineRun: Sendable {
  typealias ApprovalEntry = EventIndexer.ApprovalEntry

  let book: RuleBook
  let events: EventList
  /// Each event's instant, in input order (the events' times, without reading their blocks).
  let times: EventTimes
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
  /// For each lookup of the book: its join keys, numbered, and the index of its events; held
  /// here, and read through `unretainedLookups`.
  private let lookups: [Lookup]
  /// `lookups`, not counted (valid while the run lives).
  let unretainedLookups: [Unmanaged<Lookup>]
  /// Each employee's events of busy types.
  let busy: TimeIndex
  /// The latest approval (time, input order) for each referenced event id.
  let approvals: [String: ApprovalEntry]

  /// The run over `events`, which `indexed` has seen, every one in order.
  init(events: EventList, indexed: EventIndexer) {
    let times = events.times
    let book = indexed.book
    // The indexes sort independently, so they are built across the cores.
    var parts = (0..<book.lookups.count).map {
      (
        groupCount: indexed.lookupKeys[$0].count, groups: indexed.lookupGroups[$0],
        members: indexed.lookupMembers[$0], outOfOrder: [Bool]?.none, keepingTimes: true
      )
    }
    parts.append((indexed.employees.count, indexed.busyEmployees, indexed.busyMembers, indexed.busyOutOfOrder, false))
    var indexes = Parallel.map(parts, worthIt: events.count >= 4096) { part in
      TimeIndex(
        groupCount: part.groupCount, groups: part.groups, members: part.members, times: times,
        outOfOrder: part.outOfOrder, keepingTimes: part.keepingTimes)
    }
    var steps: [Int32] = []
    var stepStarts = [0]
    for type in indexed.types {
      for group in type.rules { steps += [-Int32(group.file) - 1] + group.rules.map(Int32.init) }
      stepStarts.append(steps.count)
    }
    self.book = book
    self.events = events
    self.times = times
    self.typeOf = indexed.typeOf
    self.steps = steps
    self.stepStarts = stepStarts
    self.employees = indexed.employees
    self.employeeOf = indexed.employeeOf
    self.busy = indexes.removeLast()
    self.lookups = zip(indexed.lookupKeys, indexes).map { Lookup(keys: $0, index: $1) }
    self.unretainedLookups = lookups.map { .passUnretained($0) }
    self.approvals = indexed.approvals
  }
}

extension EngineRun {
  /// One lookup's join keys and the index of its events, in a class: a relation reads them for
  /// every event it judges, and copying the structs out of an array counted each of their
  /// seven arrays twice.
  final class Lookup: Sendable {
    let keys: KeyTable
    let index: TimeIndex

    init(keys: KeyTable, index: TimeIndex) {
      self.keys = keys
      self.index = index
    }
  }
}
