import CEL
import EssenceCore
import Testing

/// A set of several files: each file's `scope` judges only its own rules, `by_rule` lists every
/// rule in set order (files by path), and findings on one event follow that order (SPEC §1, §6).
@Suite struct SetOrderTests {
  static let billing = """
    essence: 1
    team: billing
    purpose: Every invoice is right the first time.
    scope: event.team == 'billing'
    standards:
      - id: b-quick
        title: Answer quickly
        on: call_answered
        expect: event.rings <= 2
        rationale: Billing callers are often already upset.
    """

  static let support = """
    essence: 1
    team: support
    purpose: The needs of the customer come first.
    standards:
      - id: s-quick
        title: Answer within three rings
        on: call_answered
        expect: event.rings <= 3
        rationale: A caller who waits starts the call already disappointed.
      - id: s-never
        title: Never used
        on: nothing_logged
        expect: "true"
        rationale: Shows that a rule without findings is still listed.
    """

  @Test func scopesOrderAndListing() throws {
    // Given out of path order on purpose: the set sorts its files by path.
    let result = StandardsLoader.load(sources: [
      (path: "z-support.yaml", bytes: Array(Self.support.utf8)),
      (path: "a-billing.yaml", bytes: Array(Self.billing.utf8)),
    ])
    let set = try #require(result.set, "\(result.diagnostics)")
    let raw: [(String, String, String, Int64)] = [
      ("c-2", "2026-11-21T10:00:00Z", "support", 5),
      ("c-1", "2026-11-21T09:00:00Z", "billing", 3),
    ]
    var log = EventLog()
    for (i, (id, time, team, rings)) in raw.enumerated() {
      let instant = try #require(Timestamp(rfc3339: time))
      let fields: [(name: String, value: Value)] = [
        ("id", .string(id)), ("type", .string("call_answered")), ("employee", .string("ana")),
        ("time", .timestamp(instant)), ("team", .string(team)), ("rings", .int(rings)),
      ]
      log.append(
        Event(
          id: id, type: "call_answered", employee: "ana", time: instant, timeText: time,
          record: Record(layout: set.layout, fields: fields), path: "log.jsonl", line: i + 1, index: i))
    }
    let evaluation = Engine(set: set).evaluate(log, options: Engine.Options(includeMet: true))
    #expect(evaluation.standards.files == ["a-billing.yaml", "z-support.yaml"])
    #expect(evaluation.summary.byRule.map(\.rule) == ["b-quick", "s-quick", "s-never"])
    #expect(evaluation.summary.byRule[2].counts.total == 0)
    // c-1 (billing, earlier) first, its billing rule before the support rule; c-2 only support.
    let listed = evaluation.findings.map { "\($0.event) \($0.rule) \($0.verdict.rawValue)" }
    #expect(listed == ["c-1 b-quick missed", "c-1 s-quick met", "c-2 s-quick missed"])
    #expect(evaluation.events.unjudged == 0)
  }
}
