import CEL
import Testing

@testable import EssenceCore

/// A log's times are kept as seconds until one has a fraction; every time reads back as given.
@Suite struct EventTimesTests {
  @Test func times_read_back_as_given_before_and_after_a_fraction() {
    let given = [
      Timestamp(seconds: 1_800_000_000, nanos: 0), Timestamp(seconds: -62_135_596_800, nanos: 0),
      Timestamp(seconds: 253_402_300_799, nanos: 0), Timestamp(seconds: 1_800_000_001, nanos: 999_999_999),
      Timestamp(seconds: 1_800_000_002, nanos: 0), Timestamp(seconds: -1, nanos: 1),
    ]
    for count in 1...given.count {
      let times = EventTimes(given.prefix(count))
      #expect(Array(times) == Array(given.prefix(count)))
    }
  }
}
