import CEL
import EssenceCore
import Testing

/// SPEC §2 and §7 for CSV logs (bench/peers/README.md item 6).
@Suite struct CSVReadingTests {
  let kinds: [String: FieldDeclaration.Kind] = [
    "rings": .number, "confirmed": .bool, "reason": .string, "due": .time, "tags": .list, "anything": .any,
  ]

  func read(_ text: String, path: String = "shift.csv") throws -> EventLog {
    try LogReader(layout: testLayout, fieldKinds: kinds).read(bytes: Array(text.utf8), path: path, format: .csv)
  }

  func read(bytes: [UInt8]) throws -> EventLog {
    try LogReader(layout: testLayout, fieldKinds: kinds).read(bytes: bytes, path: "shift.csv", format: .csv)
  }

  struct TypingCase: Sendable, CustomTestStringConvertible {
    let column: String
    let cell: String
    let value: String?
    var testDescription: String { "\(column)=\(cell)" }
  }

  @Test(arguments: [
    TypingCase(column: "rings", cell: "3", value: "int(3)"),
    TypingCase(column: "rings", cell: "-3", value: "int(-3)"),
    TypingCase(column: "rings", cell: "+3", value: "int(3)"),
    TypingCase(column: "rings", cell: "3.5", value: "double(3.5)"),
    TypingCase(column: "rings", cell: "1e3", value: "double(1000.0)"),
    TypingCase(column: "rings", cell: ".5", value: "double(0.5)"),
    TypingCase(column: "rings", cell: "18446744073709551615", value: "uint(18446744073709551615)"),
    TypingCase(column: "rings", cell: "three", value: "string(three)"),
    TypingCase(column: "rings", cell: "inf", value: "string(inf)"),
    TypingCase(column: "rings", cell: "0x10", value: "string(0x10)"),
    TypingCase(column: "rings", cell: "true", value: "string(true)"),
    TypingCase(column: "rings", cell: "", value: nil),
    TypingCase(column: "confirmed", cell: "true", value: "bool(true)"),
    TypingCase(column: "confirmed", cell: "false", value: "bool(false)"),
    TypingCase(column: "confirmed", cell: "True", value: "string(True)"),
    TypingCase(column: "confirmed", cell: "1", value: "string(1)"),
    TypingCase(column: "reason", cell: "42", value: "string(42)"),
    TypingCase(column: "reason", cell: "true", value: "string(true)"),
    TypingCase(column: "due", cell: "2026-11-21T09:00:00Z", value: "timestamp(1795251600,0)"),
    TypingCase(column: "due", cell: "tomorrow", value: "string(tomorrow)"),
    TypingCase(column: "tags", cell: "a;b", value: "string(a;b)"),
    TypingCase(column: "anything", cell: "7", value: "int(7)"),
    TypingCase(column: "free", cell: "7", value: "int(7)"),
    TypingCase(column: "free", cell: "7.25", value: "double(7.25)"),
    TypingCase(column: "free", cell: "false", value: "bool(false)"),
    TypingCase(column: "free", cell: "FALSE", value: "string(FALSE)"),
    TypingCase(column: "free", cell: "2026-11-21T09:00:00Z", value: "string(2026-11-21T09:00:00Z)"),
    TypingCase(column: "free", cell: "7 apples", value: "string(7 apples)"),
    TypingCase(column: "free", cell: "", value: nil),
  ])
  func typing(_ c: TypingCase) throws {
    let log = try read("time,type,employee,\(c.column)\n2026-11-21T09:00:00Z,note,ana,\(c.cell)\n")
    let event = try #require(log.events.first)
    #expect(event.record.field(c.column)?.testDescription == c.value)
  }

  @Test func requiredFieldsAndIDAreNeverTyped() throws {
    let log = try read("id,time,type,employee\n42,2026-11-21T09:00:00Z,7,true\n")
    let event = try #require(log.events.first)
    #expect(event.id == "42")
    #expect(event.type == "7")
    #expect(event.employee == "true")
    #expect(event.record.field("id")?.testDescription == "string(42)")
    #expect(event.record.field("time")?.testDescription == "timestamp(1795251600,0)")
  }

  @Test func emptyRequiredCellIsMissing() throws {
    let log = try read("id,time,type,employee\n,2026-11-21T09:00:00Z,note,\n,,note,ana\n")
    #expect(log.rejected.map(\.reason) == ["missing required field 'employee'", "missing required field 'time'"])
    #expect(log.rejected.map(\.line) == [2, 3])
  }

