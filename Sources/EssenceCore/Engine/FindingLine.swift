/// A finding as the reports that print a line per finding read it: no explanation, and no
/// `because` string (``FindingList`` writes the sentence straight into the report's buffer).
struct FindingLine {
  /// The judged event's id (or `<path>:<line>`).
  var event: String
  /// The judged event's employee.
  var employee: String
  /// The event's `time`, exactly as written in the log.
  var time: WrittenTime
  /// The rule's position in set order (in ``Evaluation/rules``).
  var rule: Int
  var verdict: Verdict
  /// The deviation that applied, if any.
  var deviation: String?
  /// What the applied deviation serves, if one applied.
  var serves: String?
}
