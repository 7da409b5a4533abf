import CEL

/// A standards file: one team's purpose and the rules that serve it (SPEC §1).
public struct StandardsFile: Sendable {
  public var path: String
  public var team: String
  public var purpose: String
  public var description: String?
  /// Which events this file judges; nil judges all.
  public var scope: Condition?
  /// Declared event fields and their types, in file order.
  public var fields: [FieldDeclaration]
  public var standards: [Standard]
  public var signals: [Signal]
  public var patterns: [Pattern]
}

/// A declared event field (`fields:`).
public struct FieldDeclaration: Sendable {
  /// The declared kinds a field may have.
  public enum Kind: String, Sendable, CaseIterable {
    case string, number, bool, time, duration, list, map, any
  }

  public var name: String
  public var kind: Kind
  public var location: SourceLocation
}

/// A requirement with its rationale, purpose checks and allowed deviations.
public struct Standard: Sendable {
  public var id: String
  public var title: String
  public var on: [String]
  public var when: Condition?
  /// The letter.
  public var expect: Check
  public var rationale: String
  public var severity: Severity
  public var tags: [String]
  public var purposeChecks: [PurposeCheck]
  /// Tried in order; the first whose `when` holds applies.
  public var deviations: [Deviation]
  public var examples: [RuleExample]
  /// Where `- id:` of the standard is.
  public var location: SourceLocation
}

/// A sign that the letter served its purpose; failing it makes a met letter `robotic`.
public struct PurposeCheck: Sendable {
  public var id: String
  public var expect: Check
  /// What failing means, in the leader's words.
  public var says: String
  public var location: SourceLocation
}

/// An allowed, purpose-serving way to break the letter.
public struct Deviation: Sendable {
  /// Who must approve a deviation before it counts.
  public enum Approval: String, Sendable, CaseIterable {
    case automatic, supervisor
  }

  public var id: String
  public var when: Condition
  /// Fields that must be present and non-empty.
  public var evidence: [String]
  public var limit: Condition?
  public var approval: Approval
  /// How the deviation serves the purpose.
  public var serves: String
  public var location: SourceLocation
}

/// A customer need that calls for a response beyond assigned duties.
public struct Signal: Sendable {
  /// Who may answer a signal.
  public enum Responder: String, Sendable, CaseIterable {
    case anyone
    case sameEmployee = "same_employee"
  }

  public var id: String
  public var title: String
  public var on: [String]
  public var when: Condition?
  public var responseOn: [String]
  public var responseSame: [String]
  public var responseWithinNanos: Int64
  public var responseBy: Responder
  public var rationale: String
  public var severity: Severity
  public var examples: [RuleExample]
  public var location: SourceLocation
}

/// Counted behaviour in a sliding window.
public struct Pattern: Sendable {
  public var id: String
  public var title: String
  public var on: [String]
  public var when: Condition?
  public var threshold: Int
  public var withinNanos: Int64
  /// Grouping fields (default `[employee]`).
  public var per: [String]
  public var rationale: String
  public var severity: Severity
  public var examples: [RuleExample]
  public var location: SourceLocation
}

/// An example under a rule: an event (and related events) and the verdict it must get.
public struct RuleExample: Sendable {
  /// The event's fields as written (type/time/employee may be absent and are filled in).
  public var event: [(name: String, value: Value)]
  /// Other events, for relations and approvals.
  public var related: [[(name: String, value: Value)]]
  public var verdict: String
  public var deviation: String?
  public var location: SourceLocation
}
