import EssenceCore
import Foundation
import Testing

/// `evaluate` and `huddle` keep only the fields a set reads (`StandardsSet.fieldsRead`): every
/// report must be the one every field would give.
@Suite struct FieldsReadTests {
  static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let bench = package.appendingPathComponent("../shared/bench/standards/bench.yaml").standardized.path

  private func set(_ yaml: String) throws -> StandardsSet {
    let loaded = StandardsLoader.load(sources: [(path: "desk.yaml", bytes: Array(yaml.utf8))])
    return try #require(loaded.set, "\(loaded.diagnostics)")
  }

  private static let header = """
    essence: 1
    team: desk
    purpose: Callers first.
    scope: event.team == 'desk'
    fields: {rings: number, queue: string, ticket_id: string, note: string}

    """

  @Test func namesWhatExpressionsSelectAndRulesName() throws {
    let standards = try set(
      Self.header + """
        standards:
          - id: answer
            title: Answer fast
            on: call
            expect: event.rings <= 3
            rationale: Waiting disappoints.
            deviations:
              - id: overflow
                when: has(event.queue) && event.queue == 'overflow'
                evidence: [reason]
                serves: Overflow comes second.
          - id: respond
            title: Respond
            on: ticket_opened
            expect:
              followed_by: {on: first_response, same: [ticket_id], within: 1h, where: "other.agent != event.employee"}
            rationale: Someone is on it.
            deviations: []
        """)
    let read = try #require(standards.fieldsRead)
    for name in ["team", "rings", "queue", "reason", "ticket_id", "agent", "employee", "note", "ref", "decision"] {
      #expect(read.contains(name), "\(name)")
    }
    #expect(!read.contains("call_id"))
  }

  @Test func aWholeEventMayReadAnyField() throws {
    let standards = try set(
      Self.header + """
        standards:
          - id: complete
            title: Complete records
            on: call
            expect: size(event) >= 5
            rationale: Records tell the story.
            deviations: []
        """)
    #expect(standards.fieldsRead == nil)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: bench), "needs ../shared/bench/standards/bench.yaml"))
  func keepingOnlyThoseFieldsChangesNoReport() throws {
    let standards = try #require(StandardsLoader.load(paths: [Self.bench]).set)
    let log = Self.package.appendingPathComponent("Tests/EssenceCoreTests/Fixtures/engine/shift-5000-seed13.jsonl").path
    var reader = LogReader(standards: standards)
    let whole = try reader.read(paths: [log])
    reader.keeping = standards.fieldsRead
    let kept = try reader.read(paths: [log])
    #expect(kept.events.count == whole.events.count)
    #expect(kept.events.contains { $0.record.fields.count < 5 }, "the projection dropped nothing")
    let reporters: [(name: String, whole: any Reporter, kept: any Reporter)] = [
      ("json", JSONReporter(), JSONReporter()), ("text", TextReporter(), TextReporter()),
      ("csv", CSVReporter(), CSVReporter()), ("markdown", MarkdownReporter(), MarkdownReporter()),
      ("html", HTMLReporter(), HTMLReporter()),
      ("huddle", HuddleReporter(coaching: true), HuddleReporter(coaching: true)),
    ]
    let options = Engine.Options(includeMet: true)
    let (a, b) = (Engine(set: standards).evaluate(whole, options: options), Engine(set: standards).evaluate(kept, options: options))
    for reporter in reporters {
      #expect(reporter.whole.generateReport(a) == reporter.kept.generateReport(b), "\(reporter.name)")
    }
  }
}
