import CEL
import EssenceCore
import Testing

/// SPEC §2 for YAML logs: a sequence of mappings, or a stream of documents each a mapping.
@Suite struct YAMLReadingTests {
  func read(_ text: String, path: String = "shift.yaml") throws -> EventLog {
    try LogReader(layout: testLayout).read(bytes: Array(text.utf8), path: path, format: .yaml)
  }

  @Test func sequenceOfMappings() throws {
    let log = try read(
      """
      # a shift
      - id: e-1
        time: 2026-11-21T09:00:00Z
        type: call_answered
        employee: ana
        rings: 3
      - {time: '2026-11-21T10:00:00+01:00', type: note, employee: bo, confirmed: true}

      - time: 2026-11-21T09:00:00.5Z
        type: note
        employee: cy
        id: 12345
      """)
    #expect(log.rejected.isEmpty)
    #expect(log.events.map(\.id) == ["e-1", "shift.yaml:7", "12345"])
    #expect(log.events.map(\.line) == [2, 7, 9])
    #expect(log.events.map(\.index) == [0, 1, 2])
    #expect(log.events[0].record.field("rings")?.testDescription == "int(3)")
    #expect(log.events[0].record.field("time")?.testDescription == "timestamp(1795251600,0)")
    #expect(log.events[1].timeText == "2026-11-21T10:00:00+01:00")
    #expect(log.events[1].time == log.events[0].time)
    #expect(log.events[1].record.field("confirmed")?.testDescription == "bool(true)")
    #expect(log.events[2].record.field("id")?.testDescription == "string(12345)")
  }

  @Test func streamOfDocuments() throws {
    let log = try read(
      """
      time: 2026-11-21T09:00:00Z
      type: note
      employee: ana
      ---
      time: 2026-11-21T09:01:00Z
      type: note
      employee: bo
      tags: [a, b]
      detail: {n: 1.5, ok: null}
      ---
      """)
    #expect(log.rejected.isEmpty)
    #expect(log.events.map(\.employee) == ["ana", "bo"])
    #expect(log.events.map(\.line) == [1, 5])
    #expect(log.events[1].record.field("tags")?.testDescription == "[string(a),string(b)]")
    #expect(log.events[1].record.field("detail")?.testDescription == "{string(n):double(1.5),string(ok):null}")
  }

  @Test func yamlTypesAreKept() throws {
    // Core schema: `yes` and `on` stay strings, a quoted number is a string.
    let log = try read(
      """
      - {time: 2026-11-21T09:00:00Z, type: note, employee: ana, a: yes, b: '7', c: 7, d: 0x10, e: ~}
      """)
    let record = try #require(log.events.first).record
    #expect(record.field("a")?.testDescription == "string(yes)")
    #expect(record.field("b")?.testDescription == "string(7)")
    #expect(record.field("c")?.testDescription == "int(7)")
    #expect(record.field("e")?.testDescription == "null")
  }

  @Test func rejectionsNameTheRecordsLine() throws {
    let log = try read(
      """
      - time: 2026-11-21T09:00:00Z
        type: note
        employee: ana
      - just a string
      - time: 2026-11-21 09:00:00
        type: note
        employee: ana
      - time: 2026-11-21T09:00:00Z
        type: note
        type: again
        employee: ana
      - type: note
        employee: ana
      """)
    #expect(log.events.map(\.line) == [1])
    #expect(log.rejected == [
      RejectedRecord(path: "shift.yaml", line: 4, reason: "record is not an object"),
      RejectedRecord(path: "shift.yaml", line: 5, reason: "bad time '2026-11-21 09:00:00': expected RFC 3339 with an offset or 'Z'"),
      RejectedRecord(path: "shift.yaml", line: 8, reason: "duplicate key 'type'"),
      RejectedRecord(path: "shift.yaml", line: 12, reason: "missing required field 'time'"),
    ])
  }

  @Test func syntaxErrorMakesTheFileUnreadable() throws {
    do {
      _ = try read("- time: [unclosed\n- type: note\n")
      Issue.record("expected an error")
    } catch {
      guard case .malformed(let path, _, _)? = error as? LogReadError else {
        Issue.record("expected malformed, got \(error)")
        return
      }
      #expect(path == "shift.yaml")
    }
  }

  @Test func emptyFileHasNoRecords() throws {
    #expect(try read("").read == 0)
    #expect(try read("# nothing\n").read == 0)
  }
}
