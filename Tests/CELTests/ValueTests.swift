import CEL
import Testing

/// A value and how CEL writes it.
struct DescriptionCase: Sendable, CustomTestStringConvertible {
  let value: Value
  let expected: String
  var testDescription: String { expected }
}

let descriptionCases: [DescriptionCase] = [
  DescriptionCase(value: .null, expected: "null"),
  DescriptionCase(value: .int(-3), expected: "-3"),
  DescriptionCase(value: .uint(3), expected: "3u"),
  DescriptionCase(value: .double(2), expected: "2.0"),
  DescriptionCase(value: .double(.nan), expected: "double('NaN')"),
  DescriptionCase(value: .string("it's\n"), expected: "'it\\'s\\n'"),
  DescriptionCase(value: .bytes([0x61, 0xFF]), expected: "b'a\\xff'"),
  DescriptionCase(value: .list([.int(1), .string("a")]), expected: "[1, 'a']"),
  DescriptionCase(value: .map(MapValue(entries: [(.string("k"), .bool(true))])), expected: "{'k': true}"),
  DescriptionCase(value: .duration(CELDuration(seconds: 5400, nanos: 0)), expected: "duration('5400s')"),
  DescriptionCase(value: .duration(CELDuration(seconds: -1, nanos: -500_000_000)), expected: "duration('-1.5s')"),
  DescriptionCase(
    value: .timestamp(Timestamp(seconds: 1_234_567_890, nanos: 100_000_000)),
    expected: "timestamp('2009-02-13T23:31:30.1Z')"),
  DescriptionCase(value: .type(.timestamp), expected: "google.protobuf.Timestamp"),
  DescriptionCase(value: .error(EvalError("division by zero")), expected: "error: division by zero"),
]

@Test(arguments: descriptionCases) func describesValuesInCELSyntax(_ c: DescriptionCase) {
  #expect(c.value.description == c.expected)
}

@Test func equalityFollowsCEL() {
  #expect(Value.int(7) == .double(7))
  #expect(Value.uint(7) == .int(7))
  #expect(Value.string("7") != .int(7))
  #expect(Value.bool(true) != .int(1))
  #expect(Value.double(.nan) != .double(.nan))
  // Code points, not canonical equivalence: precomposed é is not e + U+0301.
  #expect(Value.string("\u{E9}") != .string("e\u{301}"))
  #expect(Value.celEquals(.error(EvalError("x")), .int(1)).isError)
  let record = Record(layout: RecordLayout(fields: []), fields: [("a", .int(1))])
  #expect(Value.record(record) == .map(MapValue(entries: [(.string("a"), .double(1))])))
  // Records compare as maps, both ways: one with a field more is not equal.
  let wider = Record(layout: RecordLayout(fields: []), fields: [("a", .int(1)), ("b", .int(2))])
  #expect(Value.record(record) != .record(wider))
  #expect(Value.record(wider) != .record(record))
  #expect(Value.record(record) == .record(Record(layout: RecordLayout(fields: [("a", .int)]), fields: [("a", .uint(1))])))
}

@Test func orderingAcrossNumericKinds() {
  #expect(Value.compare(.int(-1), .uint(0)) == .less)
  #expect(Value.compare(.uint(UInt64.max), .int(Int64.max)) == .greater)
  #expect(Value.compare(.int(2), .double(2.5)) == .less)
  #expect(Value.compare(.double(.nan), .int(1)) == .unordered)
  #expect(Value.compare(.string("a"), .int(1)) == nil)
  #expect(Value.compare(.bool(false), .bool(true)) == .less)
}

@Test func mapsFindNumericKeysByValue() {
  let map = MapValue(entries: (0..<20).map { (Value.uint(UInt64($0)), Value.int(Int64($0))) })
  #expect(map[.int(3)] == .int(3))
  #expect(map[.double(19)] == .int(19))
  #expect(map[.double(1.5)] == nil)
  #expect(map[.string("3")] == nil)
}

@Test func timestampsParseRFC3339Strictly() {
  #expect(Timestamp(rfc3339: "2026-11-21T13:05:00Z")?.seconds == 1_795_266_300)
  #expect(Timestamp(rfc3339: "2026-11-21t14:05:00.5+01:00") == Timestamp(seconds: 1_795_266_300, nanos: 500_000_000))
  #expect(Timestamp(rfc3339: "2026-11-21T13:05:00.1234567891Z")?.nanos == 123_456_789)
  #expect(Timestamp(rfc3339: "2026-02-30T00:00:00Z") == nil)
  #expect(Timestamp(rfc3339: "2026-11-21 13:05:00Z") == nil)
  #expect(Timestamp(rfc3339: "2026-11-21T13:05:60Z") == nil)
  #expect(Timestamp(rfc3339: "2026-11-21T13:05:00") == nil)
  #expect(Timestamp(rfc3339: "0001-01-01T00:00:00Z")?.seconds == Timestamp.minSeconds)
  #expect(Timestamp(rfc3339: "0001-01-01T00:00:00+00:01") == nil)
}

@Test func wholeSecondsAreWrittenAsRFC3339WithoutAString() {
  func written(_ t: Timestamp) -> String? {
    var bytes = [UInt8](repeating: 0, count: Timestamp.wholeSecondsRFC3339Length)
    let wrote = bytes.withUnsafeMutableBufferPointer { t.writeWholeSecondsRFC3339(into: $0) }
    return wrote ? String(decoding: bytes, as: UTF8.self) : nil
  }
  #expect(written(Timestamp(seconds: 1_795_266_300, nanos: 0)) == "2026-11-21T13:05:00Z")
  #expect(written(Timestamp(seconds: Timestamp.minSeconds, nanos: 0)) == "0001-01-01T00:00:00Z")
  #expect(written(Timestamp(seconds: 1_795_266_300, nanos: 1)) == nil)
}

@Test func durationsParseGoStyle() {
  #expect(CELDuration(text: "1h30m")?.totalNanos == 5_400_000_000_000)
  #expect(CELDuration(text: "90s")?.totalNanos == 90_000_000_000)
  #expect(CELDuration(text: "-1.5h")?.totalNanos == -5_400_000_000_000)
  #expect(CELDuration(text: "1µs")?.totalNanos == 1000)
  #expect(CELDuration(text: "0")?.totalNanos == 0)
  #expect(CELDuration(text: "10") == nil)
  #expect(CELDuration(text: "1d") == nil)
  #expect(CELDuration(text: "3000000h") == nil)
}

@Test func hashingAgreesWithEquality() {
  let equalPairs: [(Value, Value)] = [
    (.int(7), .double(7)), (.uint(7), .int(7)), (.uint(UInt64.max), .double(0x1p64)),
    (
      .map(MapValue(entries: [(.string("a"), .int(1)), (.string("b"), .int(2))])),
      .map(MapValue(entries: [(.string("b"), .uint(2)), (.string("a"), .double(1))]))
    ),
    (.list([.int(1), .string("x")]), .list([.double(1), .string("x")])),
  ]
  for (a, b) in equalPairs {
    #expect(a == b)
    #expect(a.hashValue == b.hashValue, "\(a) and \(b)")
  }
  let keys: Set<Value> = [.int(1), .double(1), .uint(1), .string("1")]
  #expect(keys.count == 2)
}
