import CEL

/// Judges shift logs against a standards set (SPEC §1-§3).
///
/// Judging is synchronous and pure: the same set and log always give the same evaluation,
/// findings ordered by (time, input order, rule order in the set).
public struct Engine: Sendable {
  /// What to keep beyond the counts.
  public struct Options: Sendable {
    /// List `met` findings too (`--include-met`).
    public var includeMet: Bool
    /// List only this employee's findings and tally (`--employee`).
    public var employee: String?

    /// Creates options.
    public init(includeMet: Bool = false, employee: String? = nil) {
      self.includeMet = includeMet
      self.employee = employee
    }
  }

  let book: RuleBook

  /// Prepares a set for judging.
  public init(set: StandardsSet) {
    self.book = RuleBook(set: set)
  }

  /// An empty log for a reader to fill, which indexes each event for this engine as it is
  /// appended: judging it then starts from the indexes, without passing over the events again.
  public func emptyLog() -> EventLog {
    emptyLog(budget: EventStore.defaultBudget)
  }

  /// An empty log as ``emptyLog()``, holding about `budget` bytes of its blocks in memory.
  func emptyLog(budget: Int) -> EventLog {
    EventLog(indexer: EventIndexer(book: book), budget: budget)
  }

  /// Judges every accepted event of a log against every rule whose `on`, `scope` and `when`
  /// hold for it.
  public func evaluate(_ log: EventLog, options: Options = Options()) -> Evaluation {
    let indexed = log.indexer.flatMap { $0.book === book ? $0 : nil } ?? EventIndexer(book: book, events: log.events)
    let run = EngineRun(events: log.events, indexed: indexed)
    let only: Int32? = options.employee.map { name in run.employees.firstIndex(of: name).map(Int32.init) ?? -1 }
    var verdicts = Verdicts(rules: book.rules.count, employees: run.employees.count, only: only, options: options)

    // Events are judged in slices across the cores; slices are joined in input order, so the
    // result does not depend on how many there were. Each thread judges with a book of its own.
    let slices = Engine.slices(of: log.events.count, threads: Parallel.width)
    var judged = Parallel.map(slices, eachThread: { shared in shared ? RuleBook(set: book.set, ownPrograms: true) : book }) {
      book, slice in
      var part = Verdicts(rules: book.rules.count, employees: run.employees.count, only: only, options: options)
      judge(slice, run: run, book: book, into: &part)
      return part
    }
    var matches: [Int: PatternMatches] = [:]
    // The ids of the events patterns matched, kept from judging for the findings that list
    // them: a raise lists matches from across its window, and reading each from the log as the
    // report is written would read their blocks back again and again (`EventStore`).
    var matchIDs: [Int32: String] = [:]
    // Room for every finding and every pattern raise (at most one per match), so the findings
    // are never copied to grow.
    verdicts.records.reserveCapacity(judged.reduce(0) { $0 + $1.records.count + $1.matches.count })
    for i in judged.indices {
      verdicts.add(judged[i])
      for match in judged[i].matches {
        matches[match.rule, default: PatternMatches()].add(match.event, key: match.key)
        matchIDs[Int32(match.event)] = match.id
      }
      judged[i] = Verdicts(rules: 0, employees: 0, only: only, options: options)  // its findings are copied
    }

    let judgedFindings = verdicts.records.count
    var raises: [PatternRaise] = []
    for (r, rule) in book.rules.enumerated() {
      guard case .pattern(let plan) = rule.body, let found = matches[r] else { continue }
      for raise in found.raises(of: plan.pattern, rule: r, times: run.times) {
        let event = Int(raise.event)
        verdicts.emit(event, r, .robotic, employee: run.employeeOf[event], related: raises.count)
        raises.append(raise)
      }
    }
    FindingOrder(times: run.times).sort(&verdicts.records, judged: judgedFindings)
    let describer = FindingDescriber(run: run, raises: raises, matchIDs: matchIDs)
    return Evaluation(
      standards: Evaluation.Standards(book.set),
      events: Evaluation.EventCounts(
        read: log.read, evaluated: log.events.count, rejected: log.rejected.count, unjudged: verdicts.unjudged),
      rejected: log.rejected,
      findings: FindingList(records: verdicts.records, describer: describer),
      summary: verdicts.tally.summary(rules: book.rules.map(\.id), employees: run.employees, only: only),
      rules: book.infos,
      employee: options.employee)
  }

  /// `0..<count` cut into slices for `threads` threads to judge, each slice taken by the next
  /// thread to come free: each a share of what is left, so they get shorter towards the end,
  /// and the threads finish close together (with eight equal slices, one thread judged the
  /// last alone for about 10 ms of a million-event run's 110). Slices of a 128th of the log at
  /// least: each has its own findings and tallies to join.
  static func slices(of count: Int, threads: Int) -> [Range<Int>] {
    guard count >= 4096, threads > 1 else { return [0..<count] }
    let smallest = max(2048, count / 128)
    var slices: [Range<Int>] = []
    var start = 0
    while start < count {
      let end = min(count, start + max(smallest, (count - start) / (2 * threads)))
      slices.append(start..<end)
      start = end
    }
    return slices
  }

