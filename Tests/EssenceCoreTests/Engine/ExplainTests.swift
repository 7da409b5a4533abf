import CEL
import EssenceCore
import Testing

/// SPEC §5 `explain`: the letter with the value of every sub-expression it read.
@Suite struct ExplainTests {
  let scenario: Scenario

  init() throws {
    scenario = try Scenario(
      StandardVerdictTests.rules, scope: "event.team == 'desk'", events: StandardVerdictTests.events)
  }

  @Test func traces_the_letter_and_the_limit() throws {
    let explained = Engine(set: scenario.set).explain(scenario.log, event: "justified")
    let finding = try #require(explained.first?.findings.first)
    #expect(finding.verdict == .justified)
    let trace = try #require(finding.explanation.letter?.trace)
    #expect(trace.contains { $0.expression == "event.break_minutes" && $0.value == .int(65) })
    #expect(trace.contains { $0.expression == "event.break_minutes <= 45" && $0.value == .bool(false) })
    #expect(finding.explanation.deviation?.limit?.trace.isEmpty == false)
  }

  @Test func findings_read_from_an_evaluation_carry_no_trace() throws {
    let finding = try #require(scenario.finding("justified", "lunch-return"))
    #expect(finding.explanation.letter?.trace.isEmpty == true)
  }

  @Test func says_why_an_event_is_unjudged() throws {
    let engine = Engine(set: scenario.set)
    #expect(
      engine.explain(scenario.log, event: "not-lunch").first?.notes.first?.contains("'when' of 'lunch-return'") == true)
    #expect(engine.explain(scenario.log, event: "out-of-scope").first?.notes.first?.contains("scope") == true)
    #expect(
      engine.explain(scenario.log, event: "a-approved").first?.notes.first?.contains("no rule names type 'approval'")
        == true)
  }
}
