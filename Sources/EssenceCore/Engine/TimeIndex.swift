import CEL

/// Events grouped by a small integer key and sorted by (time, input order) within each group.
///
/// Relations, signals and patterns ask "is there an event of this group in this closed time
/// window?"; with the groups laid out flat and sorted, that is a binary search, not a scan.
///
/// An index made `keepingTimes` keeps its members' times beside them, in member order: a
/// relation judges an event by a search in another part of the log, and reading each
/// candidate's time from the log's times was a cache miss after the one for the member (nearly
/// half of a relation's time, on the benchmark). Others read the log's times, since the index
/// of every employee's busy events covers most of a log, and a copy would cost 8 bytes an event.
struct TimeIndex: Sendable {
  /// Group `g` occupies `members[starts[g]..<starts[g + 1]]`.
  private let starts: [Int]
  private let members: [Int32]
  /// The time of each member when kept, else empty.
  private let memberTimes: EventTimes
  private let times: EventTimes

  /// Builds the index from (group, event) pairs given in input order.
  ///
  /// A counting sort by group keeps input order inside each group, so a group needs sorting
  /// only when its events were logged out of time order: those `outOfOrder` marks when the
  /// caller knows them (groups past its end have no events), else those found by reading the
  /// group's times.
  init(
    groupCount: Int, groups: [Int32], members: [Int32], times: EventTimes, outOfOrder: [Bool]? = nil,
    keepingTimes: Bool = false
  ) {
    // Counted and placed through buffers: indexing the arrays checked each one was not shared
    // on every store, and placing the busy index's 400,000 members of a million-event log took
    // 9 ms, a core's time while the other waited.
    var starts = [Int](repeating: 0, count: groupCount + 1)
    var sorted = [Int32](repeating: 0, count: members.count)
    starts.withUnsafeMutableBufferPointer { starts in
      for g in groups { starts[Int(g) + 1] += 1 }
      for g in 0..<groupCount { starts[g + 1] += starts[g] }
      var next = Array(starts)
      next.withUnsafeMutableBufferPointer { next in
        sorted.withUnsafeMutableBufferPointer { sorted in
          for (g, e) in zip(groups, members) {
            sorted[next[Int(g)]] = e
            next[Int(g)] += 1
          }
        }
      }
    }
    func precedes(_ a: Int32, _ b: Int32) -> Bool { (times[Int(a)], a) < (times[Int(b)], b) }
    for g in 0..<groupCount {
      let range = starts[g]..<starts[g + 1]
      guard range.count > 1 else { continue }
      if let outOfOrder {
        if g < outOfOrder.count && outOfOrder[g] { sorted[range].sort(by: precedes) }
      } else if zip(sorted[range], sorted[range].dropFirst()).contains(where: { precedes($1, $0) }) {
        sorted[range].sort(by: precedes)
      }
    }
    self.starts = starts
    self.members = sorted
    var memberTimes = EventTimes()
    if keepingTimes {
      memberTimes.reserveCapacity(sorted.count)
      for e in sorted { memberTimes.append(times[Int(e)]) }
    }
    self.memberTimes = memberTimes
    self.times = times
  }

  /// The time of the member at `j`.
  @inline(__always) private func time(at j: Int) -> Timestamp {
    memberTimes.isEmpty ? times[Int(members[j])] : memberTimes[j]
  }

  /// The events of one group, in (time, input order).
  func members(of group: Int32) -> ArraySlice<Int32> {
    members[starts[Int(group)]..<starts[Int(group) + 1]]
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
      if time(at: mid) < lower { lo = mid + 1 } else { hi = mid }
    }
    let end = starts[Int(group) + 1]
    var j = lo
    while j < end && time(at: j) <= upper {
      let e = members[j]
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
