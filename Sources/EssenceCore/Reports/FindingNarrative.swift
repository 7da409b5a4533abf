import CEL

/// A finding told in plain sentences, for people rather than tools (SPEC §5 `explain`).
///
/// Every report that shows a finding to a leader (explain, huddle, Markdown, HTML) tells it
/// the same way: what happened against the letter, then why the verdict (the deviation and
/// its evidence, limit and approval, or the purpose check that failed), then what the
/// deviation serves. It reads only the finding and its rule, so it works on any report.
public struct FindingNarrative: Sendable {
  /// The finding told.
  public var finding: Finding
  /// The rule that made it, for its title, rationale and purpose.
  public var rule: RuleInfo?
  /// Reads a field of the judged event, when the caller has the event (explain does);
  /// the sentences then name the values a deviation's `when` read.
  public var field: (@Sendable (String) -> Value?)?

  /// Finds another event by id, when the caller has the log; the sentences then quote the
  /// note of whoever answered a signal.
  public var related: (@Sendable (String) -> Event?)?

  /// Creates a narrative.
  public init(
    finding: Finding, rule: RuleInfo?, field: (@Sendable (String) -> Value?)? = nil,
    related: (@Sendable (String) -> Event?)? = nil
  ) {
    self.finding = finding
    self.rule = rule
    self.field = field
    self.related = related
  }

  /// Creates a narrative that reads the judged event's fields and, given `related`, other
  /// events' notes.
  public init(finding: Finding, rule: RuleInfo?, event: Event?, related: [String: Event] = [:]) {
    let record = event?.record
    let field: (@Sendable (String) -> Value?)? = record.map { r in { @Sendable name in r.field(name) } }
    let lookup: (@Sendable (String) -> Event?)? = related.isEmpty ? nil : { @Sendable id in related[id] }
    self.init(finding: finding, rule: rule, field: field, related: lookup)
  }

  /// The sentences, in reading order: the letter, the verdict's reason, the employee's note.
  public var sentences: [String] {
    let explanation = finding.explanation
    var out: [String] = []
    switch finding.kind {
    case .standard:
      out += letterSentences(explanation)
    case .signal:
      out += signalSentences(explanation)
    case .pattern:
      out += patternSentences(explanation)
    }
    if let note = finding.note, !note.isEmpty, finding.verdict != .met {
      out.append("In \(finding.employee)'s words: \u{201C}\(note)\u{201D}.")
    }
    return out
  }

  /// The whole story as one paragraph.
  public var paragraph: String { sentences.joined(separator: " ") }

  // MARK: - Standards

  private func letterSentences(_ explanation: Explanation) -> [String] {
    guard let letter = explanation.letter else { return [finding.because] }
    switch letter.result {
    case .error(let message):
      return ["The letter `\(letter.expression)` could not be evaluated on this event: \(message)."]
    case .held:
      return [Self.heldSentence(letter)] + purposeSentences(explanation.purposeChecks)
    case .failed:
      return [Self.brokenSentence(letter)] + deviationSentences(explanation)
    }
  }

  private func purposeSentences(_ checks: [CheckOutcome]) -> [String] {
    let failed = checks.filter { $0.result == .failed }
    if !failed.isEmpty {
      let says = failed.map { check in
        "\(check.says.map { "\u{201C}\($0)\u{201D}" } ?? "") (purpose check '\(check.id ?? "?")': `\(check.expression)` was false)"
      }
      return ["But its purpose was not served: " + says.joined(separator: "; ") + "."]
    }
    if let broken = checks.first(where: { if case .error = $0.result { true } else { false } }),
      case .error(let message) = broken.result
    {
      return ["The purpose check '\(broken.id ?? "?")' could not be evaluated: \(message)."]
    }
    if checks.isEmpty { return [] }
    return ["Every purpose check held (" + checks.map { "'\($0.id ?? "?")'" }.joined(separator: ", ") + ")."]
  }

