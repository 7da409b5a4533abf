import EssenceCore
import Testing

/// SPEC §1 "How a standard decides", §2 approvals and §7 "Deciding", one event per sentence.
@Suite struct StandardVerdictTests {
  static let rules = """
    fields:
      break_kind: string
      break_minutes: number
      reason: string
      customer_ref: string
      note: string
      abandoned_calls: number
      handover: bool
      team: string
    standards:
      - id: lunch-return
        title: Return from lunch on time
        on: break_end
        when: event.break_kind == 'lunch'
        expect: event.break_minutes <= 45
        rationale: Two people on the desk keep every caller's wait short.
        purpose_checks:
          - id: callers-kept
            expect: event.abandoned_calls == 0
            says: Callers gave up while the desk was short.
          - id: handed-over
            expect: event.handover == true
            says: Nobody took over the phone.
        deviations:
          - id: helping-a-customer
            when: event.reason == 'helping_customer'
            evidence: [customer_ref, note]
            limit: event.break_minutes <= 120
            serves: A customer in need came before the schedule.
          - id: medical
            when: event.reason == 'medical'
            evidence: [note]
            approval: supervisor
            serves: Caring for our people is how they care for customers.

    """

  static let events: [E] = [
    E(
      "met", "break_end", "12:00",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 30, "abandoned_calls": 0, "handover": true]),
    E(
      "met-float", "break_end", "12:01",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 45.0, "abandoned_calls": 0.0, "handover": true]),
    E(
      "robotic", "break_end", "12:02",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 30, "abandoned_calls": 2, "handover": true]),
    E(
      "robotic-both", "break_end", "12:03",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 30, "abandoned_calls": 2, "handover": false]),
    E(
      "robotic-beats-error", "break_end", "12:04",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 30, "abandoned_calls": 1]),
    E(
      "check-error", "break_end", "12:05",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 30, "handover": true]),
    E("letter-error", "break_end", "12:06", ["team": "desk", "break_kind": "lunch"]),
    E("letter-string", "break_end", "12:07", ["team": "desk", "break_kind": "lunch", "break_minutes": "30"]),
    E("letter-bool", "break_end", "12:08", ["team": "desk", "break_kind": "lunch", "break_minutes": true]),
    E("missed", "break_end", "12:09", ["team": "desk", "break_kind": "lunch", "break_minutes": 65]),
    E(
      "missed-reason-num", "break_end", "12:10",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": 7]),
    E(
      "justified", "break_end", "12:11",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "customer_ref": "C-1",
        "note": "jump-started a car",
      ]),
    E(
      "evidence-empty", "break_end", "12:12",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "customer_ref": "C-1",
        "note": "",
      ]),
    E(
      "evidence-null", "break_end", "12:13",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "customer_ref": nil,
        "note": "x",
      ]),
    E(
      "evidence-absent", "break_end", "12:14",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "note": "x"]),
    E(
      "evidence-empty-list", "break_end", "12:15",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "customer_ref": [],
        "note": "x",
      ]),
    E(
      "evidence-blank-present", "break_end", "12:16",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "helping_customer", "customer_ref": 0,
        "note": " ",
      ]),
    E(
      "limit-failed", "break_end", "12:17",
      [
        "team": "desk", "break_kind": "lunch", "break_minutes": 130, "reason": "helping_customer",
        "customer_ref": "C-1", "note": "x",
      ]),
    E(
      "pending", "break_end", "12:18",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "medical", "note": "dentist"]),
    E(
      "approved", "break_end", "12:19",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "medical", "note": "dentist"]),
    E(
      "declined", "break_end", "12:20",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "medical", "note": "dentist"]),
    E(
      "flipped", "break_end", "12:21",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "medical", "note": "dentist"]),
    E(
      "approved-no-note", "break_end", "12:22",
      ["team": "desk", "break_kind": "lunch", "break_minutes": 65, "reason": "medical"]),
    E("not-lunch", "break_end", "12:23", ["team": "desk", "break_kind": "short", "break_minutes": 65]),
    E("when-error", "break_end", "12:24", ["team": "desk", "break_minutes": 65]),
    E("out-of-scope", "break_end", "12:25", ["team": "billing", "break_kind": "lunch", "break_minutes": 65]),
    E("scope-error", "break_end", "12:26", ["break_kind": "lunch", "break_minutes": 65]),
    E("other-type", "call_answered", "12:27", ["team": "desk"]),
    E("a-approved", "approval", "13:00", by: "sam", ["ref": "approved", "decision": "approved", "note": "get well"]),
    E("a-declined", "approval", "13:01", by: "sam", ["ref": "declined", "decision": "declined"]),
    // The later approval decides, not the one logged first.
    E("a-flip-late", "approval", "15:00", by: "sam", ["ref": "flipped", "decision": "approved"]),
    E("a-flip-early", "approval", "14:00", by: "sam", ["ref": "flipped", "decision": "declined"]),
    E("a-maybe", "approval", "16:00", by: "sam", ["ref": "pending", "decision": "maybe"]),
    E("a-no-note", "approval", "13:02", by: "sam", ["ref": "approved-no-note", "decision": "approved"]),
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var event: String
    var verdict: Verdict?
    var deviation: String? = nil
    var testDescription: String { "\(event) → \(verdict?.rawValue ?? "unjudged")" }
  }

  static let cases: [Case] = [
    Case(event: "met", verdict: .met),
    Case(event: "met-float", verdict: .met),
    Case(event: "robotic", verdict: .robotic),
    Case(event: "robotic-both", verdict: .robotic),
    Case(event: "robotic-beats-error", verdict: .robotic),
    Case(event: "check-error", verdict: .error),
    Case(event: "letter-error", verdict: .error),
    Case(event: "letter-string", verdict: .error),
    Case(event: "letter-bool", verdict: .error),
    Case(event: "missed", verdict: .missed),
    Case(event: "missed-reason-num", verdict: .missed),
    Case(event: "justified", verdict: .justified, deviation: "helping-a-customer"),
    Case(event: "evidence-empty", verdict: .unjustified, deviation: "helping-a-customer"),
    Case(event: "evidence-null", verdict: .unjustified, deviation: "helping-a-customer"),
    Case(event: "evidence-absent", verdict: .unjustified, deviation: "helping-a-customer"),
    Case(event: "evidence-empty-list", verdict: .unjustified, deviation: "helping-a-customer"),
    Case(event: "evidence-blank-present", verdict: .justified, deviation: "helping-a-customer"),
    Case(event: "limit-failed", verdict: .unjustified, deviation: "helping-a-customer"),
    Case(event: "pending", verdict: .pending, deviation: "medical"),
    Case(event: "approved", verdict: .justified, deviation: "medical"),
    Case(event: "declined", verdict: .unjustified, deviation: "medical"),
    Case(event: "flipped", verdict: .justified, deviation: "medical"),
    Case(event: "approved-no-note", verdict: .unjustified, deviation: "medical"),
    Case(event: "not-lunch", verdict: nil),
    Case(event: "when-error", verdict: nil),
    Case(event: "out-of-scope", verdict: nil),
    Case(event: "scope-error", verdict: nil),
    Case(event: "a-approved", verdict: nil),
  ]

  @Test(arguments: cases) func verdict(_ c: Case) throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let finding = scenario.finding(c.event, "lunch-return")
    #expect(finding?.verdict == c.verdict)
    #expect(finding?.deviation == c.deviation)
  }

  @Test func reconciles() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let counts = scenario.evaluation.events
    #expect(counts.read == Self.events.count)
    #expect(counts.evaluated == Self.events.count)
    #expect(counts.rejected == 0)
    // Unjudged: not-lunch, when-error, out-of-scope, scope-error, other-type and six approvals.
    #expect(counts.unjudged == 11)
    #expect(scenario.evaluation.summary.byRule.map(\.rule) == ["lunch-return"])
    #expect(scenario.evaluation.summary.byRule[0].counts.total == Self.cases.filter { $0.verdict != nil }.count - 0)
  }

  @Test func robotic_lists_every_failing_check_with_its_words() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let finding = try #require(scenario.finding("robotic-both", "lunch-return"))
    let failing = finding.explanation.purposeChecks.filter { $0.result == .failed }
    #expect(failing.map(\.id) == ["callers-kept", "handed-over"])
    #expect(finding.because.contains("Callers gave up while the desk was short."))
    #expect(finding.because.contains("Nobody took over the phone."))
  }

  @Test func justified_names_the_deviation_its_evidence_and_limit() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let finding = try #require(scenario.finding("justified", "lunch-return"))
    let deviation = try #require(finding.explanation.deviation)
    #expect(deviation.missingEvidence.isEmpty)
    #expect(deviation.evidence.map(\.name) == ["customer_ref", "note"])
    #expect(deviation.limit?.result == .held)
    #expect(deviation.serves == "A customer in need came before the schedule.")
    #expect(finding.note == "jump-started a car")
    #expect(finding.because.contains("helping-a-customer"))
    #expect(finding.because.contains("65"))
  }

  @Test func approval_names_the_approver_and_their_note() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let approval = try #require(scenario.finding("approved", "lunch-return")?.explanation.deviation?.approval)
    #expect(approval.decision == .approved)
    #expect(approval.approver == "sam")
    #expect(approval.note == "get well")
    #expect(scenario.finding("pending", "lunch-return")?.explanation.deviation?.approval?.decision == .awaiting)
  }

  @Test func unjustified_says_what_failed() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let evidence = try #require(scenario.finding("evidence-empty", "lunch-return"))
    #expect(evidence.explanation.deviation?.missingEvidence == ["note"])
    #expect(evidence.because.contains("evidence note missing"))
    let limit = try #require(scenario.finding("limit-failed", "lunch-return"))
    #expect(limit.explanation.deviation?.limit?.result == .failed)
    #expect(limit.because.contains("limit event.break_minutes <= 120 failed"))
    let declined = try #require(scenario.finding("declined", "lunch-return"))
    #expect(declined.because.contains("declined by sam"))
  }

  @Test func error_says_why() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let finding = try #require(scenario.finding("letter-error", "lunch-return"))
    guard case .error(let message)? = finding.explanation.letter?.result else {
      Issue.record("expected an error outcome")
      return
    }
    #expect(message.contains("break_minutes"))
  }

  @Test func missed_lists_the_deviations_that_did_not_apply() throws {
    let scenario = try Scenario(Self.rules, scope: "event.team == 'desk'", events: Self.events)
    let finding = try #require(scenario.finding("missed", "lunch-return"))
    #expect(finding.explanation.deviationsNotApplying.map(\.id) == ["helping-a-customer", "medical"])
    #expect(finding.because.hasSuffix("no deviation applies"))
  }
}
