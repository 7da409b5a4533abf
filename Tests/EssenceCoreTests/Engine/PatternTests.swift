import EssenceCore
import Testing

/// SPEC §3 "Patterns" and peers README 23-26: raise, join, count joined toward the next raise.
@Suite struct PatternTests {
  static let rules = """
    fields:
      category: string
      attempt_note: string
      queue: any
    patterns:
      - id: passing-off-complaints
        title: Difficult cases passed off
        on: ticket_transferred
        when: event.category == 'complaint' && !has(event.attempt_note)
        threshold: 3
        within: 8h
        rationale: Complaints are where loyalty is won.
        severity: major
      - id: queue-bursts
        title: Bursts per queue
        on: queue_event
        threshold: 2
        within: 1h
        per: [queue]
        rationale: A queue that bursts needs a second pair of hands.

    """

  static func transfer(_ id: String, _ time: String, by employee: String = "ana") -> E {
    E(id, "ticket_transferred", time, by: employee, ["category": "complaint"])
  }

  static let events: [E] = [
    transfer("p-1", "09:00"),
    transfer("p-2", "10:00"),
    E("p-x", "ticket_transferred", "10:30", ["category": "complaint", "attempt_note": "tried"]),  // does not apply
    transfer("p-3", "11:00"),  // 3rd within 8h: raises
    transfer("p-4", "15:00"),  // joins
    transfer("p-5", "19:00"),  // exactly raise + 8h: joins
    transfer("p-6", "19:00:01"),  // p-4, p-5, p-6 within 8h, previous raise before 11:00:01: raises
    transfer("b-1", "09:00", by: "bob"),
    transfer("b-2", "09:00", by: "bob"),
    transfer("b-3", "09:00", by: "bob"),  // three at one instant: the third raises
    E("q-1", "queue_event", "09:00", ["queue": 7]),
    E("q-2", "queue_event", "09:30", by: "bob", ["queue": 7.0]),  // 7 == 7.0: same group, raises
    E("q-3", "queue_event", "09:40", ["queue": nil]),  // null: no group, still judged
    E("q-4", "queue_event", "09:45"),  // absent: no group, still judged
    E("q-5", "queue_event", "09:50", ["queue": "7"]),  // "7" is another group
  ]

  @Test func raises_joins_and_raises_again() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    let raised = scenario.evaluation.findings.filter { $0.rule == "passing-off-complaints" }
    #expect(raised.map(\.event) == ["b-3", "p-3", "p-6"])
    #expect(raised.allSatisfy { $0.verdict == .robotic && $0.kind == .pattern })
    let first = try #require(raised.first { $0.event == "p-3" })
    #expect(first.explanation.related.filter { $0.role == .counted }.map(\.id) == ["p-1", "p-2", "p-3"])
    #expect(first.explanation.related.filter { $0.role == .joined }.map(\.id) == ["p-4", "p-5"])
    let second = try #require(raised.first { $0.event == "p-6" })
    #expect(second.explanation.related.filter { $0.role == .counted }.map(\.id) == ["p-4", "p-5", "p-6"])
  }

  @Test func groups_compare_with_cel_equality() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    let bursts = scenario.evaluation.findings.filter { $0.rule == "queue-bursts" }
    #expect(bursts.map(\.event) == ["q-2"])
    #expect(bursts.first?.employee == "bob")
  }

  @Test func every_match_is_judged_and_by_rule_counts_raises() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    // Only p-x (its `when` fails) is unjudged.
    #expect(scenario.evaluation.events.unjudged == 1)
    let byRule = Dictionary(uniqueKeysWithValues: scenario.evaluation.summary.byRule.map { ($0.rule, $0.counts) })
    #expect(byRule["passing-off-complaints"]?[.robotic] == 3)
    #expect(byRule["queue-bursts"]?[.robotic] == 1)
  }
}
