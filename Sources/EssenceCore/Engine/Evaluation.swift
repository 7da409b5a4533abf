/// The result of judging one run's logs against a standards set (SPEC §6).
///
/// Counts and the summary are complete; `findings` are kept compact and each ``Finding``
/// (with its `because` and ``Explanation``) is built only when read, so reports pay for the
/// findings they print, not for every judged event.
public struct Evaluation: Sendable {
  /// Which standards made the verdicts.
  public struct Standards: Sendable, Hashable {
    /// SHA-256 (hex) of the set.
    public var sha256: String
    /// The set's files, sorted by path.
    public var files: [String]

    /// Creates the identity of a set.
    public init(sha256: String, files: [String]) {
      self.sha256 = sha256
      self.files = files
    }

    /// The identity of a loaded set.
    public init(_ set: StandardsSet) {
      self.init(sha256: set.sha256, files: set.files.map(\.path))
    }
  }

  /// How many records were read and what became of them.
  ///
  /// `read = evaluated + rejected`, and every evaluated event is judged by a rule or `unjudged`.
  public struct EventCounts: Sendable, Hashable {
    public var read: Int
    public var evaluated: Int
    public var rejected: Int
    public var unjudged: Int

    /// Creates counts.
    public init(read: Int, evaluated: Int, rejected: Int, unjudged: Int) {
      self.read = read
      self.evaluated = evaluated
      self.rejected = rejected
      self.unjudged = unjudged
    }
  }

  /// Verdict counts over every finding, `met` included.
  public struct Summary: Sendable {
    /// Over all rules.
    public var byVerdict: VerdictCounts
    /// Per judged event's employee, sorted by name (code point order).
    public var byEmployee: [(employee: String, counts: VerdictCounts)]
    /// Per rule, every rule of the set in set order (a rule with no findings has an empty tally).
    public var byRule: [(rule: String, counts: VerdictCounts)]

    /// Creates a summary.
    public init(
      byVerdict: VerdictCounts, byEmployee: [(employee: String, counts: VerdictCounts)],
      byRule: [(rule: String, counts: VerdictCounts)]
    ) {
      self.byVerdict = byVerdict
      self.byEmployee = byEmployee
      self.byRule = byRule
    }
  }

  public var standards: Standards
  public var events: EventCounts
  /// Rejected records, in input order.
  public var rejected: [RejectedRecord]
  /// Findings in (time, input order, rule order); `met` ones only when asked for.
  public var findings: FindingList
  public var summary: Summary
  /// Every rule of the set, in set order.
  public var rules: [RuleInfo]
  /// The one employee findings and `byEmployee` are restricted to, if any.
  public var employee: String?

  /// Creates an evaluation.
  public init(
    standards: Standards, events: EventCounts, rejected: [RejectedRecord], findings: FindingList,
    summary: Summary, rules: [RuleInfo], employee: String?
  ) {
    self.standards = standards
    self.events = events
    self.rejected = rejected
    self.findings = findings
    self.summary = summary
    self.rules = rules
    self.employee = employee
  }

  /// The rule with this id, if the set has one.
  public func rule(_ id: String) -> RuleInfo? { rules.first { $0.id == id } }
}

extension Evaluation {
  /// True when a listed finding a leader must act on (not met, justified or answered) has at
  /// least this severity: `--fail-on` exits 1 then.
  public func needsAttention(atOrAbove severity: Severity) -> Bool {
    findings.records.contains { !$0.verdict.isGood && rules[Int($0.rule)].severity >= severity }
  }
}
