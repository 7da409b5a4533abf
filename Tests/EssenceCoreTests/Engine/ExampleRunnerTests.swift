import EssenceCore
import Foundation
import Testing

/// Every shipped rule's `examples:` get the verdict written under them (SPEC §1, §5
/// `essence test`): the examples are the standards library's documentation and its tests.
@Suite struct ExampleRunnerTests {
  /// The repository's `Standards/` directory, found from this file.
  static let standardsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Standards").path

  /// The shipped set, loaded once.
  static let shipped: StandardsSet? = StandardsLoader.load(paths: [standardsDirectory]).set

  /// Every rule of every shipped standards file.
  static let allShippedRules: [String] = shipped?.ruleInfos.map(\.id) ?? []

  @Test func the_shipped_standards_load() {
    #expect(Self.shipped != nil)
    #expect(Self.allShippedRules.count >= 20)
  }

  @Test(arguments: allShippedRules) func shipped_examples_pass(_ rule: String) throws {
    let set = try #require(Self.shipped)
    let results = ExampleRunner(set: set).run(rule: rule)
    #expect(!results.isEmpty, "'\(rule)' has no examples")
    for result in results {
      #expect(
        result.passed,
        "\(result.location): expected \(result.expectedVerdict) \(result.expectedDeviation ?? ""), got \(result.actualVerdict) \(result.actualDeviation ?? "") \(result.problem ?? "")"
      )
    }
  }

  static let rules = """
    essence: 1
    team: desk
    purpose: The needs of the customer come first.
    scope: event.team == 'desk'
    fields: {team: string, break_minutes: number, reason: string, note: string}
    standards:
      - id: lunch-return
        title: Return from lunch on time
        on: break_end
        expect: event.break_minutes <= 45
        rationale: Two people on the desk keep every wait short.
        deviations:
          - id: helping
            when: event.reason == 'helping_customer'
            evidence: [note]
            serves: A customer came first.
          - id: covering
            when: event.reason == 'covering'
            serves: A colleague covered the desk.
        examples:
          - event: {break_minutes: 30}
            verdict: met
          - event: {break_minutes: 65, reason: helping_customer, note: jump-started a car}
            verdict: justified
            deviation: helping
          - event: {break_minutes: 65}
            verdict: met
          - event: {break_minutes: 65, reason: helping_customer, note: x}
            verdict: justified
            deviation: covering
          - event: {break_minutes: 30, time: yesterday}
            verdict: met
    """

  @Test func fills_in_what_the_author_left_out_and_reports_mismatches() throws {
    let loaded = StandardsLoader.load(sources: [(path: "desk.yaml", bytes: Array(Self.rules.utf8))])
    let set = try #require(loaded.set)
    let results = ExampleRunner(set: set).run()
    #expect(results.map(\.passed) == [true, true, false, false, false])
    // Type, employee, time and the scope's team were filled in, so the rule judged the event.
    #expect(results[0].actualVerdict == "met")
    #expect(results[2].actualVerdict == "missed" && results[2].expectedVerdict == "met")
    #expect(results[3].actualDeviation == "helping" && results[3].expectedDeviation == "covering")
    #expect(results[4].problem?.contains("RFC 3339") == true)
    #expect(results[2].location.line == 26)
  }
}
