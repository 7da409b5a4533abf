/// What one rule said about one event (SPEC §6): the verdict, why, and where the rule is written.
public struct Finding: Sendable {
  /// The judged event's id (or `<path>:<line>`).
  public var event: String
  /// The judged event's employee.
  public var employee: String
  /// The event's `time`, exactly as written in the log.
  public var time: String
  /// The rule's id.
  public var rule: String
  /// Standard, signal or pattern.
  public var kind: RuleKind
  public var verdict: Verdict
  public var severity: Severity
  /// The deviation that applied, if any.
  public var deviation: String?
  /// One plain sentence saying what decided the verdict.
  public var because: String
  /// Where the rule is written (`- id:` of the rule).
  public var source: SourceLocation
  /// The data behind `because`.
  public var explanation: Explanation
  /// The event's `note` field when it is a string: the employee's own words, for recognition.
  public var note: String?
  /// The event's position in input order over all logs of the run.
  public var eventIndex: Int

  /// Creates a finding.
  public init(
    event: String, employee: String, time: String, rule: String, kind: RuleKind, verdict: Verdict,
    severity: Severity, deviation: String?, because: String, source: SourceLocation, explanation: Explanation,
    note: String?, eventIndex: Int
  ) {
    self.event = event
    self.employee = employee
    self.time = time
    self.rule = rule
    self.kind = kind
    self.verdict = verdict
    self.severity = severity
    self.deviation = deviation
    self.because = because
    self.source = source
    self.explanation = explanation
    self.note = note
    self.eventIndex = eventIndex
  }
}
