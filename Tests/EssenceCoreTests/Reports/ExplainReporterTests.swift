import EssenceCore
import Testing
import _EssenceTestSupport

/// SPEC §5 explain: plain sentences first, then the trace; for each verdict, the sentences a
/// leader needs to act on it.
@Suite struct ExplainReporterTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var event: String
    var rule: String
    var verdict: Verdict
    /// Phrases the sentences must contain, from the SPEC's description of the verdict.
    var says: [String]
    var testDescription: String { "\(verdict.rawValue) (\(rule) on \(event))" }
  }

  static let cases: [Case] = [
    Case(
      event: "e-01", rule: "call-greeting", verdict: .met,
      says: ["The letter held", "Every purpose check held ('caller-named')"]),
    Case(
      event: "e-02", rule: "call-greeting", verdict: .robotic,
      says: ["The letter held", "But its purpose was not served", "the caller was never named"]),
    Case(
      event: "e-14", rule: "lunch-return", verdict: .justified,
      says: [
        "The break took 65 minutes, 20 more than the 45 the standard allows.",
        "The deviation 'helping-a-customer' applies because `event.reason == 'helping_customer'` held "
          + "(reason is 'helping_customer').",
        "Its evidence is present: customer_ref 'K-7', note 'jump-started a customer's car'.",
        "It stayed within its limit", "It serves: A customer in need came before the schedule.",
      ]),
    Case(
      event: "e-05", rule: "goodwill-credit", verdict: .justified,
      says: ["priya approved it at 2026-11-21T10:20:00-08:00: \u{201C}right call\u{201D}."]),
    Case(
      event: "e-07", rule: "goodwill-credit", verdict: .pending,
      says: ["asks for a supervisor's approval, which has not come yet"]),
    Case(
      event: "e-08", rule: "goodwill-credit", verdict: .unjustified,
      says: ["But it went past its limit, `event.amount <= 500` (amount 900)."]),
    Case(
      event: "e-17", rule: "lunch-return", verdict: .missed,
      says: [
        "The break took 70 minutes, 25 more than the 45",
        "No deviation applied: 'helping-a-customer' needs `event.reason == 'helping_customer'`, which did not hold "
          + "(the event has no 'reason')",
      ]),
    Case(event: "e-21", rule: "goodwill-credit", verdict: .error, says: ["could not be evaluated on this event"]),
    Case(
      event: "e-12", rule: "customer-at-risk", verdict: .answered,
      says: ["answered by ben (callback 'e-13' at 2026-11-21T12:40:00-08:00): \u{201C}called back and upgraded"]),
    Case(
      event: "e-15", rule: "customer-at-risk", verdict: .robotic,
      says: ["Nobody answered the need in time, while ben", "call_answered 'e-16'"]),
    Case(event: "e-18", rule: "customer-at-risk", verdict: .unanswered, says: ["Nobody answered the need in time."]),
    Case(event: "e-20", rule: "passing-off", verdict: .robotic, says: ["2 matching events", "'e-19'", "'e-20'"]),
  ]

  @Test(arguments: cases) func tells_each_verdict_in_sentences(_ c: Case) throws {
    let fixture = try ReportFixture.load()
    let explained = try ExplainQuery(set: fixture.set, log: fixture.log).explain(event: c.event, rule: c.rule).get()
    let finding = try #require(explained.first?.explanation.findings.first)
    #expect(finding.verdict == c.verdict)
    let event = explained.first?.explanation.event
    let rule = fixture.set.ruleInfos.first { $0.id == c.rule }
    let related = explained.first?.relatedEvents ?? [:]
    let sentences = FindingNarrative(finding: finding, rule: rule, event: event, related: related).paragraph
    for phrase in c.says { #expect(sentences.contains(phrase), "\(sentences)") }
  }

  @Test func puts_sentences_before_the_trace() throws {
    let text = try report(event: "e-14")
    let sentence = try #require(text.range(of: "The break took 65 minutes"))
    let trace = try #require(text.range(of: "Trace"))
    #expect(sentence.lowerBound < trace.lowerBound)
    #expect(text.contains("event.break_minutes = 65 → 65 <= 45 → false"))
    #expect(text.contains("The team's purpose (desk): The needs of the customer come first."))
  }

  @Test func matches_the_snapshots() throws {
    assertSnapshot(try report(event: "e-14"), named: "explain-justified.txt")
    assertSnapshot(try report(event: "e-05"), named: "explain-approved.txt")
    assertSnapshot(try report(event: "e-19"), named: "explain-pattern-match.txt")
    assertSnapshot(try report(event: "e-17"), named: "explain-missed.txt")
    assertSnapshot(try report(event: "e-17", json: true), named: "explain-missed.json", json: true)
    assertSnapshot(try report(event: "e-22"), named: "explain-unjudged.txt")
    assertSnapshot(try report(event: "e-05", json: true), named: "explain-approved.json", json: true)
  }

  @Test func says_why_rules_passed_an_event_by() throws {
    let unjudged = try report(event: "e-22")
    #expect(unjudged.contains("No rule judged this event."))
    #expect(unjudged.contains("no rule names type 'shift_end'"))
    let counted = try report(event: "e-19")
    #expect(counted.contains("This event counts toward a pattern raised at another event"))
    #expect(counted.contains("Raised at 'e-20'"))
    let otherType = try report(event: "e-14", rule: "passing-off")
    #expect(otherType.contains("'passing-off' did not judge this event."))
    #expect(otherType.contains("'passing-off' names only 'ticket_transferred' in its 'on'"))
  }

  @Test func names_close_ids_for_an_unknown_event() throws {
    let fixture = try ReportFixture.load()
    let result = ExplainQuery(set: fixture.set, log: fixture.log).explain(event: "e-1")
    guard case .failure(let error) = result else {
      Issue.record("expected an error for an unknown id")
      return
    }
    #expect(error.description.hasPrefix("no event with id 'e-1' in the logs"))
    #expect(error.description.contains("; did you mean 'e-10', "))
    #expect(
      error.description.contains(
        "(1 record was rejected and cannot be explained: shift.jsonl:17, missing required field 'employee')"))
    let rule = ExplainQuery(set: fixture.set, log: fixture.log).explain(event: "e-01", rule: "call-greting")
    guard case .failure(let ruleError) = rule else {
      Issue.record("expected an error for an unknown rule")
      return
    }
    #expect(ruleError.description == "no rule with id 'call-greting' in the standards; did you mean 'call-greeting'?")
  }

  private func report(event: String, rule: String? = nil, json: Bool = false) throws -> String {
    let fixture = try ReportFixture.load()
    let explained = try ExplainQuery(set: fixture.set, log: fixture.log).explain(event: event, rule: rule).get()
    let identity = Evaluation.Standards(sha256: fixture.set.sha256, files: fixture.set.files.map { $0.path })
    return json
      ? ExplainReporter(standards: identity, rules: fixture.set.ruleInfos).generateJSON(explained)
      : ExplainReporter(standards: identity, rules: fixture.set.ruleInfos).generateReport(explained)
  }
}
