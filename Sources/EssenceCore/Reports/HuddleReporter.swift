import CEL

/// Markdown for the daily huddle (SPEC §5): praise first, in public; coaching only on request.
///
/// Recognition stories come first: each justified deviation and answered signal, who did it,
/// in their own words (`note`), what it served and the team's purpose. Then the standards
/// worth revisiting: one the team keeps setting aside for good reasons may need rewriting.
/// Coaching items (robotic, missed, unjustified, unanswered, pending) are listed only with
/// `coaching`, since praise is public and coaching is private.
public struct HuddleReporter: Reporter {
  public static let identifier = "huddle"
  public static let description = "Markdown for the daily meeting: recognition, then standards to revisit"

  /// A standard whose events needed a justified deviation at least this often (and at least
  /// ``revisitMinimum`` times) is named as worth revisiting.
  public static let revisitRate = 0.3
  /// A single justified deviation says nothing about the letter yet.
  public static let revisitMinimum = 2

  /// List coaching items too (`--coaching`).
  public var coaching: Bool

  /// Creates the reporter.
  public init(coaching: Bool = false) {
    self.coaching = coaching
  }

  public func generateReport(_ evaluation: Evaluation) -> String {
    let findings = Array(evaluation.findings)
    var out = "# Huddle\n\n"
    let days = Set(findings.map { String($0.time.prefix(10)) }).sorted()
    if let first = days.first, let last = days.last {
      out += "Shift of \(first == last ? first : "\(first) to \(last)"). "
    }
    out += "Standards set `\(evaluation.standards.sha256)`.\n\n"
    out += recognition(findings, evaluation: evaluation)
    out += revisiting(evaluation)
    out += coachingSection(findings, evaluation: evaluation)
    return out
  }

  // MARK: - Recognition

  private func recognition(_ findings: [Finding], evaluation: Evaluation) -> String {
    var out = "## Recognition\n\n"
    let stories = findings.filter { FindingGroup.celebrate.contains($0.verdict) }
    if stories.isEmpty { return out + "No deviations or answered needs to celebrate this time.\n\n" }
    var teams: [String] = []
    for finding in stories {
      let team = evaluation.rule(finding.rule)?.team ?? ""
      if !teams.contains(team) { teams.append(team) }
    }
    for team in teams {
      let purpose = evaluation.rules.first { $0.team == team }?.purpose
      if teams.count > 1 || purpose != nil {
        out += "**\(Markdown.escape(team))**" + (purpose.map { ": *\(Markdown.escape($0))*" } ?? "") + "\n\n"
      }
      for finding in stories where (evaluation.rule(finding.rule)?.team ?? "") == team {
        let rule = evaluation.rule(finding.rule)
        out += finding.verdict == .answered ? answeredStory(finding, rule: rule) : justifiedStory(finding, rule: rule)
      }
      out += "\n"
    }
    return out
  }

  private func justifiedStory(_ finding: Finding, rule: RuleInfo?) -> String {
    let deviation = finding.explanation.deviation
    var out =
      "- **\(Markdown.escape(finding.employee))**, \(Self.clock(finding.time)), "
      + "*\(Markdown.escape(rule?.title ?? finding.rule))*: "
    // Only a letter told in words (`The break took 78 minutes, ...`); a relation's wording
    // is for the explain trace, not the meeting.
    if let letter = finding.explanation.letter, let sentence = FindingNarrative.comparisonSentence(letter) {
      out += Markdown.prose(sentence) + " "
    }
    if let note = finding.note, !note.isEmpty {
      out += "In \(Markdown.escape(finding.employee))'s words: \u{201C}\(Markdown.escape(note))\u{201D}. "
    }
    if let approval = deviation?.approval, approval.decision == .approved {
      out += Markdown.escape(FindingNarrative.approvalSentence(approval)) + " "
    }
    if let serves = deviation?.serves { out += "It served: \(Markdown.escape(serves))" }
    return out.trimmingTrailingSpace + "\n"
  }

  private func answeredStory(_ finding: Finding, rule: RuleInfo?) -> String {
    let responses = finding.explanation.related.filter { $0.role == .response }
    let who = responses.map(\.employee)
    var responders: [String] = []
    for name in who where !responders.contains(name) { responders.append(name) }
    var out =
      "- **\(Markdown.escape(responders.isEmpty ? finding.employee : responders.joined(separator: ", ")))** "
      + "answered *\(Markdown.escape(rule?.title ?? finding.rule))*"
    out +=
      responders == [finding.employee]
      ? " (noticed it at \(Self.clock(finding.time))"
      : " (noticed by \(Markdown.escape(finding.employee)) at \(Self.clock(finding.time))"
    if let first = responses.first, let start = LoggedTime(finding.time), let end = LoggedTime(first.time) {
      out += ", answered within \(Self.minutes(end.instant - start.instant))"
    }
    out += ")."
    for response in responses {
      guard let note = response.note, !note.isEmpty else { continue }
      out += " In \(Markdown.escape(response.employee))'s words: \u{201C}\(Markdown.escape(note))\u{201D}."
    }
    if let note = finding.note, !note.isEmpty {
      out += " The need, as logged: \u{201C}\(Markdown.escape(note))\u{201D}."
    }
    if let rationale = rule?.rationale { out += " Why it matters: \(Markdown.escape(rationale))" }
    return out + "\n"
  }

