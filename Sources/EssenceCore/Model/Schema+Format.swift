/// The objects of the standards format, as SPEC §1 writes them.
public enum StandardsFormat {
  /// The kinds `fields:` may declare.
  public static let fieldKinds = FieldDeclaration.Kind.allCases.map(\.rawValue)
  /// The verdicts an example may expect.
  public static let verdicts = Verdict.allCases.map(\.rawValue)

  private static let severity = SchemaType.choice(Severity.allCases.map(\.rawValue), id: "schema.bad_severity")
  private static let types = SchemaType.oneOrList(.eventType)

  /// A standards file.
  public static let file = SchemaObject(
    name: "file", noun: "standards file",
    keys: [
      SchemaKey("essence", .version, required: true, "format version; must be 1"),
      SchemaKey("team", .identifier, required: true, "the team, [a-z0-9-]+"),
      SchemaKey("purpose", .text(nonEmpty: true), required: true, "the team's purpose, in one sentence"),
      SchemaKey("description", .text(nonEmpty: false), "what the team does"),
      SchemaKey("scope", .expression, "CEL: which events this file judges (default: all)"),
      SchemaKey("fields", .fieldKinds, "declared event fields and their types, for checking expressions"),
      SchemaKey("standards", .list(.object(standard)), "requirements with their rationale and deviations"),
      SchemaKey("signals", .list(.object(signal)), "customer needs that call for a response"),
      SchemaKey("patterns", .list(.object(pattern)), "counted behaviour in a sliding window"),
    ])

  /// A standard.
  public static let standard = SchemaObject(
    name: "standard", noun: "standard",
    keys: [
      SchemaKey("id", .identifier, required: true, "unique across the set, [a-z0-9-]+"),
      SchemaKey("title", .text(nonEmpty: true), required: true, "a short name"),
      SchemaKey("on", types, required: true, "the event type, or a list of types, this standard judges"),
      SchemaKey("when", .expression, "CEL narrowing which events of those types it judges"),
      SchemaKey("expect", .check, required: true, "the letter: CEL, or a relation"),
      SchemaKey("rationale", .text(nonEmpty: true), required: true, "why the standard exists"),
      SchemaKey("severity", severity, "info, minor, major or critical (default minor)"),
      SchemaKey("tags", .list(.text(nonEmpty: true)), "free labels"),
      SchemaKey("purpose_checks", .list(.object(purposeCheck)), "signs that the letter served its purpose"),
      SchemaKey("deviations", .list(.object(deviation)), "allowed deviations, tried in order"),
      SchemaKey("examples", .list(.object(example)), "events and the verdicts they must get"),
    ])

  /// A purpose check.
  public static let purposeCheck = SchemaObject(
    name: "purpose_check", noun: "purpose check",
    keys: [
      SchemaKey("id", .identifier, required: true, "[a-z0-9-]+"),
      SchemaKey("expect", .check, required: true, "CEL, or a relation"),
      SchemaKey("says", .text(nonEmpty: true), required: true, "what failing means"),
    ])

  /// A deviation.
  public static let deviation = SchemaObject(
    name: "deviation", noun: "deviation",
    keys: [
      SchemaKey("id", .identifier, required: true, "[a-z0-9-]+"),
      SchemaKey("when", .expression, required: true, "CEL: when this deviation applies"),
      SchemaKey("evidence", .list(.fieldName), "fields that must be present and non-empty"),
      SchemaKey("limit", .expression, "CEL bound on how far the deviation may go"),
      SchemaKey(
        "approval", .choice(Deviation.Approval.allCases.map(\.rawValue), id: "schema.bad_value"),
        "automatic (default) or supervisor"),
      SchemaKey("serves", .text(nonEmpty: true), required: true, "how deviating serves the purpose"),
    ])

  /// A relation (SPEC §3): exactly one of these keys.
  public static let relation = SchemaObject(
    name: "relation", noun: "relation",
    keys: Relation.Kind.allCases.map { SchemaKey($0.rawValue, .object(relationBody), "a time relation") })

  /// The body of a relation.
  public static let relationBody = SchemaObject(
    name: "relation_body", noun: "relation",
    keys: [
      SchemaKey("on", types, required: true, "the type, or list of types, of the other event"),
      SchemaKey("same", .list(.fieldName), "fields equal on both events"),
      SchemaKey("within", .duration, required: true, "the window after or before the event"),
      SchemaKey("where", .expression, "CEL over 'event' and 'other'"),
    ])

  /// A signal.
  public static let signal = SchemaObject(
    name: "signal", noun: "signal",
    keys: [
      SchemaKey("id", .identifier, required: true, "unique across the set, [a-z0-9-]+"),
      SchemaKey("title", .text(nonEmpty: true), required: true, "a short name"),
      SchemaKey("on", types, required: true, "the event type, or list of types, of the signal"),
      SchemaKey("when", .expression, "CEL narrowing which events are signals"),
      SchemaKey("response", .object(response), required: true, "what answers the signal"),
      SchemaKey("rationale", .text(nonEmpty: true), required: true, "why a response matters"),
      SchemaKey("severity", severity, "info, minor, major or critical (default minor)"),
      SchemaKey("examples", .list(.object(example)), "events and the verdicts they must get"),
    ])

  /// A signal's response.
  public static let response = SchemaObject(
    name: "response", noun: "response",
    keys: [
      SchemaKey("on", types, required: true, "the type, or list of types, of a response event"),
      SchemaKey("same", .list(.fieldName), "fields equal on the signal and the response"),
      SchemaKey("within", .duration, required: true, "how soon the response must come"),
      SchemaKey(
        "by", .choice(Signal.Responder.allCases.map(\.rawValue), id: "schema.bad_value"),
        "anyone (default) or same_employee"),
    ])

  /// A pattern.
  public static let pattern = SchemaObject(
    name: "pattern", noun: "pattern",
    keys: [
      SchemaKey("id", .identifier, required: true, "unique across the set, [a-z0-9-]+"),
      SchemaKey("title", .text(nonEmpty: true), required: true, "a short name"),
      SchemaKey("on", types, required: true, "the event type, or list of types, counted"),
      SchemaKey("when", .expression, "CEL narrowing which events count"),
      SchemaKey("threshold", .positiveInteger, required: true, "raise at this many matches within the window"),
      SchemaKey("within", .duration, required: true, "the sliding window"),
      SchemaKey("per", .list(.fieldName), "grouping fields (default [employee])"),
      SchemaKey("rationale", .text(nonEmpty: true), required: true, "why the pattern matters"),
      SchemaKey("severity", severity, "info, minor, major or critical (default minor)"),
      SchemaKey("examples", .list(.object(example)), "events and the verdicts they must get"),
    ])

  /// An example under a rule.
  public static let example = SchemaObject(
    name: "example", noun: "example",
    keys: [
      SchemaKey("event", .anyMapping, required: true, "the judged event's fields"),
      SchemaKey("verdict", .choice(verdicts, id: "schema.bad_value"), required: true, "the verdict it must get"),
      SchemaKey("deviation", .identifier, "the deviation that must apply"),
      SchemaKey("related", .list(.anyMapping), "other events, for relations and approvals"),
    ])
}