  private func deviationSentences(_ explanation: Explanation) -> [String] {
    guard let deviation = explanation.deviation else {
      if explanation.deviationsNotApplying.isEmpty {
        return ["The standard allows no deviation, so the letter was missed."]
      }
      let tried = explanation.deviationsNotApplying.map { attempt in
        "'\(attempt.id)' needs `\(attempt.when)`, which " + Self.whyNot(attempt.result)
      }
      return ["No deviation applied: " + tried.joined(separator: "; ") + "."]
    }
    var out = ["The deviation '\(deviation.id)' applies because `\(deviation.when)` held\(whenValues(deviation.when))."]
    if !deviation.missingEvidence.isEmpty {
      out.append(
        "But its evidence is missing: " + deviation.missingEvidence.map { "'\($0)'" }.joined(separator: ", ") + ".")
    } else if !deviation.evidence.isEmpty {
      out.append(
        "Its evidence is present: "
          + deviation.evidence.map { "\($0.name) \(Self.text($0.value))" }.joined(separator: ", ") + ".")
    }
    if let limit = deviation.limit {
      switch limit.result {
      case .held: out.append("It stayed within its limit, `\(limit.expression)`\(Self.fieldList(limit.fields)).")
      case .failed: out.append("But it went past its limit, `\(limit.expression)`\(Self.fieldList(limit.fields)).")
      case .error(let message): out.append("But its limit `\(limit.expression)` could not be evaluated: \(message).")
      }
    }
    if let approval = deviation.approval { out.append(Self.approvalSentence(approval)) }
    if finding.verdict == .justified || finding.verdict == .pending {
      out.append("It serves: \(deviation.serves)")
    }
    return out
  }

  private func whenValues(_ when: String) -> String {
    guard let field else { return "" }
    let names = Self.fieldNames(in: when)
    let values = names.compactMap { name in field(name).map { "\(name) is \(Self.text($0))" } }
    return values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")"
  }

  // MARK: - Signals and patterns

  private func signalSentences(_ explanation: Explanation) -> [String] {
    let responses = explanation.related.filter { $0.role == .response }
    let busy = explanation.related.filter { $0.role == .busy }
    switch finding.verdict {
    case .answered:
      let who = responses.map { response in
        var text = "\(response.employee) (\(response.type) '\(response.id)' at \(response.time))"
        if let event = related?(response.id), case .string(let note)? = event.record.field("note"), !note.isEmpty {
          text += ": \u{201C}\(note)\u{201D}"
        }
        return text
      }
      return ["The need was answered by " + (who.isEmpty ? "a response" : who.joined(separator: ", ")) + "."]
    case .robotic:
      let work = busy.map { "\($0.type) '\($0.id)' at \($0.time)" }
      return [
        "Nobody answered the need in time, while \(finding.employee), who logged it, went on with assigned work: "
          + work.joined(separator: ", ") + "."
      ]
    case .unanswered:
      return ["Nobody answered the need in time."]
    default:
      return [finding.because]
    }
  }

  private func patternSentences(_ explanation: Explanation) -> [String] {
    let counted = explanation.related.filter { $0.role == .counted }
    let joined = explanation.related.filter { $0.role == .joined }
    var out = [
      "\(counted.count) matching event\(counted.count == 1 ? "" : "s") came within the window: "
        + counted.map { "'\($0.id)' at \($0.time)" }.joined(separator: ", ") + "."
    ]
    if !joined.isEmpty {
      out.append(
        "Later matches joined the finding: " + joined.map { "'\($0.id)' at \($0.time)" }.joined(separator: ", ") + ".")
    }
    return out
  }

  // MARK: - Phrases

  /// `The break took 65 minutes, 20 more than the 45 the standard allows.` for a letter that
  /// compares one field with a number; otherwise the expression and the values it read.
  static func brokenSentence(_ letter: CheckOutcome) -> String {
    comparisonSentence(letter) ?? "The letter `\(letter.expression)` did not hold\(fieldList(letter.fields))."
  }

