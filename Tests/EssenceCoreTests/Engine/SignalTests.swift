import EssenceCore
import Testing

/// SPEC §3 "Signals" and peers README 20-22: answered, robotic, unanswered.
@Suite struct SignalTests {
  static let rules = """
    fields:
      customer_ref: string
      kind: string
      team: string
    standards:
      - id: answer-speed
        title: Answer within three rings
        on: call_answered
        when: event.team == 'desk'
        expect: "true"
        rationale: A caller who waits starts disappointed.
    signals:
      - id: customer-in-distress
        title: A customer in distress is helped
        on: customer_signal
        when: event.kind in ['upset', 'lost']
        response: {on: [assist, acknowledge], same: [customer_ref], within: 10m, by: anyone}
        rationale: Noticing a need outside your task is the job.
        severity: major
      - id: own-follow-up
        title: The one who noticed follows up
        on: own_signal
        response: {on: assist, same: [customer_ref], within: 5m, by: same_employee}
        rationale: The one who noticed knows the story.

    """

  static let events: [E] = [
    E("s-1", "customer_signal", "09:00", ["kind": "upset", "customer_ref": "C1"]),
    E("a-1", "assist", "09:10", by: "bob", ["customer_ref": "C1"]),  // +10m exactly, anyone: answered
    E("s-2", "customer_signal", "10:00", ["kind": "lost", "customer_ref": "C2"]),
    E("a-2", "acknowledge", "10:00", by: "zed", ["customer_ref": "C2", "team": "billing"]),  // same instant, other team
    E("s-3", "customer_signal", "11:00", ["kind": "upset", "customer_ref": "C3"]),
    E("w-3", "call_answered", "11:05", ["team": "elsewhere"]),  // busy by type alone: robotic
    E("s-4", "customer_signal", "12:00", ["kind": "upset", "customer_ref": "C4"]),
    E("n-4", "note", "12:05"),  // not a judged type: unanswered
    E("w-4", "call_answered", "12:05", by: "bob", ["team": "desk"]),  // another employee's work
    E("s-5", "customer_signal", "13:00", ["kind": "upset"]),  // no customer_ref: cannot be answered
    E("a-5", "assist", "13:01", by: "bob"),
    E("w-5", "call_answered", "13:02", ["team": "desk"]),  // still robotic
    E("s-6", "customer_signal", "14:00", ["kind": "happy", "customer_ref": "C6"]),  // when fails: unjudged
    E("s-7", "customer_signal", "15:00", ["kind": "upset", "customer_ref": "C7"]),
    E("a-7", "assist", "15:10:00.000000001", by: "bob", ["customer_ref": "C7"]),  // too late
    E("o-1", "own_signal", "16:00", ["customer_ref": "C8"]),
    E("a-8", "assist", "16:01", by: "bob", ["customer_ref": "C8"]),  // not the same employee
    E("o-2", "own_signal", "17:00", ["customer_ref": "C9"]),
    E("a-9", "assist", "17:01", ["customer_ref": "C9"]),  // same employee: answered
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var event: String
    var rule = "customer-in-distress"
    var verdict: Verdict?
    var testDescription: String { "\(event) → \(verdict?.rawValue ?? "unjudged")" }
  }

  static let cases: [Case] = [
    Case(event: "s-1", verdict: .answered),
    Case(event: "s-2", verdict: .answered),
    Case(event: "s-3", verdict: .robotic),
    Case(event: "s-4", verdict: .unanswered),
    Case(event: "s-5", verdict: .robotic),
    Case(event: "s-6", verdict: nil),
    Case(event: "s-7", verdict: .unanswered),
    Case(event: "o-1", rule: "own-follow-up", verdict: .unanswered),
    Case(event: "o-2", rule: "own-follow-up", verdict: .answered),
  ]

  @Test(arguments: cases) func verdict(_ c: Case) throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    #expect(scenario.verdict(c.event, c.rule) == c.verdict)
  }

  @Test func findings_name_the_response_or_the_other_work() throws {
    let scenario = try Scenario(Self.rules, events: Self.events)
    let answered = try #require(scenario.finding("s-1", "customer-in-distress"))
    #expect(answered.kind == .signal)
    #expect(answered.explanation.related.map(\.id) == ["a-1"])
    #expect(answered.explanation.related.map(\.role) == [.response])
    let robotic = try #require(scenario.finding("s-3", "customer-in-distress"))
    #expect(robotic.explanation.related.map(\.id) == ["w-3"])
    #expect(robotic.explanation.related.map(\.role) == [.busy])
    #expect(robotic.because.contains("w-3"))
  }

  /// An employee's work logged out of time order is still searched in time order: the
  /// earliest work in the window is the one named.
  @Test func work_logged_out_of_time_order_is_found_in_time_order() throws {
    let events = [
      E("s-1", "customer_signal", "11:00", ["kind": "upset", "customer_ref": "C1"]),
      E("w-late", "call_answered", "11:08", ["team": "desk"]),
      E("w-early", "call_answered", "11:03", ["team": "desk"]),
    ]
    let scenario = try Scenario(Self.rules, events: events)
    let robotic = try #require(scenario.finding("s-1", "customer-in-distress"))
    #expect(robotic.verdict == .robotic)
    #expect(robotic.explanation.related.map(\.id) == ["w-early"])
  }
}
