import Foundation
import Testing
import _EssenceTestSupport

/// `essence explain`, `huddle`, `test` and the report formats of `evaluate`, end to end:
/// output streams and exit codes (SPEC §5).
@Suite struct ReportCommandsTests {
  /// The package root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let desk = "Tests/EssenceCoreTests/Fixtures/reports/desk.yaml"
  static let shift = "Tests/EssenceCoreTests/Fixtures/reports/shift.jsonl"

  @Test func explain_prints_sentences_then_the_trace() throws {
    let result = try runEssence(["explain", "--standards", Self.desk, Self.shift, "--event", "e-14"], in: Self.root)
    #expect(result.status == 0)
    #expect(result.stdout.contains("lunch-return: JUSTIFIED"))
    #expect(result.stdout.contains("event.break_minutes = 65 → 65 <= 45 → false"))
  }

  @Test func explain_of_an_unknown_event_exits_one_naming_close_ids() throws {
    let result = try runEssence(["explain", "--standards", Self.desk, Self.shift, "--event", "e-140"], in: Self.root)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("error: no event with id 'e-140' in the logs"))
    #expect(result.stderr.contains("; did you mean 'e-14', "))
  }

  @Test func explain_json_is_json() throws {
    let result = try runEssence(
      ["explain", "--standards", Self.desk, Self.shift, "--event", "e-05", "--format", "json"], in: Self.root)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let events = try #require(object?["events"] as? [[String: Any]])
    let findings = try #require(events.first?["findings"] as? [[String: Any]])
    #expect(findings.first?["verdict"] as? String == "justified")
  }

  @Test func huddle_writes_markdown_and_keeps_coaching_private() throws {
    let open = try runEssence(["huddle", "--standards", Self.desk, Self.shift], in: Self.root)
    #expect(open.status == 0)
    #expect(open.stdout.hasPrefix("# Huddle"))
    #expect(!open.stdout.contains("## Coaching"))
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("huddle-\(UUID().uuidString).md").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let coaching = try runEssence(
      ["huddle", "--standards", Self.desk, Self.shift, "--coaching", "--output", output], in: Self.root)
    #expect(coaching.status == 0 && coaching.stdout == "")
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("## Coaching (private)"))
  }

  @Test(arguments: ["csv", "markdown", "html"]) func evaluate_writes_the_format(_ format: String) throws {
    let result = try runEssence(["evaluate", "--standards", Self.desk, Self.shift, "--format", format], in: Self.root)
    #expect(result.status == 0)
    let start =
      ["csv": "event,employee,time,", "markdown": "# Essence report", "html": "<!DOCTYPE html>"][format] ?? ""
    #expect(result.stdout.hasPrefix(start))
  }

  struct ExitCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var testDescription: String { name }
  }

  static let exits: [ExitCase] = [
    ExitCase(name: "test with invalid standards", arguments: ["test", "Package.swift"], status: 1),
    ExitCase(name: "test of an unknown rule", arguments: ["test", desk, "--rule", "nope"], status: 1),
    ExitCase(
      name: "explain with invalid standards",
      arguments: ["explain", "--standards", "Package.swift", shift, "--event", "e-01"],
      status: 2),
    ExitCase(
      name: "explain of an unreadable log",
      arguments: ["explain", "--standards", desk, "missing.jsonl", "--event", "e-01"],
      status: 3),
    ExitCase(
      name: "huddle with invalid standards", arguments: ["huddle", "--standards", "Package.swift", shift], status: 2),
    ExitCase(
      name: "huddle of an unreadable log", arguments: ["huddle", "--standards", desk, "missing.jsonl"], status: 3),
    ExitCase(name: "explain without --event", arguments: ["explain", "--standards", desk, shift], status: 64),
  ]

  @Test(arguments: exits) func exits_as_the_spec_says(_ c: ExitCase) throws {
    #expect(try runEssence(c.arguments, in: Self.root).status == c.status)
  }

  @Test func test_passes_the_shipped_standards() throws {
    let result = try runEssence(["test", "Standards"], in: Self.root)
    #expect(result.status == 0)
    #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
  }

  @Test func test_exits_one_on_a_failing_example() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("essence-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let yaml = """
      essence: 1
      team: desk
      purpose: The needs of the customer come first.
      standards:
        - id: lunch-return
          title: Return from lunch on time
          on: break_end
          expect: event.break_minutes <= 45
          rationale: Two people on the desk keep every wait short.
          examples:
            - event: {break_minutes: 30}
              verdict: met
            - event: {break_minutes: 65}
              verdict: met

      """
    let path = directory.appendingPathComponent("desk.yaml").path
    try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
    let result = try runEssence(["test", path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("\(path):13:9: error: example 2 of 'lunch-return': expected met, got missed"))
    #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"))
  }
}
