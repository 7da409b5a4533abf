import CEL

/// Why a finding got its verdict: the data behind its `because` sentence.
///
/// Reports and `essence explain` turn it into sentences. It is built only when a finding is
/// read, and `trace` steps only by ``Engine/explain(event:rule:)``, so a million judged events
/// cost no explanation work.
public struct Explanation: Sendable {
  /// The letter (`expect`) and how it came out; nil for signals and patterns.
  public var letter: CheckOutcome?
  /// The purpose checks that ran (only when the letter held), in set order.
  public var purposeChecks: [CheckOutcome]
  /// Deviations tried before the one that applied (or all of them, for `missed`) whose
  /// `when` did not hold.
  public var deviationsNotApplying: [DeviationAttempt]
  /// The deviation that applied, with its evidence, limit and approval.
  public var deviation: DeviationOutcome?
  /// Other events the decision looked at: relation matches, a signal's response or the
  /// employee's other work, a pattern's matches.
  public var related: [RelatedEvent]

  /// Creates an explanation.
  public init(
    letter: CheckOutcome? = nil, purposeChecks: [CheckOutcome] = [],
    deviationsNotApplying: [DeviationAttempt] = [], deviation: DeviationOutcome? = nil,
    related: [RelatedEvent] = []
  ) {
    self.letter = letter
    self.purposeChecks = purposeChecks
    self.deviationsNotApplying = deviationsNotApplying
    self.deviation = deviation
    self.related = related
  }
}

/// How one condition (a letter, purpose check or limit) came out on the event.
public struct CheckOutcome: Sendable {
  /// The three ways a condition can end.
  public enum Result: Sendable, Hashable {
    case held
    case failed
    /// It could not be evaluated, or was not a bool; the message says why.
    case error(String)
  }

  /// The purpose check's id; nil for a letter or limit.
  public var id: String?
  /// The CEL source, or the relation in words (`followed_by first_response same ticket_id within 1h`).
  public var expression: String
  /// What failing means, for purpose checks.
  public var says: String?
  /// How it came out.
  public var result: Result
  /// The event fields the expression reads, with their values on this event.
  public var fields: [FieldValue]
  /// Every sub-expression's value, in evaluation order; empty unless explained.
  public var trace: [TraceStep]
  /// Where the condition is written.
  public var location: SourceLocation

  /// Creates an outcome.
  public init(
    id: String? = nil, expression: String, says: String? = nil, result: Result, fields: [FieldValue] = [],
    trace: [TraceStep] = [], location: SourceLocation
  ) {
    self.id = id
    self.expression = expression
    self.says = says
    self.result = result
    self.fields = fields
    self.trace = trace
    self.location = location
  }
}

/// An event field and its value; `value` is nil when the field is absent.
public struct FieldValue: Sendable {
  /// The field name (`break_minutes`).
  public var name: String
  /// The value, or nil when the event has no such field.
  public var value: Value?

  /// Creates a field value.
  public init(name: String, value: Value?) {
    self.name = name
    self.value = value
  }
}

/// One sub-expression and its value, as `explain` prints it (`event.break_minutes = 65`).
public struct TraceStep: Sendable {
  /// The sub-expression's source text.
  public var expression: String
  /// Its value (errors included).
  public var value: Value

  /// Creates a step.
  public init(expression: String, value: Value) {
    self.expression = expression
    self.value = value
  }
}

/// A deviation whose `when` was tried and did not hold.
public struct DeviationAttempt: Sendable {
  /// The deviation's id.
  public var id: String
  /// Its `when` as written.
  public var when: String
  /// Why it did not apply: false, or the error message.
  public var result: CheckOutcome.Result

  /// Creates an attempt.
  public init(id: String, when: String, result: CheckOutcome.Result) {
    self.id = id
    self.when = when
    self.result = result
  }
}

/// The deviation that applied, and how its evidence, limit and approval came out.
public struct DeviationOutcome: Sendable {
  /// The deviation's id.
  public var id: String
  /// Its `when` as written (it held).
  public var when: String
  /// How it serves the purpose.
  public var serves: String
  /// Every evidence field with its value (nil when absent).
  public var evidence: [FieldValue]
  /// Evidence fields that are absent, null, `""` or `[]`.
  public var missingEvidence: [String]
  /// The limit and its outcome; nil when there is none or evidence was already missing.
  public var limit: CheckOutcome?
  /// The supervisor's approval; nil for automatic deviations or when evidence or limit failed.
  public var approval: ApprovalOutcome?
  /// Where the deviation is written.
  public var location: SourceLocation

  /// Creates an outcome.
  public init(
    id: String, when: String, serves: String, evidence: [FieldValue], missingEvidence: [String],
    limit: CheckOutcome?, approval: ApprovalOutcome?, location: SourceLocation
  ) {
    self.id = id
    self.when = when
    self.serves = serves
    self.evidence = evidence
    self.missingEvidence = missingEvidence
    self.limit = limit
    self.approval = approval
    self.location = location
  }
}

/// The supervisor approval a deviation asks for (SPEC §2), as the latest approval event decided it.
public struct ApprovalOutcome: Sendable {
  /// Where the approval stands.
  public enum Decision: String, Sendable, Hashable {
    case awaiting, approved, declined
  }

  /// Awaiting until an approval event decides.
  public var decision: Decision
  /// The approval event's id, employee (the approver), `note` and `time` as written.
  public var event: String?
  public var approver: String?
  public var note: String?
  public var time: String?

  /// Creates an outcome.
  public init(
    decision: Decision, event: String? = nil, approver: String? = nil, note: String? = nil, time: String? = nil
  ) {
    self.decision = decision
    self.event = event
    self.approver = approver
    self.note = note
    self.time = time
  }
}

/// Another event a decision looked at.
public struct RelatedEvent: Sendable {
  /// What the other event was to the decision.
  public enum Role: String, Sendable, Hashable {
    /// Matched a relation (`followed_by` and friends).
    case relation
    /// Answered a signal.
    case response
    /// Work of the signal's employee inside the window (why a signal is `robotic`).
    case busy
    /// Counted toward a pattern's raise.
    case counted
    /// Joined a pattern's open finding after it was raised.
    case joined
  }

  public var role: Role
  public var id: String
  public var type: String
  public var employee: String
  /// `time` as written in the log.
  public var time: String
  /// The event's `note` field when it is a string: its employee's own words (the huddle
  /// quotes whoever answered a need).
  public var note: String?

  /// Creates a related event.
  public init(role: Role, id: String, type: String, employee: String, time: String, note: String? = nil) {
    self.role = role
    self.id = id
    self.type = type
    self.employee = employee
    self.time = time
    self.note = note
  }
}
