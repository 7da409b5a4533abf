import CEL
import EssenceCore
import Testing

/// SPEC §2 and §7 "Reading", one rule at a time.
@Suite struct JSONLinesReadingTests {
  struct RejectionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let line: String
    let reason: String
    var testDescription: String { name }
  }

  static let rejections: [RejectionCase] = [
    .init(name: "array", line: "[1,2,3]", reason: "record is not an object"),
    .init(name: "string", line: #""event""#, reason: "record is not an object"),
    .init(name: "number", line: "42", reason: "record is not an object"),
    .init(name: "null", line: "null", reason: "record is not an object"),
    .init(name: "time absent", line: #"{"type":"call_answered","employee":"ana"}"#,
          reason: "missing required field 'time'"),
    .init(name: "time null", line: #"{"time":null,"type":"call_answered","employee":"ana"}"#,
          reason: "missing required field 'time'"),
    .init(name: "type absent", line: #"{"time":"2026-11-21T09:00:00Z","employee":"ana"}"#,
          reason: "missing required field 'type'"),
    .init(name: "type null", line: #"{"time":"2026-11-21T09:00:00Z","type":null,"employee":"ana"}"#,
          reason: "missing required field 'type'"),
    .init(name: "employee absent", line: #"{"time":"2026-11-21T09:00:00Z","type":"note"}"#,
          reason: "missing required field 'employee'"),
    .init(name: "employee null", line: #"{"time":"2026-11-21T09:00:00Z","type":"note","employee":null}"#,
          reason: "missing required field 'employee'"),
    .init(name: "all absent names time first", line: "{}", reason: "missing required field 'time'"),
    .init(name: "type empty", line: #"{"time":"2026-11-21T09:00:00Z","type":"","employee":"ana"}"#,
          reason: "field 'type' must be a non-empty string"),
    .init(name: "type number", line: #"{"time":"2026-11-21T09:00:00Z","type":42,"employee":"ana"}"#,
          reason: "field 'type' must be a non-empty string"),
    .init(name: "employee empty", line: #"{"time":"2026-11-21T09:00:00Z","type":"note","employee":""}"#,
          reason: "field 'employee' must be a non-empty string"),
    .init(name: "employee list", line: #"{"time":"2026-11-21T09:00:00Z","type":"note","employee":["a"]}"#,
          reason: "field 'employee' must be a non-empty string"),
    .init(name: "time number", line: #"{"time":1700000000,"type":"note","employee":"ana"}"#,
          reason: "field 'time' must be an RFC 3339 string with an offset or 'Z'"),
    .init(name: "time with space", line: eventLine(time: "2026-11-21 09:00:00Z"),
          reason: "bad time '2026-11-21 09:00:00Z': expected RFC 3339 with an offset or 'Z'"),
    .init(name: "time without offset", line: eventLine(time: "2026-11-21T09:00:00"),
          reason: "bad time '2026-11-21T09:00:00': expected RFC 3339 with an offset or 'Z'"),
    .init(name: "id empty", line: eventLine(#""id":"""#),
          reason: "field 'id' must be a non-empty string or an integer"),
    .init(name: "id bool", line: eventLine(#""id":true"#),
          reason: "field 'id' must be a non-empty string or an integer"),
    .init(name: "id double", line: eventLine(#""id":12.5"#),
          reason: "field 'id' must be a non-empty string or an integer"),
    .init(name: "id object", line: eventLine(#""id":{"n":1}"#),
          reason: "field 'id' must be a non-empty string or an integer"),
    .init(name: "duplicate key", line: eventLine(#""rings":1,"rings":2"#), reason: "duplicate key 'rings'"),
    .init(name: "duplicate nested key", line: eventLine(#""m":{"a":1,"a":2}"#), reason: "duplicate key 'a'"),
    .init(name: "duplicate required key", line: eventLine(#""type":"other""#), reason: "duplicate key 'type'"),
  ]

  @Test(arguments: rejections)
  func rejects(_ c: RejectionCase) throws {
    let log = try readJSONLines(c.line + "\n")
    #expect(log.events.isEmpty)
    #expect(log.rejected == [RejectedRecord(path: "shift.jsonl", line: 1, reason: c.reason)])
  }

  @Test(arguments: [#"{"id":"r-trunc","time":"#, "{", "not json", #"{"a":1} x"#, #"{"a":tru}"#, #"{"a":1,}"#, "\u{7}"])
  func rejectsInvalidJSONWithSimdjsonsReason(_ line: String) throws {
    let log = try readJSONLines(eventLine() + "\n" + line + "\n" + eventLine() + "\n")
    #expect(log.events.map(\.line) == [1, 3])
    let rejected = try #require(log.rejected.first)
    #expect(log.rejected.count == 1)
    #expect(rejected.line == 2)
    #expect(rejected.reason.hasPrefix("invalid JSON: "))
    #expect(rejected.reason.count > "invalid JSON: ".count)
    #expect(rejected.reason.first?.isLowercase == true)
  }

  /// A block is parsed as a stream of documents; one that a line parser would read differently
  /// (two on a line, one over two lines, a scalar) is read line by line, as are the lines after.
  @Test func documentsNotAloneOnTheirLineAreReadAsLines() throws {
    let lines = [eventLine(), #"{"a":1} {"b":2}"#, eventLine(), #"{"a":"#, "1}", "42", eventLine()]
    let log = try readJSONLines(lines.joined(separator: "\n") + "\n")
    #expect(log.events.map(\.line) == [1, 3, 7])
    #expect(log.rejected.map(\.line) == [2, 4, 5, 6])
    #expect(log.rejected.map { $0.reason.hasPrefix("invalid JSON: ") } == [true, true, true, false])
  }

  /// A block is streamed in batches of 64 KiB; a longer line is read on its own, and so are the
  /// lines after it.
  @Test func lineLongerThanABatchIsRead() throws {
    let note = String(repeating: "long note ", count: 10_000)
    let lines = [eventLine(), eventLine(#""note":"\#(note)""#), eventLine(), "{", eventLine()]
    let log = try readJSONLines(lines.joined(separator: "\n") + "\n")
    #expect(log.events.map(\.line) == [1, 2, 3, 5])
    #expect(log.events[1].record.field("note")?.testDescription == "string(\(note))")
    #expect(log.rejected.map(\.line) == [4])
  }

  @Test func blankLinesAreSkippedButCountForLineNumbers() throws {
    let text = "\n" + eventLine() + "\n   \n\t\r\n\n" + eventLine() + "\r\n \n"
    let log = try readJSONLines(text)
    #expect(log.read == 2)
    #expect(log.events.map(\.line) == [2, 6])
    #expect(log.events.map(\.id) == ["shift.jsonl:2", "shift.jsonl:6"])
  }

  @Test func lastLineWithoutNewlineIsRead() throws {
    let log = try readJSONLines(eventLine() + "\n" + eventLine())
    #expect(log.events.map(\.line) == [1, 2])
  }

  @Test func readIsEventsPlusRejected() throws {
    let log = try readJSONLines([eventLine(), "[]", "", eventLine(), "{"].joined(separator: "\n"))
    #expect(log.read == 4)
    #expect(log.events.count == 2)
    #expect(log.rejected.map(\.line) == [2, 5])
  }

  struct IDCase: Sendable, CustomTestStringConvertible {
    let member: String
    let id: String
    let recordID: String?
    var testDescription: String { member.isEmpty ? "absent" : member }
  }

  @Test(arguments: [
    IDCase(member: #""id":"e-1""#, id: "e-1", recordID: "string(e-1)"),
    IDCase(member: #""id":12345"#, id: "12345", recordID: "string(12345)"),
    IDCase(member: #""id":-7"#, id: "-7", recordID: "string(-7)"),
    IDCase(member: #""id":18446744073709551615"#, id: "18446744073709551615",
           recordID: "string(18446744073709551615)"),
    IDCase(member: "", id: "logs/shift.jsonl:3", recordID: nil),
    IDCase(member: #""id":null"#, id: "logs/shift.jsonl:3", recordID: "null"),
  ])
  func ids(_ c: IDCase) throws {
    let log = try readJSONLines("\n\n" + eventLine(c.member) + "\n", path: "logs/shift.jsonl")
    let event = try #require(log.events.first)
    #expect(event.id == c.id)
    #expect(event.record.field("id")?.testDescription == c.recordID)
  }

  @Test func duplicateIDsAreAllowed() throws {
    let log = try readJSONLines(eventLine(#""id":"x""#) + "\n" + eventLine(#""id":"x""#) + "\n")
    #expect(log.events.map(\.id) == ["x", "x"])
  }

  @Test func requiredFieldsAndTimeReachTheEvent() throws {
    let log = try readJSONLines(eventLine(#""id":"e-9""#, time: "2026-11-21t10:00:00.5+01:00") + "\n")
    let event = try #require(log.events.first)
    #expect(event.type == "call_answered")
    #expect(event.employee == "ana")
    #expect(event.timeText == "2026-11-21t10:00:00.5+01:00")
    #expect(event.time == Timestamp(seconds: 1_795_251_600, nanos: 500_000_000))
    #expect(event.record.field("time")?.testDescription == "timestamp(1795251600,500000000)")
    #expect(event.record.field("type")?.testDescription == "string(call_answered)")
    #expect(event.path == "shift.jsonl")
    #expect(event.index == 0)
  }

  struct ValueCase: Sendable, CustomTestStringConvertible {
    let json: String
    let value: String
    var testDescription: String { json }
  }

  @Test(arguments: [
    ValueCase(json: "3", value: "int(3)"),
    ValueCase(json: "-9223372036854775808", value: "int(-9223372036854775808)"),
    ValueCase(json: "9223372036854775808", value: "uint(9223372036854775808)"),
    ValueCase(json: "18446744073709551615", value: "uint(18446744073709551615)"),
    ValueCase(json: "18446744073709551616", value: "double(1.8446744073709552e+19)"),
    ValueCase(json: "-9223372036854775809", value: "double(-9.223372036854776e+18)"),
    ValueCase(json: "3.0", value: "double(3.0)"),
    ValueCase(json: "1e2", value: "double(100.0)"),
    ValueCase(json: "-0.25", value: "double(-0.25)"),
    ValueCase(json: "true", value: "bool(true)"),
    ValueCase(json: "false", value: "bool(false)"),
    ValueCase(json: "null", value: "null"),
    ValueCase(json: #""a\"b\u00e9""#, value: "string(a\"bé)"),
    ValueCase(json: #""a string longer than fifteen bytes""#, value: "string(a string longer than fifteen bytes)"),
    ValueCase(json: "[]", value: "[]"),
    ValueCase(json: #"[1,"x",[true],{"k":null}]"#, value: "[int(1),string(x),[bool(true)],{string(k):null}]"),
    ValueCase(json: #"{"b":1,"a":{"c":[]}}"#, value: "{string(b):int(1),string(a):{string(c):[]}}"),
  ])
  func jsonTypesBecomeCELValues(_ c: ValueCase) throws {
    let log = try readJSONLines(eventLine(#""rings":\#(c.json),"extra":\#(c.json)"#) + "\n")
    let event = try #require(log.events.first)
    #expect(event.record.field("rings")?.testDescription == c.value)
    #expect(event.record.field("extra")?.testDescription == c.value)
    let slot = try #require(testLayout.slot(of: "rings"))
    #expect(event.record.value(atSlot: slot)?.testDescription == c.value)
  }

  @Test func recordKeepsEveryFieldInInputOrder() throws {
    let log = try readJSONLines(#"{"zeta":1,"type":"t","rings":2,"time":"2026-11-21T09:00:00Z","employee":"e"}"# + "\n")
    let event = try #require(log.events.first)
    #expect(event.record.fields.map(\.name) == ["zeta", "type", "rings", "time", "employee"])
    #expect(event.record.field("absent") == nil)
    #expect(event.record.value(atSlot: try #require(testLayout.slot(of: "reason"))) == nil)
  }

  /// A key repeated in a nested object, or in a member's value, is not a duplicate; a key twice
  /// in one object is, however many members the object has, whatever objects nested between
  /// its two members hold, and the one reported is the first (by where it first occurs) that
  /// comes twice.
  @Test func duplicateKeysAreCountedPerObject() throws {
    let nested = try readJSONLines(eventLine(#""rings":1,"m":{"rings":2,"m":{"rings":3}}"#) + "\n")
    #expect(nested.rejected.isEmpty)
    #expect(nested.events.count == 1)
    let inArray = try readJSONLines(eventLine(#""l":[{"rings":1},{"rings":2}],"rings":3"#) + "\n")
    #expect(inArray.rejected.isEmpty)
    let between = try readJSONLines(eventLine(#""rings":1,"m":{"rings":2},"l":[{"rings":3}],"rings":4"#) + "\n")
    #expect(between.rejected.map(\.reason) == ["duplicate key 'rings'"])
    let many = (0..<20).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
    let log = try readJSONLines(eventLine(many + #","k19":0,"k3":0"#) + "\n")
    #expect(log.rejected.map(\.reason) == ["duplicate key 'k3'"])
  }

  /// Keys are numbered once and predicted from the key before them; records that change the
  /// order, or bring many new keys at once, still get every field under its own name.
  @Test func keysInAnyOrderKeepTheirNames() throws {
    let many = (0..<100).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
    let lines = [
      #"{"time":"2026-11-21T09:00:00Z","type":"a","employee":"e","rings":1}"#,
      #"{"rings":2,"employee":"f","type":"b","time":"2026-11-21T09:00:00Z"}"#,
      #"{"time":"2026-11-21T09:00:00Z",\#(many),"type":"c","employee":"g","rings":3}"#,
      #"{"time":"2026-11-21T09:00:00Z","type":"d","employee":"h","rings":4}"#,
    ]
    let log = try readJSONLines(lines.joined(separator: "\n"))
    #expect(log.events.map(\.type) == ["a", "b", "c", "d"])
    #expect(log.events.map(\.employee) == ["e", "f", "g", "h"])
    #expect(log.events.map { $0.record.field("rings")?.testDescription } == ["int(1)", "int(2)", "int(3)", "int(4)"])
    #expect(log.events[2].record.field("k99")?.testDescription == "int(99)")
    #expect(log.events[2].record.fields.count == 104)
  }

  /// A time the line before wrote too (logs in time order repeat their seconds) reads as it
  /// does alone: its instant, its text, and a bad time's rejection.
  @Test func timesRepeatedLineAfterLineReadAsAlone() throws {
    let times = [
      "2026-11-21T09:00:00Z", "2026-11-21T09:00:00Z", "2026-11-21T09:00:01Z", "2026-11-22T09:00:01Z",
      "2026-11-21t10:00:00.5+01:00", "2026-11-21t10:00:00.5+01:00", "2026-11-21T09:00:00Y", "2026-11-21T09:00:00Y",
      "2026-11-21T09:00:00Z",
    ]
    let log = try readJSONLines(times.map { eventLine(time: $0) }.joined(separator: "\n") + "\n")
    let accepted = times.filter { !$0.hasSuffix("Y") }
    #expect(log.events.map(\.timeText) == accepted)
    #expect(log.events.map(\.time) == accepted.map { Timestamp(rfc3339: $0) })
    #expect(log.rejected.map(\.line) == [7, 8])
    #expect(
      log.rejected.map(\.reason) == Array(
        repeating: "bad time '2026-11-21T09:00:00Y': expected RFC 3339 with an offset or 'Z'", count: 2))
  }

  /// A time of the same day as the line before (read from its hours, minutes and seconds when
  /// both are written in UTC seconds) reads as it does alone, before 1970 too; a bad time of
  /// the same day is rejected as alone.
  @Test func timesOfTheSameDayReadAsAlone() throws {
    let times = [
      "2026-11-21T09:00:00Z", "2026-11-21T23:59:59Z", "2026-11-21T09:00:60Z", "2026-11-21T00:00:00Z",
      "2026-11-21T24:00:00Z", "2026-11-21T00:00:00Z", "2026-11-21T09:60:00Z", "2026-11-21T09:00:00Z",
      "2026-11-21T09:0a:00Z", "2026-11-21T09:00:00z", "2026-11-21T09:00:01Z", "2026-11-21T09:00:02+01:00",
      "2026-11-21T09:00:03Z", "2026-11-21T09:00:04.5Z", "2026-11-21T09:00:05Z", "2026-11-21T09:00:06Y",
      "1969-12-31T23:59:59Z", "1969-12-31T00:00:01Z", "0001-01-01T00:00:00Z", "0001-01-01T12:34:56Z",
    ]
    let bad: Set = ["2026-11-21T09:00:60Z", "2026-11-21T24:00:00Z", "2026-11-21T09:60:00Z", "2026-11-21T09:0a:00Z"]
    let log = try readJSONLines(times.map { eventLine(time: $0) }.joined(separator: "\n") + "\n")
    let accepted = times.filter { !bad.contains($0) && !$0.hasSuffix("Y") }
    #expect(log.events.map(\.timeText) == accepted)
    #expect(log.events.map(\.time) == accepted.map { Timestamp(rfc3339: $0) })
    #expect(log.events.map(\.time.seconds).suffix(4) == [-1, -86_399, -62_135_596_800, -62_135_596_800 + 45_296])
    #expect(log.rejected.map(\.line) == [3, 5, 7, 9, 16])
  }

  @Test func repeatedLongStringsAreEqual() throws {
    let note = #""note":"customer needed extra time to walk through the steps""#
    let log = try readJSONLines(eventLine(note) + "\n" + eventLine(note) + "\n")
    #expect(log.events.map { $0.record.field("note")?.testDescription } == Array(
      repeating: "string(customer needed extra time to walk through the steps)", count: 2))
  }
}