  /// Judges the events of one slice against every rule that applies to each. `book` is the
  /// thread's own copy of the engine's when threads judge at once: threads sharing one book's
  /// plans and compiled closures contend for their reference counts, and judged no faster on
  /// two cores than on one.
  private func judge(_ slice: Range<Int>, run: EngineRun, book: RuleBook, into verdicts: inout Verdicts) {
    // The run's arrays are taken once: read through `run` inside the loop, each access could
    // count a reference, and a million events make that a measurable share of judging.
    let (typeOf, employeeOf, times) = (run.typeOf, run.employeeOf, run.times)
    let (steps, stepStarts) = (run.steps, run.stepStarts)
    // Rules and scopes are read without counting references: `book` holds every entry until
    // this returns, and retaining each one read from its array (and its condition and plan
    // with it) for every event cost several counts per event.
    let rules = book.rules.map { Unmanaged.passUnretained($0) }
    let scopes = book.scopes.map { $0.map { Unmanaged.passUnretained($0) } }
    var activation = Activation(values: [.null])
    // The events are read a block at a time: the log may hold most blocks only on disk.
    var block: HeldBlock?
    for i in slice {
      let type = Int(typeOf[i])
      guard type >= 0, stepStarts[type] < stepStarts[type + 1] else {
        verdicts.unjudged += 1
        continue
      }
      run.events.hold(&block, containing: i)
      let event = JudgedEvent(block: block.unsafelyUnwrapped, position: i, time: times[i])
      event.lend(to: &activation)
      let employee = employeeOf[i]
      var judged = false
      var inScope = true
      for s in stepStarts[type]..<stepStarts[type + 1] {
        let step = steps[s]
        guard step >= 0 else {
          inScope = scopes[Int(-step - 1)]?._withUnsafeGuaranteedRef { $0.outcome(activation) == .held } ?? true
          continue
        }
        let r = Int(step)
        guard inScope else { continue }
        let applied = rules[r]._withUnsafeGuaranteedRef {
          apply($0, r, event: event, employee: employee, run, activation, &verdicts)
        }
        if applied { judged = true }
      }
      if !judged { verdicts.unjudged += 1 }
    }
  }
}

/// Judges event `i` by rule `r` when its `when` holds; says whether it did.
private func apply(
  _ rule: RuleBook.Entry, _ r: Int, event: JudgedEvent, employee: Int32, _ run: EngineRun, _ activation: Activation,
  _ verdicts: inout Verdicts
) -> Bool {
  let i = event.index
  if let when = rule.when, when.outcome(activation) != .held { return false }
  switch rule.plan {
  case .standard(let plan):
    let decision = plan._withUnsafeGuaranteedRef { run.decide($0, event: event, activation) }
    verdicts.emit(i, r, decision.verdict, employee: employee, deviation: decision.deviation)
  case .signal(let plan):
    let decision = plan._withUnsafeGuaranteedRef { run.decide($0, event: event) }
    verdicts.emit(i, r, decision.verdict, employee: employee, related: decision.related.map(Int.init) ?? -1)
  case .pattern(let plan):
    let key = plan._withUnsafeGuaranteedRef { JoinKey(fields: $0.per, of: event.record) }
    verdicts.matches.append((r, i, key, event.id))
  }
  return true
}

/// What judging some events said: counts, the findings to list, and pattern matches to raise.
private struct Verdicts: Sendable {
  var tally: Tally
  var records: [FindingRecord] = []
  var unjudged = 0
  /// Pattern matches in input order: the pattern's position, the event, its `per` key and id.
  var matches: [(rule: Int, event: Int, key: JoinKey?, id: String)] = []
  let only: Int32?
  let includeMet: Bool

  init(rules: Int, employees: Int, only: Int32?, options: Engine.Options) {
    tally = Tally(rules: rules, employees: employees)
    self.only = only
    includeMet = options.includeMet
  }

  /// Counts a finding, and keeps it for the report when it is listed.
  mutating func emit(
    _ event: Int, _ rule: Int, _ verdict: Verdict, employee: Int32, deviation: Int = -1, related: Int = -1
  ) {
    tally.add(rule: rule, employee: Int(employee), verdict)
    if (includeMet || verdict != .met) && (only == nil || only == employee) {
      records.append(
        FindingRecord(
          event: Int32(event), rule: Int32(rule), verdict: verdict, deviation: Int16(deviation), related: Int32(related)))
    }
  }

  /// Adds a later slice's counts and findings after this one's.
  mutating func add(_ other: Verdicts) {
    tally.add(other.tally)
    records += other.records
    unjudged += other.unjudged
  }
}