  // MARK: - Standards worth revisiting

  private func revisiting(_ evaluation: Evaluation) -> String {
    var rows: [(rule: String, counts: VerdictCounts, rate: Double)] = []
    for entry in evaluation.summary.byRule where evaluation.rule(entry.rule)?.kind == .standard {
      let total = entry.counts.total
      let deviated = entry.counts[.justified] + entry.counts[.pending] + entry.counts[.unjustified]
      guard total > 0, deviated > 0 || entry.counts[.error] > 0 else { continue }
      rows.append((entry.rule, entry.counts, Double(entry.counts[.justified]) / Double(total)))
    }
    var out = "## Standards worth revisiting\n\n"
    if rows.isEmpty { return out + "No standard was deviated from this time.\n\n" }
    rows.sort { $0.rate != $1.rate ? $0.rate > $1.rate : $0.rule < $1.rule }
    let flagged = rows.filter { $0.rate >= Self.revisitRate && $0.counts[.justified] >= Self.revisitMinimum }
    for row in flagged {
      out +=
        "- \(Markdown.code(row.rule)) (\(Markdown.escape(evaluation.rule(row.rule)?.title ?? ""))): "
        + "deviated from with justification in \(row.counts[.justified]) of \(row.counts.total) judged events "
        + "(\(Self.percent(row.rate))). A letter set aside this often for good reasons may no longer describe "
        + "the work; consider rewriting it.\n"
    }
    if flagged.isEmpty {
      out +=
        "No standard was set aside often enough to need rewriting (\(Self.revisitMinimum) or more justified "
        + "deviations in at least \(Self.percent(Self.revisitRate)) of its events).\n\n"
    }
    for row in rows where row.counts[.error] > 0 {
      out +=
        "- \(Markdown.code(row.rule)) could not be evaluated on \(row.counts[.error]) of \(row.counts.total) "
        + "events: fix the standard or the log.\n"
    }
    if !flagged.isEmpty || rows.contains(where: { $0.counts[.error] > 0 }) { out += "\n" }
    out += Markdown.table(
      ["standard", "judged", "justified", "pending", "unjustified", "justified rate"],
      rows.map { row in
        [
          Markdown.code(row.rule), String(row.counts.total), String(row.counts[.justified]),
          String(row.counts[.pending]), String(row.counts[.unjustified]), Self.percent(row.rate),
        ]
      },
      numeric: [1, 2, 3, 4, 5])
    return out + "\n"
  }

  // MARK: - Coaching

  private static let coachingVerdicts: [Verdict] = [.robotic, .missed, .unjustified, .unanswered, .pending]

  private func coachingSection(_ findings: [Finding], evaluation: Evaluation) -> String {
    let items = findings.filter { Self.coachingVerdicts.contains($0.verdict) }
    guard coaching else {
      if items.isEmpty { return "" }
      return "*\(items.count) coaching item\(items.count == 1 ? " is" : "s are") not listed here: praise is public, "
        + "coaching is private (run with `--coaching` for the private copy).*\n"
    }
    var out = "## Coaching (private)\n\n"
    if items.isEmpty { return out + "Nothing to coach this time.\n" }
    // Grouped once: scanning every item for each employee took a minute on a million events.
    let byEmployee = Dictionary(grouping: items, by: \.employee)
    for employee in byEmployee.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      out += "### \(Markdown.escape(employee))\n\n"
      for finding in byEmployee[employee] ?? [] {
        let rule = evaluation.rule(finding.rule)
        out +=
          "- **\(finding.verdict.rawValue)**, \(Self.clock(finding.time)), "
          + "*\(Markdown.escape(rule?.title ?? finding.rule))* (\(Markdown.code(finding.event))): "
          + Markdown.prose(FindingNarrative(finding: finding, rule: rule).paragraph)
        if let rationale = rule?.rationale { out += " Why it matters: \(Markdown.escape(rationale))" }
        out += "\n"
      }
      out += "\n"
    }
    return out
  }

  // MARK: - Words

  /// `12:10` from an RFC 3339 time as written (the team's own clock).
  static func clock(_ time: String) -> String {
    let chars = Array(time)
    return chars.count >= 16 ? String(chars[11..<16]) : time
  }

  static func minutes(_ seconds: Int64) -> String {
    if seconds < 60 { return "\(seconds) seconds" }
    let m = seconds / 60
    return m == 1 ? "1 minute" : "\(m) minutes"
  }

  static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }
}

extension String {
  fileprivate var trimmingTrailingSpace: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
