/// A rule of the set as reports describe it: its words, not its expressions.
public struct RuleInfo: Sendable {
  public var id: String
  public var title: String
  public var kind: RuleKind
  public var severity: Severity
  /// Why the rule exists.
  public var rationale: String
  /// The purpose of the team whose file holds the rule.
  public var purpose: String
  /// The team whose file holds the rule.
  public var team: String
  /// Where the rule is written.
  public var source: SourceLocation

  /// Creates a rule description.
  public init(
    id: String, title: String, kind: RuleKind, severity: Severity, rationale: String, purpose: String,
    team: String, source: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.severity = severity
    self.rationale = rationale
    self.purpose = purpose
    self.team = team
    self.source = source
  }
}

extension StandardsSet {
  /// Every rule in set order: each file's standards, then signals, then patterns.
  ///
  /// This order breaks ties between findings on one event and orders `summary.by_rule`.
  public var ruleInfos: [RuleInfo] {
    files.flatMap { file in
      file.standards.map {
        RuleInfo(
          id: $0.id, title: $0.title, kind: .standard, severity: $0.severity, rationale: $0.rationale,
          purpose: file.purpose, team: file.team, source: $0.location)
      }
        + file.signals.map {
          RuleInfo(
            id: $0.id, title: $0.title, kind: .signal, severity: $0.severity, rationale: $0.rationale,
            purpose: file.purpose, team: file.team, source: $0.location)
        }
        + file.patterns.map {
          RuleInfo(
            id: $0.id, title: $0.title, kind: .pattern, severity: $0.severity, rationale: $0.rationale,
            purpose: file.purpose, team: file.team, source: $0.location)
        }
    }
  }
}
