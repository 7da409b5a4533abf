import CEL

/// Events grouped by a small integer key and sorted by (time, input order) within each group.
///
/// Relations, signals and patterns ask "is there an event of this group in this closed time
/// window?"; with the groups laid out flat and sorted, that is a binary search, not a scan.
struct TimeIndex: Sendable {
  /// Group `g` occupies `times[starts[g]..<starts[g + 1]]`.
  private let starts: [Int]
  private let times: [Timestamp]
  private let events: [Int32]

  /// Builds the index from (group, event) pairs given in input order.
  ///
  /// A counting sort by group keeps input order inside each group, so a group needs sorting
  /// only when its events were logged out of time order.
  init(groupCount: Int, groups: [Int32], members: [Int32], time: (Int32) -> Timestamp) {
    var starts = [Int](repeating: 0, count: groupCount + 1)
    for g in groups { starts[Int(g) + 1] += 1 }
    for g in 0..<groupCount { starts[g + 1] += starts[g] }
    var next = starts
    var events = [Int32](repeating: 0, count: members.count)
    for (g, e) in zip(groups, members) {
      events[next[Int(g)]] = e
      next[Int(g)] += 1
    }
    var times = events.map(time)
    for g in 0..<groupCount {
      let range = starts[g]..<starts[g + 1]
      if range.count > 1 && !TimeIndex.isSorted(times[range]) {
        let sorted = zip(times[range], events[range]).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        for (offset, pair) in sorted.enumerated() {
          times[range.lowerBound + offset] = pair.0
          events[range.lowerBound + offset] = pair.1
        }
      }
    }
    self.starts = starts
    self.times = times
    self.events = events
  }

  private static func isSorted(_ times: ArraySlice<Timestamp>) -> Bool {
    var previous = times[times.startIndex]
    for t in times.dropFirst() {
      if t < previous { return false }
      previous = t
    }
    return true
  }

  /// The events of one group, in (time, input order).
  func members(of group: Int32) -> ArraySlice<Int32> {
    events[starts[Int(group)]..<starts[Int(group) + 1]]
  }

  /// The first event of `group` (in time, input order) with `lower <= time <= upper`, other
  /// than `excluded`, for which `accept` holds.
  func first(
    in group: Int32, from lower: Timestamp, through upper: Timestamp, excluding excluded: Int32,
    where accept: ((Int32) -> Bool)? = nil
  ) -> Int32? {
    var lo = starts[Int(group)]
    var hi = starts[Int(group) + 1]
    while lo < hi {
      let mid = (lo &+ hi) >> 1
      if times[mid] < lower { lo = mid + 1 } else { hi = mid }
    }
    let end = starts[Int(group) + 1]
    var j = lo
    while j < end && times[j] <= upper {
      let e = events[j]
      if e != excluded && (accept?(e) ?? true) { return e }
      j += 1
    }
    return nil
  }
}

extension Timestamp {
  /// This instant moved by a signed number of nanoseconds (window ends; no range check,
  /// since only comparisons follow).
  func shifted(byNanos nanos: Int64) -> Timestamp {
    var seconds = self.seconds + nanos / 1_000_000_000
    var fraction = Int64(self.nanos) + nanos % 1_000_000_000
    if fraction < 0 {
      fraction += 1_000_000_000
      seconds -= 1
    } else if fraction >= 1_000_000_000 {
      fraction -= 1_000_000_000
      seconds += 1
    }
    return Timestamp(seconds: seconds, nanos: Int32(fraction))
  }
}
