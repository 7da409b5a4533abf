extension StandardsDecoder {
  /// A standard, or nil when a part is missing or did not compile.
  mutating func standard(_ node: YAMLNode) -> Standard? {
    let when = optionalCondition(node["when"])
    let expect = check(node["expect"])
    let purposeChecks = list(node["purpose_checks"]) { $0.purposeCheck($1) }
    let deviations = list(node["deviations"]) { $0.deviation($1) }
    let examples = list(node["examples"]) { $0.example($1) }
    guard let id = node["id"]?.string, let title = node["title"]?.string, let on = Self.strings(node["on"]),
      let expect, let rationale = node["rationale"]?.string, let severity = Self.severity(node["severity"]),
      Self.compiled(when), let purposeChecks, let deviations, let examples
    else { return nil }
    return Standard(
      id: id, title: title, on: on, when: when ?? nil, expect: expect, rationale: rationale, severity: severity,
      tags: node["tags"]?.sequence?.compactMap(\.string) ?? [], purposeChecks: purposeChecks, deviations: deviations,
      examples: examples, location: node.start)
  }

  /// A purpose check.
  mutating func purposeCheck(_ node: YAMLNode) -> PurposeCheck? {
    let expect = check(node["expect"])
    guard let id = node["id"]?.string, let expect, let says = node["says"]?.string else { return nil }
    return PurposeCheck(id: id, expect: expect, says: says, location: node.start)
  }

  /// A deviation; approval defaults to `automatic`.
  mutating func deviation(_ node: YAMLNode) -> Deviation? {
    let when = node["when"].flatMap { compiler.compile($0, into: &engine) }
    let limit = optionalCondition(node["limit"])
    let approval = node["approval"].map { $0.string.flatMap(Deviation.Approval.init(rawValue:)) } ?? .automatic
    guard let id = node["id"]?.string, let when, Self.compiled(limit), let approval,
      let serves = node["serves"]?.string
    else { return nil }
    return Deviation(
      id: id, when: when, evidence: node["evidence"]?.sequence?.compactMap(\.string) ?? [], limit: limit ?? nil,
      approval: approval, serves: serves, location: node.start)
  }

  /// An example: the event, related events and the verdict.
  mutating func example(_ node: YAMLNode) -> RuleExample? {
    guard let event = node["event"]?.fieldEntries, let verdict = node["verdict"]?.string else { return nil }
    let related = (node["related"]?.sequence ?? []).compactMap(\.fieldEntries)
    return RuleExample(
      event: event.map { ($0.name, $0.node.celValue) },
      related: related.map { entries in entries.map { ($0.name, $0.node.celValue) } }, verdict: verdict,
      deviation: node["deviation"]?.string, location: node.start)
  }
}
