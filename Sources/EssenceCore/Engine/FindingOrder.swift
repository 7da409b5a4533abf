import CEL

/// Puts findings in report order: (event time, input order, rule order in the set).
struct FindingOrder {
  /// Each event's instant, in input order.
  let times: EventTimes

  private func precedes(_ a: FindingRecord, _ b: FindingRecord) -> Bool {
    let ta = times[Int(a.event)]
    let tb = times[Int(b.event)]
    if ta != tb { return ta < tb }
    if a.event != b.event { return a.event < b.event }
    return a.rule < b.rule
  }

  /// Sorts `records` in place (a sorted copy would hold a million-event run's findings twice).
  ///
  /// The first `judged` records were made event by event in input order, so they are in
  /// report order up to the log's small shuffles (on the benchmark, 29,091 inversions among
  /// 384,667 findings, none more than 20 places from its own): they are put in order by
  /// insertion, about 3 ms where a general sort took 19 ms with one core working, unless they
  /// turn out to be far from order. The rest (the pattern raises, made after judging, a few
  /// hundred at most) are sorted on their own and merged in.
  func sort(_ records: inout [FindingRecord], judged: Int) {
    records.withUnsafeMutableBufferPointer { all in
      var made = UnsafeMutableBufferPointer(rebasing: all[..<judged])
      if !insertionSort(made) { made.sort(by: precedes) }
      var raised = UnsafeMutableBufferPointer(rebasing: all[judged...])
      raised.sort(by: precedes)
      merge(all, sortedUpTo: judged)
    }
  }

  /// Sorts `records` by insertion while that stays cheap: false, with `records` in some
  /// order, once the places moved reach twice the count (a log far out of time order).
  private func insertionSort(_ records: UnsafeMutableBufferPointer<FindingRecord>) -> Bool {
    var budget = 2 * records.count
    for k in records.indices.dropFirst() where precedes(records[k], records[k - 1]) {
      let record = records[k]
      var at = k - 1
      while at > 0 && precedes(record, records[at - 1]) { at -= 1 }
      budget -= k - at
      guard budget >= 0 else { return false }
      for place in stride(from: k, to: at, by: -1) { records[place] = records[place - 1] }
      records[at] = record
    }
    return true
  }

  /// Merges, in place, the two sorted runs `records[..<split]` and `records[split...]`, the
  /// second short: each of its records, from the last, finds its place by binary search and
  /// the records after that place move up at once (a merge record by record compared and
  /// moved the whole first run, 7 ms for a few hundred raises).
  private func merge(_ records: UnsafeMutableBufferPointer<FindingRecord>, sortedUpTo split: Int) {
    guard split > 0, split < records.count, let base = records.baseAddress else { return }
    let tail = Array(records[split...])
    var end = split  // records[..<end] have not moved
    for (j, record) in tail.enumerated().reversed() {
      var (low, high) = (0, end)
      while low < high {
        let middle = (low + high) / 2
        if precedes(record, records[middle]) { high = middle } else { low = middle + 1 }
      }
      let stride = MemoryLayout<FindingRecord>.stride
      UnsafeMutableRawPointer(base + low + j + 1).copyMemory(from: base + low, byteCount: (end - low) * stride)
      records[low + j] = record
      end = low
    }
  }
}
