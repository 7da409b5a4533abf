import CEL
import EssenceCore
import Foundation
import Testing
import _EssenceTestSupport

/// The bench generator's log read as JSON Lines and as CSV gives the same events, when CSV
/// cells are typed by bench.yaml's `fields:` (the peers check the same of their readers).
@Suite struct GeneratedLogTests {
  static let generator = sharedDirectory + "/bench/gen_shift_log.py"
  static let kinds: [String: FieldDeclaration.Kind] = [
    "team": .string, "break_kind": .string, "break_minutes": .number, "reason": .string,
    "customer_ref": .string, "note": .string, "call_id": .string, "rings": .number, "queue": .string,
    "greeting": .string, "handle_seconds": .number, "sentiment": .string, "outcome": .string,
    "ticket_id": .string, "category": .string, "handle_minutes": .number, "customer_confirmed": .bool,
    "resolution": .string, "attempt_note": .string, "kind": .string,
  ]

  func generate(_ format: String, into path: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Self.generator, "--events", "3000", "--seed", "7", "--format", format]
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: generator)))
  func csvAndJSONLinesAgree() throws {
    try withScratchDirectory { dir in
      let jsonl = dir.appendingPathComponent("shift.jsonl").path
      let csv = dir.appendingPathComponent("shift.csv").path
      for path in [jsonl, csv] { #expect(FileManager.default.createFile(atPath: path, contents: nil)) }
      try generate("jsonl", into: jsonl)
      try generate("csv", into: csv)

      let layout = RecordLayout(
        fields: [("id", .string), ("time", .timestamp), ("type", .string), ("employee", .string)]
          + Self.kinds.keys.sorted().map { ($0, CELType.dyn) })
      let reader = LogReader(layout: layout, fieldKinds: Self.kinds)
      let a = try reader.read(paths: [jsonl])
      let b = try reader.read(paths: [csv])
      #expect(a.rejected.isEmpty && b.rejected.isEmpty)
      #expect(a.events.count > 2000)
      #expect(a.events.count == b.events.count)
      func fields(_ e: Event) -> [String] {
        e.record.fields.map { "\($0.name)=\($0.value.testDescription)" }.sorted()
      }
      let mismatches = zip(a.events, b.events).filter { fields($0) != fields($1) || $0.id != $1.id }
      #expect(
        mismatches.isEmpty,
        "first: \(mismatches.first.map { fields($0.0) } ?? []) vs \(mismatches.first.map { fields($0.1) } ?? [])")
    }
  }
}
