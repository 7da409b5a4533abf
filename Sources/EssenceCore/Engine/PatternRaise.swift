import CEL

/// One `robotic` pattern finding: the event that raised it, the matches that counted, and
/// the later matches that joined it (SPEC §3).
struct PatternRaise: Sendable {
  /// Position of the pattern in set order.
  var rule: Int
  /// The raising event.
  var event: Int32
  /// The matches in `[event.time - within, event.time]` up to the raising event.
  var counted: [Int32]
  /// Later matches up to raise time + `within`.
  var joined: [Int32]
}

/// The matches of one pattern, gathered while judging and raised once all are known.
struct PatternMatches {
  private var keys = KeyTable()
  private var groups: [Int32] = []
  private var members: [Int32] = []

  /// Records a matching event under its `per` key; an event missing a `per` field belongs to
  /// no group (it is still judged, SPEC §7).
  mutating func add(_ event: Int, key: JoinKey?) {
    guard let key else { return }
    groups.append(keys.id(for: key))
    members.append(Int32(event))
  }

  /// Raises the pattern's findings, group by group.
  ///
  /// Walks each group in (time, input order): a match raises when at least `threshold`
  /// matches up to it lie in `[t - within, t]` and the group's previous raise was before
  /// `t - within`; a match at or before the open raise's time plus `within` joins it instead.
  /// Joined matches still count toward the next raise.
  func raises(of pattern: Pattern, rule: Int, times: EventTimes) -> [PatternRaise] {
    let index = TimeIndex(groupCount: keys.count, groups: groups, members: members, times: times)
    var raises: [PatternRaise] = []
    for g in 0..<Int32(keys.count) {
      let group = index.members(of: g)
      var lo = group.startIndex
      var open: (index: Int, until: Timestamp)?
      for j in group.indices {
        let t = times[Int(group[j])]
        let from = t.shifted(byNanos: -pattern.withinNanos)
        while times[Int(group[lo])] < from { lo += 1 }
        if let current = open, t <= current.until {
          raises[current.index].joined.append(group[j])
          continue
        }
        if j - lo + 1 >= pattern.threshold {
          open = (raises.count, t.shifted(byNanos: pattern.withinNanos))
          raises.append(PatternRaise(rule: rule, event: group[j], counted: Array(group[lo...j]), joined: []))
        }
      }
    }
    return raises
  }
}
