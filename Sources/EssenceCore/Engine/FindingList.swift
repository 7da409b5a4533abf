/// Findings in report order, each built when read.
///
/// A million events give a million findings, most of them `met`; storing each as a
/// ``Finding`` with its sentence would cost more than judging them. The list keeps one
/// small record per finding and asks the engine to describe it on access.
public struct FindingList: RandomAccessCollection, Sendable {
  let records: [FindingRecord]
  let describer: any FindingDescribing

  init(records: [FindingRecord], describer: any FindingDescribing) {
    self.records = records
    self.describer = describer
  }

  /// An empty list.
  public init() {
    self.init(records: [], describer: NoFindings())
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { records.count }

  /// The finding at a position, with its explanation, built now.
  public subscript(position: Int) -> Finding { describer.finding(for: records[position], explained: true) }

  /// The finding at a position without its explanation (empty): for reports that print only
  /// `because`, which then skip re-running every outcome.
  public func brief(at position: Int) -> Finding { describer.finding(for: records[position], explained: false) }

  /// Calls `body` with the findings at some positions as report lines, in order, without
  /// their `because` sentences, their events read a block at a time: for the reports that
  /// print hundreds of thousands of them. Each line is made for its call and lets go of its
  /// event after it: an array of a batch's lines counted a reference for each line made, each
  /// copied out of the array, and each destroyed with it, on blocks two threads share.
  func forEachLine(at positions: some Sequence<Int>, _ body: (FindingLine) -> Void) {
    describer.forEachLine(for: positions.map { records[$0] }, body)
  }

  /// The positions in the log of the events of the block that holds the event of the finding
  /// at `position` (report batches are cut where findings move on to a later block).
  func eventBlock(ofFindingAt position: Int) -> Range<Int> {
    describer.blockPositions(containing: records[position].event)
  }

  /// The position in the log of the event of the finding at `position`.
  func eventPosition(ofFindingAt position: Int) -> Int { Int(records[position].event) }

  /// Appends the `because` sentence of the finding a line shows to `text`.
  func writeBecause(of line: FindingLine, into text: inout TextBuffer) {
    describer.writeBecause(line.record, of: line.judged, into: &text)
  }

  /// The judged event's `note` field when it is a string: the employee's own words.
  func note(of line: FindingLine) -> String? { describer.note(of: line.judged) }

  /// The verdict at a position, without building the finding.
  public func verdict(at position: Int) -> Verdict { records[position].verdict }
}

/// One finding as the engine keeps it: which event, which rule, which verdict.
struct FindingRecord: Sendable {
  /// Position of the judged event in input order.
  var event: Int32
  /// Position of the rule in set order.
  var rule: Int32
  var verdict: Verdict
  /// Position of the applied deviation within its standard, or -1.
  var deviation: Int16
  /// For a pattern, the raise's position in the engine's raise table; for a signal, the event
  /// that answered it or, when robotic, the work its employee logged meanwhile (judging found
  /// it, so describing the finding does not search the window again); else -1.
  var related: Int32
}

/// Turns compact finding records into findings; the engine is the one describer.
protocol FindingDescribing: Sendable {
  func finding(for record: FindingRecord, explained: Bool) -> Finding
  func forEachLine(for records: [FindingRecord], _ body: (FindingLine) -> Void)
  func writeBecause(_ record: FindingRecord, of event: JudgedEvent, into text: inout TextBuffer)
  func note(of event: JudgedEvent) -> String?
  func blockPositions(containing event: Int32) -> Range<Int>
}

private struct NoFindings: FindingDescribing {
  func finding(for record: FindingRecord, explained: Bool) -> Finding {
    preconditionFailure("an empty finding list has no records")
  }

  func forEachLine(for records: [FindingRecord], _ body: (FindingLine) -> Void) {
    preconditionFailure("an empty finding list has no records")
  }

  func writeBecause(_ record: FindingRecord, of event: JudgedEvent, into text: inout TextBuffer) {
    preconditionFailure("an empty finding list has no records")
  }

  func note(of event: JudgedEvent) -> String? { nil }

  func blockPositions(containing event: Int32) -> Range<Int> {
    preconditionFailure("an empty finding list has no records")
  }
}
