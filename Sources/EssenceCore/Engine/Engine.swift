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

  /// Judges every accepted event of a log against every rule whose `on`, `scope` and `when`
  /// hold for it.
  public func evaluate(_ log: EventLog, options: Options = Options()) -> Evaluation {
    let run = EngineRun(book: book, events: log.events)
    var tally = Tally(rules: book.rules.count, employees: run.employees.count)
    let only: Int32? = options.employee.map { name in run.employees.firstIndex(of: name).map(Int32.init) ?? -1 }
    var records: [FindingRecord] = []
    func emit(_ event: Int, _ rule: Int, _ verdict: Verdict, deviation: Int = -1, raise: Int = -1) {
      let employee = run.employeeOf[event]
      tally.add(rule: rule, employee: Int(employee), verdict)
      if (options.includeMet || verdict != .met) && (only == nil || only == employee) {
        records.append(
          FindingRecord(
            event: Int32(event), rule: Int32(rule), verdict: verdict, deviation: Int16(deviation), raise: Int32(raise)))
      }
    }

    var unjudged = 0
    var activation = Activation(values: [.null])
    var matches: [Int: PatternMatches] = [:]
    for i in log.events.indices {
      let type = run.typeOf[i]
      guard type >= 0, !run.steps[Int(type)].isEmpty else {
        unjudged += 1
        continue
      }
      activation.values[0] = .record(log.events[i].record)
      var judged = false
      var inScope = true
      for step in run.steps[Int(type)] {
        guard step >= 0 else {
          inScope = book.scopes[Int(-step - 1)].map { $0.outcome(activation) == .held } ?? true
          continue
        }
        let r = Int(step)
        guard inScope else { continue }
        let rule = book.rules[r]
        if let when = rule.when, when.outcome(activation) != .held { continue }
        judged = true
        switch rule.body {
        case .standard(let plan):
          let decision = run.decide(plan, event: i, activation)
          emit(i, r, decision.verdict, deviation: decision.deviation)
        case .signal(let plan):
          emit(i, r, run.decide(plan, event: i).verdict)
        case .pattern(let plan):
          matches[r, default: PatternMatches()].add(i, key: JoinKey(fields: plan.per, of: log.events[i].record))
        }
      }
      if !judged { unjudged += 1 }
    }

    let judgedRecords = records
    records = []
    var raises: [PatternRaise] = []
    for (r, rule) in book.rules.enumerated() {
      guard case .pattern(let plan) = rule.body, let found = matches[r] else { continue }
      for raise in found.raises(of: plan.pattern, rule: r, events: log.events) {
        emit(Int(raise.event), r, .robotic, raise: raises.count)
        raises.append(raise)
      }
    }
    let ordered = FindingOrder(events: log.events).merge(judgedRecords, records)
    let describer = FindingDescriber(run: run, raises: raises)
    return Evaluation(
      standards: Evaluation.Standards(sha256: book.set.sha256, files: book.set.files.map(\.path)),
      events: Evaluation.EventCounts(
        read: log.read, evaluated: log.events.count, rejected: log.rejected.count, unjudged: unjudged),
      rejected: log.rejected,
      findings: FindingList(records: ordered, describer: describer),
      summary: tally.summary(rules: book.rules.map(\.id), employees: run.employees, only: only),
      rules: book.infos,
      employee: options.employee)
  }
}
