import Testing

@testable import CEL

/// The rules of TZif footers: offsets either side of each change, in both hemispheres, with
/// every form of day and changes at times outside 0-24 hours.
@Suite struct PosixZoneRuleTests {
  /// The offset a rule gives at an RFC 3339 instant.
  func offset(_ rule: String, at time: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
    let rule = try #require(PosixZoneRule(rule), sourceLocation: sourceLocation)
    return rule.offset(at: try #require(Timestamp(rfc3339: time), sourceLocation: sourceLocation).seconds)
  }

  @Test func fixedOffsetsCountHoursWestOfUTC() throws {
    #expect(try offset("<+0545>-5:45", at: "2030-01-01T00:00:00Z") == 20_700)
    #expect(try offset("<-0930>9:30", at: "2030-01-01T00:00:00Z") == -34_200)
    #expect(try offset("EST5", at: "2030-07-01T00:00:00Z") == -18_000)
    #expect(try offset("<+00:00:30>-0:0:30", at: "2030-07-01T00:00:00Z") == 30)
  }

  /// Europe: from the last Sunday of March at 02:00 standard time to the last Sunday of
  /// October at 03:00 daylight time (both 01:00 UTC).
  @Test func northernDaylightTime() throws {
    let rule = "CET-1CEST,M3.5.0,M10.5.0/3"
    #expect(try offset(rule, at: "2030-03-31T00:59:59Z") == 3600)
    #expect(try offset(rule, at: "2030-03-31T01:00:00Z") == 7200)
    #expect(try offset(rule, at: "2030-10-27T00:59:59Z") == 7200)
    #expect(try offset(rule, at: "2030-10-27T01:00:00Z") == 3600)
  }

  /// Sydney: daylight time from the first Sunday of October to the first Sunday of April, over
  /// the new year.
  @Test func southernDaylightTime() throws {
    let rule = "AEST-10AEDT,M10.1.0,M4.1.0/3"
    #expect(try offset(rule, at: "2030-01-01T00:00:00Z") == 39_600)
    #expect(try offset(rule, at: "2030-04-06T15:59:59Z") == 39_600)
    #expect(try offset(rule, at: "2030-04-06T16:00:00Z") == 36_000)
    #expect(try offset(rule, at: "2030-10-05T15:59:59Z") == 36_000)
    #expect(try offset(rule, at: "2030-10-05T16:00:00Z") == 39_600)
    #expect(try offset(rule, at: "2030-12-31T23:59:59Z") == 39_600)
  }

  /// Nuuk changes at -01:00 (the Saturday before, 23:00), Jerusalem at 26:00 (the Friday after
  /// the fourth Thursday of March, 02:00), the fifth week is the last, and the daylight offset
  /// is an hour more than standard time unless given.
  @Test func changesOutsideTheDay() throws {
    let nuuk = "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"
    #expect(try offset(nuuk, at: "2030-03-31T00:59:59Z") == -7200)
    #expect(try offset(nuuk, at: "2030-03-31T01:00:00Z") == -3600)
    let jerusalem = "IST-2IDT,M3.4.4/26,M10.5.0"
    #expect(try offset(jerusalem, at: "2030-03-28T23:59:59Z") == 7200)
    #expect(try offset(jerusalem, at: "2030-03-29T00:00:00Z") == 10_800)
    // October 2030 has four Sundays: the fifth week means the last, the 27th.
    #expect(try offset(jerusalem, at: "2030-10-26T22:59:59Z") == 10_800)
    #expect(try offset(jerusalem, at: "2030-10-26T23:00:00Z") == 7200)
  }

  /// Daylight time all year: from January 1 at 00:00 to December 31 at 25:00.
  @Test func daylightTimeAllYear() throws {
    let rule = "EST5EDT,0/0,J365/25"
    for time in ["2030-01-01T04:00:00Z", "2030-07-01T00:00:00Z", "2031-01-01T03:59:59Z", "2032-12-31T12:00:00Z"] {
      #expect(try offset(rule, at: time) == -14_400, "\(time)")
    }
  }

  /// `Jn` never counts February 29, `n` does: `J60` is March 1, day 59 is February 29 in a leap
  /// year and March 1 otherwise.
  @Test func julianAndOrdinalDays() throws {
    let julian = "AAA0BBB,J60/0,J61/0"
    #expect(try offset(julian, at: "2028-02-29T12:00:00Z") == 0)
    #expect(try offset(julian, at: "2028-03-01T12:00:00Z") == 3600)
    #expect(try offset(julian, at: "2029-03-01T12:00:00Z") == 3600)
    let ordinal = "AAA0BBB,59/0,60/0"
    #expect(try offset(ordinal, at: "2028-02-29T12:00:00Z") == 3600)
    #expect(try offset(ordinal, at: "2028-03-01T12:00:00Z") == 0)
    #expect(try offset(ordinal, at: "2029-03-01T12:00:00Z") == 3600)
  }

  @Test(arguments: [
    "", "A1", "CET", "CET-1CEST", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
    "CET-1CEST,J0,J300", "CET-1CEST,366,300", "<+05-5", "<>-5", "CET-1:60", "CET-168", "CET-1CEST,M3.5.0,M10.5.0/3x",
  ])
  func notARule(text: String) {
    #expect(PosixZoneRule(text) == nil)
  }
}
