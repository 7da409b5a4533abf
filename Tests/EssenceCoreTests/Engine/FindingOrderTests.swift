import CEL
import Testing

@testable import EssenceCore

/// Report order is (event time, input order, rule order), however far the findings start
/// from it: slightly shuffled (sorted by insertion), far out of order (sorted in full), with
/// pattern raises after them (merged in).
@Suite struct FindingOrderTests {
  /// The times of events at the given seconds, in input order.
  private func times(_ seconds: [Int64]) -> EventTimes {
    EventTimes(seconds.map { Timestamp(seconds: 1_800_000_000 + $0, nanos: 0) })
  }

  private func record(_ event: Int, _ rule: Int) -> FindingRecord {
    FindingRecord(event: Int32(event), rule: Int32(rule), verdict: .missed, deviation: -1, related: -1)
  }

  /// The order the report wants, by a general sort.
  private func expected(_ records: [FindingRecord], _ times: EventTimes) -> [[Int32]] {
    records.sorted {
      (times[Int($0.event)], $0.event, $0.rule) < (times[Int($1.event)], $1.event, $1.rule)
    }.map { [$0.event, $0.rule] }
  }

  @Test(arguments: [1, 7, 40, 1_000])
  func findings_are_put_in_report_order_however_far_from_it(shuffle: Int) {
    // Each event's time is its place, moved by up to `shuffle` seconds; two rules each.
    var generator = SplitMix(seed: UInt64(shuffle))
    let seconds = (0..<600).map { Int64($0) + Int64(generator.next() % UInt64(shuffle)) }
    let log = times(seconds)
    var records = log.indices.flatMap { [record($0, 0), record($0, 2)] }
    let judged = records.count
    // Pattern raises come after judging, on events anywhere in the log.
    records += [record(599, 1), record(3, 1), record(300, 1), record(0, 1)]
    let want = expected(records, log)
    FindingOrder(times: log).sort(&records, judged: judged)
    #expect(records.map { [$0.event, $0.rule] } == want)
  }

  @Test func findings_of_a_log_written_backwards_are_put_in_order() {
    let log = times((0..<300).map { 300 - Int64($0) })
    var records = log.indices.map { record($0, 0) }
    let want = expected(records, log)
    FindingOrder(times: log).sort(&records, judged: records.count)
    #expect(records.map { [$0.event, $0.rule] } == want)
  }

  /// A small deterministic generator, so a failing case repeats.
  private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
