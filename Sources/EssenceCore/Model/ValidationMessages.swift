/// The standards model's diagnostics, alphabetised by factory name.
extension DiagnosticMessage {
  static func badDuration(_ text: String) -> DiagnosticMessage {
    .error(
      "schema.bad_duration",
      "'\(text)' is not a duration; expected a number and a unit, such as '90s', '10m' or '1h30m'")
  }

  static func badFieldName(_ text: String) -> DiagnosticMessage {
    .error(
      "schema.bad_field_name",
      "'\(text)' is not a field name; expected letters, digits and '_', not starting with a digit")
  }

  static func badID(_ text: String, what: String) -> DiagnosticMessage {
    .error("schema.bad_id", "'\(text)' is not a valid \(what); expected lowercase letters, digits and '-'")
  }

  static func badRelation(_ count: Int) -> DiagnosticMessage {
    .error(
      "schema.bad_relation",
      count == 0
        ? "a relation needs one of 'followed_by', 'not_followed_by', 'preceded_by' or 'not_preceded_by'"
        : "a relation has exactly one of 'followed_by', 'not_followed_by', 'preceded_by' or 'not_preceded_by'")
  }

  static func badSeverity(_ text: String) -> DiagnosticMessage {
    .error(
      "schema.bad_severity", "'\(text)' is not a severity; expected \(quotedChoice(Severity.allCases.map(\.rawValue)))")
  }

  static func badValue(_ text: String, key: String, choices: [String]) -> DiagnosticMessage {
    .error("schema.bad_value", "'\(text)' is not a valid '\(key)'; expected \(quotedChoice(choices))")
  }

  static func badVersion(_ text: String) -> DiagnosticMessage {
    .error("schema.bad_version", "unsupported format version '\(text)'; expected 1")
  }

  static func duplicateID(_ id: String, what: String) -> DiagnosticMessage {
    .error("set.duplicate_id", "duplicate \(what) id '\(id)'")
  }

  static func duplicateTeam(_ team: String) -> DiagnosticMessage {
    .warning("set.duplicate_team", "team '\(team)' already has a standards file in this set; keep one file per team")
  }

  static func emptyValue(_ key: String) -> DiagnosticMessage {
    .error("schema.empty_value", "'\(key)' must not be empty")
  }

  static func fieldConflict(_ name: String, kind: String, earlier: String) -> DiagnosticMessage {
    .error("set.field_conflict", "field '\(name)' is declared as '\(kind)' here but as '\(earlier)' before")
  }

  static func missingKey(_ key: String, in place: String) -> DiagnosticMessage {
    .error("schema.missing_key", "missing required key '\(key)' in \(place)")
  }

  static func noDeviations(_ id: String) -> DiagnosticMessage {
    .warning(
      "rule.no_deviations",
      "standard '\(id)' has no deviations; say when deviating serves the purpose, or write 'deviations: []'")
  }

  static func noFiles(_ path: String) -> DiagnosticMessage {
    .error("set.no_files", "no '*.yaml' or '*.yml' files in directory '\(path)'")
  }

  static func nonPositive(_ key: String) -> DiagnosticMessage {
    .error("schema.bad_value", "'\(key)' must be at least 1")
  }

  static func oneDocument() -> DiagnosticMessage {
    .error("schema.type", "a standards file holds one YAML document; found more than one")
  }

  static func redundantLimit(deviation: String) -> DiagnosticMessage {
    .warning(
      "rule.redundant_limit",
      "the 'limit' of deviation '\(deviation)' can never hold when 'expect' is broken; "
        + "it is at least as strict as the letter")
  }

  static func rootType(found: String) -> DiagnosticMessage {
    .error("schema.type", "expected a mapping at the top of the standards file, found \(found)")
  }

  static func undeclaredFieldReference(_ name: String, key: String) -> DiagnosticMessage {
    .warning("rule.undeclared_field", "field '\(name)' in '\(key)' is not declared in 'fields'")
  }

  static func unknownDeviation(_ id: String, standard: String) -> DiagnosticMessage {
    .error("rule.unknown_deviation", "the example names deviation '\(id)', which standard '\(standard)' does not have")
  }

  static func unknownKey(_ key: String, in place: String) -> DiagnosticMessage {
    .error("schema.unknown_key", "unknown key '\(key)' in \(place)")
  }

  static func unreachableDeviation(_ id: String, earlier: String) -> DiagnosticMessage {
    .warning(
      "rule.unreachable_deviation",
      "deviation '\(id)' can never apply: earlier deviation '\(earlier)' has the same 'when'")
  }

  static func wrongType(expected: String, key: String, found: String) -> DiagnosticMessage {
    .error("schema.type", "expected \(expected) for '\(key)', found \(found)")
  }

  /// `'a', 'b' or 'c'`.
  private static func quotedChoice(_ words: [String]) -> String {
    let quoted = words.map { "'\($0)'" }
    guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + last
  }
}

extension DiagnosticMessage {
  static func badFieldKind(_ text: String) -> DiagnosticMessage {
    .error(
      "schema.bad_value",
      "'\(text)' is not a field type; expected 'string', 'number', 'bool', 'time', 'duration', 'list', 'map' or 'any'")
  }
}
