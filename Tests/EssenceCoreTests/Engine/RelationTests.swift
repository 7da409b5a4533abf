import EssenceCore
import Testing

/// SPEC §3 "Relations" and §7: closed windows, never itself, `same` with CEL `==`, `where`.
@Suite struct RelationTests {
  static let rules = """
    fields:
      ticket_id: any
      channel: string
    standards:
      - id: first-response
        title: First response within an hour
        on: ticket_opened
        expect:
          followed_by:
            on: first_response
            same: [ticket_id]
            within: 1h
        rationale: Customers who hear back within the hour know someone is on it.
      - id: stays-solved
        title: Closed tickets stay solved
        on: ticket_closed
        expect:
          not_followed_by:
            on: [ticket_reopened]
            same: [ticket_id]
            within: 72h
        rationale: A ticket that comes back was closed, not solved.
      - id: triaged-first
        title: Escalations were triaged first
        on: ticket_escalated
        expect:
          preceded_by:
            on: ticket_triaged
            same: [ticket_id]
            within: 30m
            where: other.channel != 'internal' && other.employee != event.employee
        rationale: An escalation without triage wastes the specialist's time.
      - id: no-duplicate
        title: No duplicate ticket just before
        on: ticket_dup_check
        expect:
          not_preceded_by:
            on: ticket_dup_check
            same: [ticket_id]
            within: 10m
        rationale: Duplicates split the conversation.

    """

  static let events: [E] = [
    E("t-1", "ticket_opened", "09:00", ["ticket_id": "A"]),
    E("r-1", "first_response", "10:00", ["ticket_id": "A"]),  // exactly +1h: met
    E("t-2", "ticket_opened", "09:00", ["ticket_id": "B"]),
    E("r-2", "first_response", "10:00:01", ["ticket_id": "B"]),  // +1h+1s: missed
    E("t-3", "ticket_opened", "09:00", ["ticket_id": "C"]),
    E("r-3", "first_response", "08:59", ["ticket_id": "C"]),  // before: missed
    E("t-4", "ticket_opened", "09:00", ["ticket_id": 7]),
    E("r-4", "first_response", "09:30", ["ticket_id": 7.0]),  // 7 == 7.0: met
    E("t-5", "ticket_opened", "09:00", ["ticket_id": "7"]),  // "7" != 7: missed
    E("t-6", "ticket_opened", "09:00", ["ticket_id": nil]),
    E("r-6", "first_response", "09:10", ["ticket_id": nil]),  // null relates to nothing: missed
    E("t-7", "ticket_opened", "09:00"),
    E("r-7", "first_response", "09:10"),  // absent relates to nothing: missed
    E("t-8", "ticket_opened", "09:00", ["ticket_id": "H"]),
    E("r-8", "first_response", "09:00", ["ticket_id": "H"]),  // same instant: met
    E("c-1", "ticket_closed", "09:00", ["ticket_id": "Q"]),
    E("o-1", "ticket_reopened", "2026-11-24T09:00:00Z", ["ticket_id": "Q"]),  // +72h exactly: missed
    E("c-2", "ticket_closed", "09:00", ["ticket_id": "R"]),
    E("o-2", "ticket_reopened", "2026-11-24T09:00:00.000000001Z", ["ticket_id": "R"]),  // +72h+1ns: met
    E("c-3", "ticket_closed", "09:00", ["ticket_id": nil]),  // nothing can follow: met
    E("g-1", "ticket_triaged", "09:00", by: "bob", ["ticket_id": "S", "channel": "phone"]),
    E("x-1", "ticket_escalated", "09:30", ["ticket_id": "S"]),  // -30m exactly, other employee: met
    E("g-2", "ticket_triaged", "10:00", by: "bob", ["ticket_id": "U", "channel": "internal"]),
    E("x-2", "ticket_escalated", "10:10", ["ticket_id": "U"]),  // where fails: missed
    E("g-3", "ticket_triaged", "11:00", ["ticket_id": "V", "channel": "phone"]),
    E("x-3", "ticket_escalated", "11:10", ["ticket_id": "V"]),  // same employee: missed
    E("g-4", "ticket_triaged", "12:00", by: "bob", ["ticket_id": "W"]),
    E("x-4", "ticket_escalated", "12:10", ["ticket_id": "W"]),  // where errors (no channel): missed
    E("d-1", "ticket_dup_check", "13:00", ["ticket_id": "D"]),  // never itself: met
    E("d-2", "ticket_dup_check", "13:05", ["ticket_id": "D"]),  // d-1 precedes: missed
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var event: String
    var rule: String
    var verdict: Verdict
    var testDescription: String { "\(event) \(rule) → \(verdict.rawValue)" }
  }

  static let cases: [Case] = [
    Case(event: "t-1", rule: "first-response", verdict: .met),
    Case(event: "t-2", rule: "first-response", verdict: .missed),
    Case(event: "t-3", rule: "first-response", verdict: .missed),
    Case(event: "t-4", rule: "first-response", verdict: .met),
    Case(event: "t-5", rule: "first-response", verdict: .missed),
    Case(event: "t-6", rule: "first-response", verdict: .missed),
    Case(event: "t-7", rule: "first-response", verdict: .missed),
    Case(event: "t-8", rule: "first-response", verdict: .met),
    Case(event: "c-1", rule: "stays-solved", verdict: .missed),
    Case(event: "c-2", rule: "stays-solved", verdict: .met),
    Case(event: "c-3", rule: "stays-solved", verdict: .met),
    Case(event: "x-1", rule: "triaged-first", verdict: .met),
    Case(event: "x-2", rule: "triaged-first", verdict: .missed),
    Case(event: "x-3", rule: "triaged-first", verdict: .missed),
    Case(event: "x-4", rule: "triaged-first", verdict: .missed),
    Case(event: "d-1", rule: "no-duplicate", verdict: .met),
    Case(event: "d-2", rule: "no-duplicate", verdict: .missed),
  ]

  @Test(arguments: cases) func verdict(_ c: Case) throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    #expect(scenario.verdict(c.event, c.rule) == c.verdict)
  }

  @Test func relation_targets_are_not_judged() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    #expect(scenario.verdicts["r-1"] == nil)
    // Responses, reopenings and triages are looked at, never judged.
    let targets = Self.events.filter { ["first_response", "ticket_reopened", "ticket_triaged"].contains($0.type) }
    #expect(scenario.evaluation.events.unjudged == targets.count)
  }

  @Test func the_matching_event_is_named() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    let met = try #require(scenario.finding("t-1", "first-response"))
    #expect(met.explanation.related.map(\.id) == ["r-1"])
    let missed = try #require(scenario.finding("c-1", "stays-solved"))
    #expect(missed.explanation.related.map(\.id) == ["o-1"])
    #expect(missed.because.contains("o-1"))
  }
}
