import CEL
import EssenceCore
import Foundation
import Testing

/// One shift written as JSON Lines, CSV and YAML reads as the same events (SPEC §2).
@Suite struct CrossFormatTests {
  static let kinds: [String: FieldDeclaration.Kind] = ["rings": .number, "confirmed": .bool, "reason": .string]

  func fixture(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: "Fixtures/logs/\(name)", withExtension: nil)).path
  }

  /// Everything a rule or a report could see of an event, except where it was read.
  func summary(_ event: Event) -> String {
    let fields = event.record.fields.map { "\($0.name)=\($0.value.testDescription)" }.joined(separator: " ")
    let id = event.record.field("id") == nil ? "<path:line>" : event.id
    return "\(id)|\(event.type)|\(event.employee)|\(event.timeText)|\(event.index)|\(fields)"
  }

  @Test(arguments: ["shift.csv", "shift.yaml"])
  func sameEventsAsJSONLines(_ name: String) throws {
    let reader = LogReader(layout: testLayout, fieldKinds: Self.kinds)
    let json = try reader.read(paths: [fixture("shift.jsonl")])
    let other = try reader.read(paths: [fixture(name)])
    #expect(json.events.count == 4)
    #expect(other.events.map(summary) == json.events.map(summary))
    #expect(other.rejected.map(\.reason) == ["missing required field 'time'"])
    #expect(json.rejected.map(\.reason) == ["missing required field 'time'"])
  }

  @Test func jsonLinesLinesAndDefaultIDs() throws {
    let path = try fixture("shift.jsonl")
    let log = try LogReader(layout: testLayout).read(paths: [path])
    #expect(log.events.map(\.line) == [1, 2, 4, 5])
    #expect(log.events[3].id == "\(path):5")
    #expect(log.rejected.map(\.line) == [6])
  }
}
