import CEL
import Testing

@testable import EssenceCore

/// A time index finds the first event of a group in a window as a scan of the whole log would,
/// whether it keeps its members' times or reads the log's.
@Suite struct TimeIndexTests {
  /// A log of `count` events in 7 groups, logged out of time order (a generator with a fixed
  /// seed, so a failure can be replayed), some with nanoseconds.
  private static func log(count: Int) -> (groups: [Int32], times: EventTimes) {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    let groups = (0..<count).map { _ in Int32(next(7)) }
    let times = EventTimes(
      (0..<count).map { i in
        Timestamp(seconds: 1_800_000_000 + Int64(i * 10 + next(300) - 150), nanos: Int32(next(3) * 500_000_000))
      })
    return (groups, times)
  }

  /// The first event of `group` by (time, input order) in `[lower, upper]`, other than `excluded`.
  private static func scan(
    _ groups: [Int32], _ times: EventTimes, group: Int32, from lower: Timestamp, through upper: Timestamp,
    excluding excluded: Int32
  ) -> Int32? {
    groups.indices
      .filter { groups[$0] == group && Int32($0) != excluded && lower <= times[$0] && times[$0] <= upper }
      .min { (times[$0], $0) < (times[$1], $1) }
      .map { Int32($0) }
  }

  @Test(arguments: [false, true]) func finds_what_a_scan_of_the_log_finds(keepingTimes: Bool) {
    let (groups, times) = Self.log(count: 600)
    let members = (0..<Int32(groups.count)).filter { $0 % 5 != 0 }  // not every event is indexed
    let index = TimeIndex(
      groupCount: 7, groups: members.map { groups[Int($0)] }, members: Array(members), times: times,
      keepingTimes: keepingTimes)
    let indexed = groups.indices.map { $0 % 5 != 0 ? groups[$0] : -1 }
    for judged in stride(from: 0, to: groups.count, by: 7) {
      let t = times[judged]
      for (back, ahead) in [(0, 40), (25, 0), (90, 90), (0, 0)] {
        let (lower, upper) = (t.shifted(byNanos: -Int64(back) * 1_000_000_000), t.shifted(byNanos: Int64(ahead) * 1_000_000_000))
        for group in Int32(0)..<7 {
          let found = index.first(in: group, from: lower, through: upper, excluding: Int32(judged))
          #expect(found == Self.scan(indexed, times, group: group, from: lower, through: upper, excluding: Int32(judged)))
        }
      }
    }
  }
}
