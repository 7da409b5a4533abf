import CEL

/// Puts findings in report order: (event time, input order, rule order in the set).
struct FindingOrder {
  let events: [Event]

  private func precedes(_ a: FindingRecord, _ b: FindingRecord) -> Bool {
    let ta = events[Int(a.event)].time
    let tb = events[Int(b.event)].time
    if ta != tb { return ta < tb }
    if a.event != b.event { return a.event < b.event }
    return a.rule < b.rule
  }

  /// Sorts each list (unless already in order, as for a log written in time order) and
  /// merges them.
  func merge(_ first: [FindingRecord], _ second: [FindingRecord]) -> [FindingRecord] {
    let a = sorted(first)
    let b = sorted(second)
    if b.isEmpty { return a }
    var out: [FindingRecord] = []
    out.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if precedes(b[j], a[i]) {
        out.append(b[j])
        j += 1
      } else {
        out.append(a[i])
        i += 1
      }
    }
    out.append(contentsOf: a[i...])
    out.append(contentsOf: b[j...])
    return out
  }

  private func sorted(_ records: [FindingRecord]) -> [FindingRecord] {
    for k in records.indices.dropFirst() where precedes(records[k], records[k - 1]) {
      return records.sorted(by: precedes)
    }
    return records
  }
}
