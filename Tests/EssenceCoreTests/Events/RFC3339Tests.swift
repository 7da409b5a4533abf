import CEL
import EssenceCore
import Testing

/// SPEC §7: `time` is RFC 3339 only (bench/peers/README.md item 4).
@Suite struct RFC3339Tests {
  struct ValidCase: Sendable, CustomTestStringConvertible {
    let text: String
    let seconds: Int64
    let nanos: Int32
    var testDescription: String { text }
  }

  @Test(arguments: [
    ValidCase(text: "2026-11-21T09:00:00Z", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21t09:00:00z", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21T09:00:00+00:00", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21T09:00:00-00:00", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21T10:00:00+01:00", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21T09:00:00-05:30", seconds: 1_795_271_400, nanos: 0),
    ValidCase(text: "2026-11-21T09:00:00.5Z", seconds: 1_795_251_600, nanos: 500_000_000),
    ValidCase(text: "2026-11-21T09:00:00.000Z", seconds: 1_795_251_600, nanos: 0),
    ValidCase(text: "2026-11-21T09:00:00.123456789Z", seconds: 1_795_251_600, nanos: 123_456_789),
    ValidCase(text: "2026-11-21T09:00:00.1234567899999Z", seconds: 1_795_251_600, nanos: 123_456_789),
    ValidCase(text: "2024-02-29T00:00:00Z", seconds: 1_709_164_800, nanos: 0),
    ValidCase(text: "2000-02-29T00:00:00Z", seconds: 951_782_400, nanos: 0),
    ValidCase(text: "1969-12-31T23:59:59Z", seconds: -1, nanos: 0),
    ValidCase(text: "0001-01-01T00:00:00Z", seconds: -62_135_596_800, nanos: 0),
    ValidCase(text: "0001-01-01T01:00:00+01:00", seconds: -62_135_596_800, nanos: 0),
    ValidCase(text: "9999-12-31T23:59:59.999999999Z", seconds: 253_402_300_799, nanos: 999_999_999),
    ValidCase(text: "9999-12-31T23:00:00-00:59", seconds: 253_402_300_740, nanos: 0),
  ])
  func accepts(_ c: ValidCase) {
    #expect(RFC3339.parse(c.text) == Timestamp(seconds: c.seconds, nanos: c.nanos))
  }

  @Test(arguments: [
    "2026-11-21 09:00:00Z",  // space instead of T
    "2026-11-21T09:00:00",  // no offset
    "2026-11-21T09:00Z",  // no seconds
    "2026-11-21",
    "2026-02-30T09:00:00Z",  // no such day
    "2026-02-29T09:00:00Z",  // not a leap year
    "1900-02-29T09:00:00Z",  // century, not a leap year
    "2026-04-31T09:00:00Z",
    "2026-13-01T09:00:00Z",
    "2026-00-01T09:00:00Z",
    "2026-11-00T09:00:00Z",
    "2026-11-21T24:00:00Z",
    "2026-11-21T09:60:00Z",
    "2026-11-21T23:59:60Z",  // leap second
    "2026-11-21T09:00:00.Z",  // empty fraction
    "2026-11-21T09:00:00,5Z",
    "2026-11-21T09:00:00+0100",
    "2026-11-21T09:00:00+01",
    "2026-11-21T09:00:00+24:00",
    "2026-11-21T09:00:00+01:60",
    "2026-11-21T09:00:00ZZ",
    "2026-11-21T09:00:00Z ",
    " 2026-11-21T09:00:00Z",
    "+2026-11-21T09:00:00Z",
    "26-11-21T09:00:00Z",
    "0000-01-01T00:00:00Z",  // year 0
    "0001-01-01T00:30:00+01:00",  // before 0001-01-01 in UTC
    "9999-12-31T23:30:00-01:00",  // after 9999-12-31 in UTC
    "２０２６-11-21T09:00:00Z",  // non-ASCII digits
    "",
  ])
  func rejects(_ text: String) {
    #expect(RFC3339.parse(text) == nil)
  }

  @Test func oneInstantWrittenThreeWaysCompareEqual() {
    let a = RFC3339.parse("2026-11-21T13:00:00Z")
    #expect(a != nil)
    #expect(a == RFC3339.parse("2026-11-21T14:00:00+01:00"))
    #expect(a == RFC3339.parse("2026-11-21T13:00:00.000Z"))
  }
}
