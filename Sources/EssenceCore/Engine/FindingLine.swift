/// A finding as the reports that print a line per finding read it: no explanation, and no
/// `because` string (``FindingList`` writes the sentence straight into the report's buffer).
///
/// It is valid only while the call it is handed to lasts: the describer holds the judged
/// event's block (read once for the line and its sentence, as a large log's blocks are read
/// back as they are needed, ``EventStore``) without the line counting a reference to it for
/// each finding; the event's texts are read in place, and the names and the deviation are the
/// describer's and the rule book's, kept alive by the run behind the list.
struct FindingLine {
  /// The finding as the engine keeps it.
  let record: FindingRecord
  /// The judged event.
  let judged: JudgedEvent
  /// The judged event's id (or `<path>:<line>`) and time exactly as written.
  var event: EventTexts { judged.texts }
  /// The rule's position in set order (in ``Evaluation/rules``).
  var rule: Int { Int(record.rule) }
  var verdict: Verdict { record.verdict }
  private let employee: Int32
  private let names: Unmanaged<NameBytes>
  /// The deviation that applied, if any.
  private let deviation: Unmanaged<DeviationPlan>?

  init(
    record: FindingRecord, judged: JudgedEvent, employee: Int32, names: NameBytes, deviation: Unmanaged<DeviationPlan>?
  ) {
    self.record = record
    self.judged = judged
    self.employee = employee
    self.names = .passUnretained(names)
    self.deviation = deviation
  }

  /// Calls `body` with the UTF-8 of the judged event's employee.
  @inline(__always)
  func withEmployee<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    names._withUnsafeGuaranteedRef { $0.withUTF8(employee, body) }
  }

  /// Calls `body` with the applied deviation (its id, what it serves), or returns nil when
  /// none applied.
  @discardableResult @inline(__always)
  func withDeviation<R>(_ body: (Deviation) -> R) -> R? {
    deviation?._withUnsafeGuaranteedRef { body($0.deviation) }
  }
}