  /// The broken letter in words when it compares one field with a number; nil otherwise.
  static func comparisonSentence(_ letter: CheckOutcome) -> String? {
    if let comparison = Comparison(letter) {
      let unit = comparison.unit.map { " \($0)" } ?? ""
      let gap = Self.number(abs(comparison.value - comparison.bound))
      let bound = Self.number(comparison.bound)
      let value = Self.number(comparison.value)
      switch comparison.op {
      case "<=", "<":
        return "\(comparison.subject) \(value)\(unit)\(comparison.inMinutes), \(gap) more than the \(bound) "
          + "the standard allows."
      case ">=", ">":
        return "\(comparison.subject) \(value)\(unit), \(gap) short of the \(bound) the standard asks for."
      default:
        break
      }
    }
    return nil
  }

  /// The letter held, with the values it read.
  static func heldSentence(_ letter: CheckOutcome) -> String {
    "The letter held: `\(letter.expression)`\(fieldList(letter.fields))."
  }

  static func approvalSentence(_ approval: ApprovalOutcome) -> String {
    let who = approval.approver ?? "a supervisor"
    let when = approval.time.map { " at \($0)" } ?? ""
    let note = approval.note.map { ": \u{201C}\($0)\u{201D}" } ?? ""
    switch approval.decision {
    case .awaiting: return "It asks for a supervisor's approval, which has not come yet."
    case .approved: return "\(who) approved it\(when)\(note)."
    case .declined: return "But \(who) declined it\(when)\(note)."
    }
  }

  /// `was false`, or for an error the reason in words: a missing field is the usual one.
  static func whyNot(_ result: CheckOutcome.Result) -> String {
    if case .error(let message) = result, message.hasPrefix("no such key: ") {
      return "did not hold (the event has no \(message.dropFirst("no such key: ".count)))"
    }
    return "was " + resultWord(result)
  }

  static func resultWord(_ result: CheckOutcome.Result) -> String {
    switch result {
    case .held: "true"
    case .failed: "false"
    case .error(let message): "an error (\(message))"
    }
  }

  /// ` (break_minutes 65, reason 'x')`, or nothing when no field was read.
  static func fieldList(_ fields: [FieldValue]) -> String {
    fields.isEmpty ? "" : " (" + fields.map { "\($0.name) \(text($0.value))" }.joined(separator: ", ") + ")"
  }

  /// A value as a reader would quote it, or `absent`.
  static func text(_ value: Value?) -> String {
    guard let value else { return "absent" }
    return ValueFormat.display(value)
  }

  static func number(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
  }

  /// The `event.<name>` fields an expression reads, in order of first mention.
  static func fieldNames(in expression: String) -> [String] {
    var names: [String] = []
    var rest = Substring(expression)
    while let range = rest.firstRange(of: "event.") {
      let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
      rest = rest[range.upperBound...]
    }
    return names
  }
}

/// A letter of the form `event.<field> <op> <number>`, read so it can be told in words.
private struct Comparison {
  var subject: String
  var unit: String?
  var op: String
  var value: Double
  var bound: Double

  /// ` (27 minutes)` after a long span given in seconds.
  var inMinutes: String {
    unit == "seconds" && value >= 120 ? " (\(FindingNarrative.number((value / 60).rounded())) minutes)" : ""
  }

  init?(_ letter: CheckOutcome) {
    let parts = letter.expression.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard parts.count == 3, parts[0].hasPrefix("event."), ["<=", "<", ">=", ">"].contains(parts[1]),
      let bound = Double(parts[2])
    else { return nil }
    let name = String(parts[0].dropFirst("event.".count))
    guard let field = letter.fields.first(where: { $0.name == name }), let value = field.value,
      let number = ValueFormat.number(value)
    else { return nil }
    var words = name.split(separator: "_").map(String.init)
    if let last = words.last, ["seconds", "minutes", "hours", "days"].contains(last), words.count > 1 {
      unit = words.removeLast()
      subject = "The \(words.joined(separator: " ")) took"
    } else {
      unit = nil
      subject = "The \(words.joined(separator: " ")) was"
    }
    self.op = parts[1]
    self.value = number
    self.bound = bound
  }
}
