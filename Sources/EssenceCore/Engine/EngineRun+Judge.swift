import CEL

/// How a standard decided one event, without the words (those come when a finding is read).
struct StandardDecision: Sendable {
  /// What made an applied deviation `unjustified`.
  enum Failure: UInt8, Sendable {
    case none, evidence, limit, declined
  }

  var verdict: Verdict
  /// Position of the applied deviation, or -1.
  var deviation: Int = -1
  var failure: Failure = .none
}

/// How a signal decided one event, and the event that decided it.
struct SignalDecision: Sendable {
  var verdict: Verdict
  /// The response (answered) or the employee's other work (robotic).
  var related: Int32?
}

extension Event {
  /// The variables of a condition over this event alone, as judging binds them.
  var activation: Activation { JudgedEvent(self).activation }
}

extension EngineRun {
  /// Decides a standard that applies to an event (SPEC §1 "How a standard decides", 2-4).
  func decide(_ plan: StandardPlan, event: JudgedEvent, _ activation: Activation) -> StandardDecision {
    switch outcome(plan.unretainedExpect, event: event, activation) {
    case .error:
      return StandardDecision(verdict: .error)
    case .held:
      // Every check runs: any false makes the verdict robotic, even if another errored (SPEC §7).
      var errored = false
      for check in plan.unretainedChecks {
        switch outcome(check, event: event, activation) {
        case .failed: return StandardDecision(verdict: .robotic)
        case .error: errored = true
        case .held: break
        }
      }
      return StandardDecision(verdict: errored ? .error : .met)
    case .failed:
      for (d, deviation) in plan.unretainedDeviations.enumerated()
      where deviation._withUnsafeGuaranteedRef({ $0.when.outcome(activation) }) == .held {
        return deviation._withUnsafeGuaranteedRef { decide($0, index: d, event: event, activation) }
      }
      return StandardDecision(verdict: .missed)
    }
  }

  /// Decides the deviation that applied: evidence, then limit, then approval (SPEC §7).
  private func decide(_ plan: DeviationPlan, index: Int, event: JudgedEvent, _ activation: Activation) -> StandardDecision {
    let record = event.record
    for field in plan.evidence where EngineRun.isMissing(field.read(record)) {
      return StandardDecision(verdict: .unjustified, deviation: index, failure: .evidence)
    }
    if let limit = plan.limit, limit.outcome(activation) != .held {
      return StandardDecision(verdict: .unjustified, deviation: index, failure: .limit)
    }
    guard plan.deviation.approval == .supervisor else { return StandardDecision(verdict: .justified, deviation: index) }
    guard let approval = approvals[event.id] else {
      return StandardDecision(verdict: .pending, deviation: index)
    }
    return approval.approved
      ? StandardDecision(verdict: .justified, deviation: index)
      : StandardDecision(verdict: .unjustified, deviation: index, failure: .declined)
  }

  /// Evidence is missing when absent, null, `""` or `[]` (SPEC §7); `0`, `false` and `{}` are present.
  static func isMissing(_ value: Value?) -> Bool {
    switch value {
    case nil, .null?: true
    case .string(let s)?: s.isEmpty
    case .list(let items)?: items.isEmpty
    default: false
    }
  }

  /// How an `expect` or purpose check came out; relations never error.
  func outcome(_ check: CheckPlan.Unretained, event: JudgedEvent, _ activation: Activation) -> ConditionOutcome {
    switch check {
    case .condition(let predicate):
      return predicate._withUnsafeGuaranteedRef { $0.outcome(activation) }
    case .relation(let plan):
      return plan._withUnsafeGuaranteedRef { plan in
        let found = match(plan, event: event) != nil
        return found != plan.negated ? .held : .failed
      }
    }
  }

  /// The first event (time, input order) a relation finds in its window, or nil.
  ///
  /// Negated relations use it too (a match breaks them). An event never relates to itself; a
  /// `where` that errors means the pair does not relate.
  func match(_ plan: RelationPlan, event: JudgedEvent) -> Int32? {
    withLookup(plan.lookup) { match(plan, event: event, in: $0) }
  }

  private func match(_ plan: RelationPlan, event: JudgedEvent, in lookup: Lookup) -> Int32? {
    guard let group = group(of: plan.same, event: event, in: lookup) else { return nil }
    let t = event.time
    let me = Int32(event.index)
    let (lower, upper) =
      plan.forward ? (t, t.shifted(byNanos: plan.withinNanos)) : (t.shifted(byNanos: -plan.withinNanos), t)
    guard let condition = plan.where else {
      return lookup.index.first(in: group, from: lower, through: upper, excluding: me)
    }
    var pair = Activation(values: [.record(event.record), .null])
    // The candidates lie in one window of time, mostly in one block: it is looked up once,
    // not under the store's lock for each candidate.
    var block: HeldBlock?
    return lookup.index.first(in: group, from: lower, through: upper, excluding: me) { other in
      self.events.hold(&block, containing: Int(other))
      pair.values[1] = .record(block.unsafelyUnwrapped.event(Int(other), time: self.times[Int(other)]).record)
      return condition.outcome(pair) == .held
    }
  }

  /// Decides a signal (SPEC §3): answered by a response in `[t, t + within]`; else robotic when
  /// its employee logged work of a type some standard judges in that window; else unanswered.
  func decide(_ plan: SignalPlan, event: JudgedEvent) -> SignalDecision {
    let t = event.time
    let upper = t.shifted(byNanos: plan.signal.responseWithinNanos)
    let me = Int32(event.index)
    let response = withLookup(plan.lookup) { lookup in
      group(of: plan.keyFields, event: event, in: lookup).flatMap {
        lookup.index.first(in: $0, from: t, through: upper, excluding: me)
      }
    }
    if let response { return SignalDecision(verdict: .answered, related: response) }
    if let work = busy.first(in: employeeOf[event.index], from: t, through: upper, excluding: me) {
      return SignalDecision(verdict: .robotic, related: work)
    }
    return SignalDecision(verdict: .unanswered)
  }

  /// Calls `body` with lookup `l`, not counted: relations and signals read their lookup for
  /// every event they judge, and taking it from `lookups` counted it and its key table's arrays.
  private func withLookup<R>(_ l: Int, _ body: (Lookup) -> R) -> R {
    unretainedLookups[l]._withUnsafeGuaranteedRef(body)
  }

  /// The number, among a lookup's keys, of the key of `fields` on an event; nil when it has
  /// none or the lookup lacks it.
  private func group(of fields: borrowing [FieldRef], event: JudgedEvent, in lookup: Lookup) -> Int32? {
    event.withRow { storage, row in
      JoinKey.withKey(of: fields, storage: storage, row: row, text: { lookup.keys.find(text: $0) }) {
        $0.flatMap { lookup.keys.find($0) }
      }
    }
  }
}
