import CEL

/// `essence explain --format json`: the same content as the text, as data.
///
/// Keys follow SPEC §6 where they overlap (`event`, `rule`, `verdict`, `because`, `source`);
/// field values are JSON values (times as written, durations as their CEL text).
extension ExplainReporter {
  /// The explanations as one JSON document.
  public func generateJSON(_ explanations: [ExplainedEvent]) -> String {
    let document = OrderedJSON.object([
      .init(
        "standards",
        .object([
          .init("sha256", .string(standards.sha256)), .init("files", .array(standards.files.map { .string($0) })),
        ])),
      .init("events", .array(explanations.map(event))),
    ])
    return document.rendered() + "\n"
  }

  private func event(_ explained: ExplainedEvent) -> OrderedJSON {
    let explanation = explained.explanation
    let e = explanation.event
    return .object([
      .init("id", .string(e.id)), .init("type", .string(e.type)), .init("employee", .string(e.employee)),
      .init("time", .string(e.timeText)),
      .init("source", .object([.init("path", .string(e.path)), .init("line", .int(e.line))])),
      .init(
        "fields",
        .object(e.record.fields.map { .init($0.name, $0.name == "time" ? .string(e.timeText) : Self.json($0.value)) })),
      .init("findings", .array(explanation.findings.map { finding($0, event: e, related: explained.relatedEvents) })),
      .init(
        "pattern_findings",
        .array(explained.patternFindings.map { finding($0, event: nil, related: explained.relatedEvents) })),
      .init("not_judged_by", .array(explanation.notes.map(OrderedJSON.string))),
    ])
  }

  private func finding(_ f: Finding, event: Event?, related: [String: Event]) -> OrderedJSON {
    let rule = rules.first { $0.id == f.rule }
    let narrative = FindingNarrative(finding: f, rule: rule, event: event, related: related)
    let x = f.explanation
    var members: [OrderedJSON.Member] = []
    for (key, value) in [
      ("event", f.event), ("employee", f.employee), ("time", f.time), ("rule", f.rule), ("title", rule?.title),
      ("kind", f.kind.rawValue), ("verdict", f.verdict.rawValue), ("severity", f.severity.rawValue),
      ("deviation", f.deviation), ("because", f.because),
    ] as [(String, String?)] {
      members.append(.init(key, Self.string(value)))
    }
    members.append(.init("sentences", .array(narrative.sentences.map(OrderedJSON.string))))
    members.append(.init("source", Self.location(f.source)))
    members.append(.init("letter", x.letter.map(Self.check) ?? .null))
    members.append(.init("purpose_checks", .array(x.purposeChecks.map(Self.check))))
    let attempts: [OrderedJSON] = x.deviationsNotApplying.map { attempt in
      var members: [OrderedJSON.Member] = [.init("id", .string(attempt.id)), .init("when", .string(attempt.when))]
      members += Self.result(attempt.result)
      if let record = event?.record {
        let read = FindingNarrative.fieldNames(in: attempt.when)
        // An absent field is left out, so `null` means the event wrote null.
        let present = read.compactMap { name in record.field(name).map { OrderedJSON.Member(name, Self.json($0)) } }
        members.append(.init("fields", .object(present)))
      }
      return .object(members)
    }
    members.append(.init("deviations_not_applying", .array(attempts)))
    members.append(.init("deviation", x.deviation.map(Self.deviation) ?? .null))
    let related: [OrderedJSON] = x.related.map { r in
      .object(
        [("role", r.role.rawValue), ("id", r.id), ("type", r.type), ("employee", r.employee), ("time", r.time)].map {
          OrderedJSON.Member($0.0, .string($0.1))
        })
    }
    members.append(.init("related", .array(related)))
    if let note = f.note { members.append(.init("note", .string(note))) }
    if let rule {
      members += [
        .init("rationale", .string(rule.rationale)), .init("team", .string(rule.team)),
        .init("purpose", .string(rule.purpose)),
      ]
    }
    return .object(members)
  }

  private static func check(_ c: CheckOutcome) -> OrderedJSON {
    var members: [OrderedJSON.Member] = []
    if let id = c.id { members.append(.init("id", .string(id))) }
    members.append(.init("expression", .string(c.expression)))
    members += result(c.result)
    if let says = c.says { members.append(.init("says", .string(says))) }
    members.append(.init("fields", .object(c.fields.compactMap { f in f.value.map { .init(f.name, json($0)) } })))
    members.append(
      .init(
        "trace",
        .array(
          c.trace.map { step in
            .object([.init("expression", .string(step.expression)), .init("value", json(step.value))])
          })))
    members.append(.init("chain", .string(c.traceChain)))
    members.append(.init("source", location(c.location)))
    return .object(members)
  }

  private static func deviation(_ d: DeviationOutcome) -> OrderedJSON {
    var members: [OrderedJSON.Member] = [
      .init("id", .string(d.id)), .init("when", .string(d.when)), .init("serves", .string(d.serves)),
      .init(
        "evidence",
        .array(
          d.evidence.map { field in
            .object([
              .init("field", .string(field.name)), .init("value", field.value.map(json) ?? .null),
              .init("present", .bool(!d.missingEvidence.contains(field.name))),
            ])
          })),
      .init("limit", d.limit.map(check) ?? .null),
    ]
    if let a = d.approval {
      members.append(
        .init(
          "approval",
          .object(
            [
              ("decision", a.decision.rawValue), ("event", a.event), ("approver", a.approver), ("note", a.note),
              ("time", a.time),
            ].map { OrderedJSON.Member($0.0, string($0.1)) })))
    } else {
      members.append(.init("approval", .null))
    }
    members.append(.init("source", location(d.location)))
    return .object(members)
  }

  private static func string(_ text: String?) -> OrderedJSON { text.map(OrderedJSON.string) ?? .null }

  private static func result(_ r: CheckOutcome.Result) -> [OrderedJSON.Member] {
    switch r {
    case .held: [.init("result", .bool(true))]
    case .failed: [.init("result", .bool(false))]
    case .error(let message): [.init("result", .string("error")), .init("error", .string(message))]
    }
  }

  private static func location(_ l: SourceLocation) -> OrderedJSON {
    .object([.init("path", .string(l.path)), .init("line", .int(l.line)), .init("column", .int(l.column))])
  }

  /// A CEL value as JSON; kinds JSON lacks (timestamps, durations, bytes, types) as CEL text.
  static func json(_ value: Value) -> OrderedJSON {
    switch value {
    case .null: .null
    case .bool(let b): .bool(b)
    case .int(let i): .int(Int(i))
    case .uint(let u): u <= UInt64(Int.max) ? .int(Int(u)) : .string(String(u))
    case .double(let d): .double(d)
    case .string(let s): .string(s)
    case .list(let items): .array(items.map(json))
    case .map(let map): .object(map.entries.map { .init(ValueFormat.plain($0.key), json($0.value)) })
    case .record(let record): .object(record.fields.map { .init($0.name, json($0.value)) })
    case .timestamp(let t): .string(t.rfc3339)
    case .error(let e): .object([.init("error", .string(e.message))])
    case .bytes, .duration, .type: .string(ValueFormat.cel(value))
    }
  }
}