  @Test func quotedCellsWithCommasQuotesAndNewlines() throws {
    let text = #"""
      time,type,employee,note,reason
      2026-11-21T09:00:00Z,note,ana,"one, two","she said ""hi"""
      2026-11-21T09:00:00Z,note,bo,"line one
      line two
      line three",x
      2026-11-21T09:00:00Z,note,cy,"",""

      """#
    let log = try read(text)
    #expect(log.rejected.isEmpty)
    #expect(log.events.map(\.line) == [2, 3, 6])
    #expect(log.events.map(\.id) == ["shift.csv:2", "shift.csv:3", "shift.csv:6"])
    #expect(log.events[0].record.field("note")?.testDescription == "string(one, two)")
    #expect(log.events[0].record.field("reason")?.testDescription == "string(she said \"hi\")")
    #expect(log.events[1].record.field("note")?.testDescription == "string(line one\nline two\nline three)")
    #expect(log.events[2].record.field("note") == nil)
  }

  @Test func crlfAndByteOrderMark() throws {
    let text = "time,type,employee,rings\r\n2026-11-21T09:00:00Z,note,ana,2\r\n\r\n2026-11-21T09:00:00Z,note,bo,\"a\r\nb\"\r\n"
    let log = try read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(log.rejected.isEmpty)
    #expect(log.events.map(\.line) == [2, 4])
    #expect(log.events[0].record.fields.map(\.name) == ["time", "type", "employee", "rings"])
    #expect(log.events[0].record.field("rings")?.testDescription == "int(2)")
    #expect(log.events[1].record.field("rings")?.testDescription == "string(a\r\nb)")
  }

  @Test func blankAndAllEmptyRowsAreSkipped() throws {
    let log = try read("time,type,employee\n\n,,\n2026-11-21T09:00:00Z,note,ana\n")
    #expect(log.read == 1)
    #expect(log.events.map(\.line) == [4])
  }

  @Test func shortAndLongRows() throws {
    let log = try read("time,type,employee,rings\n2026-11-21T09:00:00Z,note,ana\n2026-11-21T09:00:00Z,note,bo,1,extra\n")
    #expect(log.events.count == 2)
    #expect(log.events[0].record.field("rings") == nil)
    #expect(log.events[1].record.fields.count == 4)
  }

  @Test func rejectionsFollowTheSameRules() throws {
    let log = try read("time,type,employee\n2026-11-21 09:00:00Z,note,ana\nnot a time,note,ana\n")
    #expect(log.rejected.map(\.line) == [2, 3])
    #expect(log.rejected.first?.reason == "bad time '2026-11-21 09:00:00Z': expected RFC 3339 with an offset or 'Z'")
  }

  @Test func unterminatedQuoteRejectsTheRest() throws {
    let log = try read("time,type,employee,note\n2026-11-21T09:00:00Z,note,ana,ok\n2026-11-21T09:00:00Z,note,bo,\"open\n2026-11-21T09:00:00Z,note,cy,x\n")
    #expect(log.events.count == 1)
    #expect(log.rejected == [RejectedRecord(path: "shift.csv", line: 3, reason: "unterminated quoted field")])
  }

  @Test func duplicateColumnMakesTheFileMalformed() throws {
    #expect(throws: LogReadError.malformed(path: "shift.csv", line: 1, reason: "duplicate column 'type'")) {
      try read("time,type,employee,type\n")
    }
  }

  @Test func emptyFileHasNoRecords() throws {
    #expect(try read("").read == 0)
    #expect(try read("time,type,employee\n").read == 0)
  }

  @Test func benchCSVMatchesItsJSONLines() throws {
    // The generator writes the same log in both formats; CSV typing by `fields` must give
    // the same values for the declared number and bool fields.
    let csv = "id,time,employee,type,rings,confirmed,reason\ne-1,2026-11-02T08:41:54Z,agent-0000,call_answered,1,false,\n"
    let json = #"{"id":"e-1","time":"2026-11-02T08:41:54Z","employee":"agent-0000","type":"call_answered","rings":1,"confirmed":false}"#
    let a = try #require(try read(csv).events.first)
    let b = try #require(try readJSONLines(json + "\n").events.first)
    #expect(a.record.fields.map { "\($0.name)=\($0.value.testDescription)" }
      == b.record.fields.map { "\($0.name)=\($0.value.testDescription)" })
  }
}
