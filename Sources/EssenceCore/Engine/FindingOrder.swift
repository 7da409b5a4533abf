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

  /// Sorts `records` in place, unless already in order (as for a log written in time order):
  /// a sorted copy would hold a million-event run's findings twice.
  func sort(_ records: inout [FindingRecord]) {
    for k in records.indices.dropFirst() where precedes(records[k], records[k - 1]) {
      records.sort(by: precedes)
      return
    }
  }
}
