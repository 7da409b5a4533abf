/// The evaluation as one self-contained HTML page a leader would rather look at than read.
///
/// No network and no script: inline CSS and SVG only, so it can be mailed, archived or opened
/// from a locked-down laptop. It shows the reconciliation, verdicts per employee, a bar per
/// rule, a timeline per employee, and every finding's explanation one click away
/// (`<details>`). Everything from logs and standards is escaped.
public struct HTMLReporter: Reporter {
  public static let identifier = "html"
  public static let description = "one self-contained HTML page with charts and explanations"

  /// Findings beyond this many are counted but not drawn, so a million-event log still gives
  /// a page a browser can open; the CSV and JSON formats carry them all.
  public var findingLimit: Int

  /// Creates the reporter.
  public init(findingLimit: Int = 2000) {
    self.findingLimit = findingLimit
  }

  public func generateReport(_ evaluation: Evaluation) -> String {
    let shown = Array(evaluation.findings.prefix(findingLimit)).enumerated().map { ($0.element, "f-\($0.offset + 1)") }
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>Essence report</title>\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
    out += header(evaluation)
    out += reconciliation(evaluation.events, rejected: evaluation.rejected)
    out += totals(evaluation.summary.byVerdict)
    out += employees(evaluation)
    out += rules(evaluation)
    out += timeline(shown, of: evaluation.findings.count)
    out += findings(shown, evaluation: evaluation)
    out +=
      "<footer>Made by <code>essence evaluate</code> from the standards set <code class=\"sha\">"
      + "\(HTML.escape(evaluation.standards.sha256))</code>.</footer>\n"
    return out + "</main>\n</body>\n</html>\n"
  }

  // MARK: - Sections

  private func header(_ evaluation: Evaluation) -> String {
    // The teams whose rules judged something; all of them when nothing was judged.
    let active = Set(evaluation.summary.byRule.filter { $0.counts.total > 0 }.map(\.rule))
    var teams: [String] = []
    for rule in evaluation.rules where !teams.contains(rule.team) && (active.isEmpty || active.contains(rule.id)) {
      teams.append(rule.team)
    }
    var out = "<header>\n<h1>Essence report</h1>\n"
    for team in teams {
      if let purpose = evaluation.rules.first(where: { $0.team == team })?.purpose {
        out += "<p class=\"sub\"><b>\(HTML.escape(team))</b>: \(HTML.escape(purpose))</p>\n"
      }
    }
    if let employee = evaluation.employee {
      out += "<p class=\"sub\">Findings of <b>\(HTML.escape(employee))</b> only.</p>\n"
    }
    out +=
      "<p class=\"sub\">Standards set <code class=\"sha\">\(HTML.escape(evaluation.standards.sha256))</code> from "
      + evaluation.standards.files.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ") + "</p>\n"
    return out + "</header>\n"
  }

  private func reconciliation(_ e: Evaluation.EventCounts, rejected: [RejectedRecord]) -> String {
    func card(_ n: Int, _ label: String) -> String {
      "<div class=\"card\"><div class=\"n\">\(n)</div><div class=\"l\">\(label)</div></div>"
    }
    let judged = e.evaluated - e.unjudged
    var out = "<section>\n<h2>Events</h2>\n<div class=\"cards\">"
    out += card(e.read, "read") + "<span class=\"op\">=</span>" + card(e.evaluated, "evaluated")
    out += "<span class=\"op\">+</span>" + card(e.rejected, "rejected") + "<span class=\"gap\"></span>"
    out += card(judged, "judged") + "<span class=\"op\">+</span>" + card(e.unjudged, "unjudged") + "</div>\n"
    let holds = e.read == e.evaluated + e.rejected && e.unjudged <= e.evaluated
    out +=
      holds
      ? "<p class=\"recon\">Every record is accounted for: \(e.read) read = \(e.evaluated) evaluated + \(e.rejected) "
        + "rejected, and \(e.evaluated) evaluated = \(judged) judged + \(e.unjudged) unjudged.</p>\n"
      : "<p class=\"recon bad\">The counts do not reconcile: \(e.read) read, \(e.evaluated) evaluated, "
        + "\(e.rejected) rejected.</p>\n"
    if !rejected.isEmpty {
      out += "<ul class=\"rejected\">"
      for record in rejected {
        out += "<li><code>\(HTML.escape("\(record.path):\(record.line)"))</code> \(HTML.escape(record.reason))</li>"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  private func totals(_ counts: VerdictCounts) -> String {
    var out = "<section>\n<h2>Verdicts</h2>\n<div class=\"cards headline\">"
    for group in FindingGroup.allCases where group != .met {
      let n = Verdict.allCases.filter(group.contains).reduce(0) { $0 + counts[$1] }
      out +=
        "<a class=\"card \(group.rawValue)\" href=\"#\(group.rawValue)\"><div class=\"n\">\(n)</div>"
        + "<div class=\"l\">\(group.title.lowercased())</div></a>"
    }
    out += "</div>\n<div class=\"chips\">"
    for entry in counts.nonZero {
      out += "<span class=\"chip\">\(HTML.badge(entry.verdict))<b>\(entry.count)</b></span>"
    }
    if counts.total == 0 { out += "<span class=\"sub\">No rule judged any event.</span>" }
    return out + "</div>\n</section>\n"
  }

  private func employees(_ evaluation: Evaluation) -> String {
    guard !evaluation.summary.byEmployee.isEmpty else { return "" }
    var out = "<section>\n<h2>Verdicts per employee</h2>\n<table class=\"bars\"><thead><tr><th>employee</th>"
    out += "<th>total</th><th>verdicts</th></tr></thead><tbody>\n"
    for entry in evaluation.summary.byEmployee {
      out +=
        "<tr><td class=\"name\"><b>\(HTML.escape(entry.employee))</b></td><td class=\"total\">"
        + "\(entry.counts.total)</td><td class=\"barcell\">\(HTML.bar(entry.counts, label: entry.employee))</td></tr>\n"
    }
    return out + "</tbody></table>\n</section>\n"
  }

  private func rules(_ evaluation: Evaluation) -> String {
    guard !evaluation.summary.byRule.isEmpty else { return "" }
    var out = "<section>\n<h2>Verdicts per standard</h2>\n<table class=\"bars\"><thead><tr><th>rule</th>"
    out += "<th>total</th><th>verdicts</th></tr></thead><tbody>\n"
    for entry in evaluation.summary.byRule where entry.counts.total > 0 {
      let rule = evaluation.rule(entry.rule)
      out += "<tr><td class=\"name\"><span class=\"rule-title\">\(HTML.escape(rule?.title ?? entry.rule))</span>"
      out += "<span class=\"rule-id\">\(HTML.escape(entry.rule)) · \(rule?.kind.rawValue ?? "")</span></td>"
      out += "<td class=\"total\">\(entry.counts.total)</td>"
      out += "<td class=\"barcell\">\(HTML.bar(entry.counts, label: entry.rule))</td></tr>\n"
    }
    out += "</tbody></table>\n"
    let idle = evaluation.summary.byRule.filter { $0.counts.total == 0 }.map(\.rule)
    if !idle.isEmpty {
      out +=
        "<p class=\"sub idle\">Judged no event: "
        + idle.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: " ")
        + "</p>\n"
    }
    return out + "</section>\n"
  }

  private func timeline(_ shown: [(Finding, String)], of total: Int) -> String {
    guard let svg = HTMLTimeline(findings: shown.map { (finding: $0.0, anchor: $0.1) }).svg() else { return "" }
    var out = "<section>\n<h2>Timeline</h2>\n<div class=\"legend\">"
    let shapes: [(String, String)] = [
      ("<circle cx=\"8\" cy=\"8\" r=\"5\" fill=\"#5f6b7a\"/>", "standard"),
      ("<path d=\"M8 1L15 8L8 15L1 8Z\" fill=\"#5f6b7a\"/>", "a deviation applied"),
      ("<path d=\"M8 1L15 14L1 14Z\" fill=\"#5f6b7a\"/>", "signal"),
      ("<rect x=\"3\" y=\"3\" width=\"10\" height=\"10\" fill=\"#5f6b7a\"/>", "pattern"),
    ]
    for (shape, label) in shapes {
      out +=
        "<span><svg width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">\(shape)</svg> \(label)</span>"
    }
    out += "<span>colour: verdict; select a mark for its explanation</span>"
    if shown.count < total { out += "<span>the first \(shown.count) of \(total) findings</span>" }
    out += "</div>\n"
    return out + "<div class=\"scroll\">\(svg)</div>\n</section>\n"
  }

  private func findings(_ shown: [(Finding, String)], evaluation: Evaluation) -> String {
    let oneDay = Set(shown.map { $0.0.time.prefix(10) }).count <= 1
    var out = "<section>\n<h2>Findings</h2>\n"
    if shown.isEmpty { out += "<p class=\"sub\">No findings to act on.</p>\n" }
    for group in FindingGroup.allCases {
      let members = shown.filter { group.contains($0.0.verdict) }
      guard !members.isEmpty else { continue }
      out += "<h3 id=\"\(group.rawValue)\">\(group.title) (\(members.count))</h3>\n"
      for (finding, anchor) in members {
        out += details(finding, anchor: anchor, rule: evaluation.rule(finding.rule), oneDay: oneDay)
      }
    }
    let hidden = evaluation.findings.count - shown.count
    if hidden > 0 {
      out += "<p class=\"sub\">\(hidden) more findings are not shown; the CSV and JSON formats list them all.</p>\n"
    }
    return out + "</section>\n"
  }

  /// `10:29` when every finding shown is on one day, else `11-21 10:29`; the time as
  /// written when it cannot be read.
  private static func clock(_ time: String, oneDay: Bool) -> String {
    let chars = Array(time)
    guard chars.count >= 16 else { return time }
    return oneDay ? String(chars[11..<16]) : String(chars[5..<10]) + " " + String(chars[11..<16])
  }

  private func details(_ finding: Finding, anchor: String, rule: RuleInfo?, oneDay: Bool) -> String {
    var out = "<details id=\"\(anchor)\"><summary>\(HTML.badge(finding.verdict))"
    out +=
      "<span class=\"when\" title=\"\(HTML.escape(finding.time))\">\(HTML.escape(Self.clock(finding.time, oneDay: oneDay)))</span>"
    out += "<span class=\"who\">\(HTML.escape(finding.employee))</span>"
    out += "<span>\(HTML.escape(rule?.title ?? finding.rule))</span></summary>\n<div class=\"body\">"
    out += "<p>\(HTML.prose(FindingNarrative(finding: finding, rule: rule).paragraph))</p>"
    out += "<dl class=\"trace\">"
    var rows: [TraceLine] = [
      TraceLine(label: "event", text: finding.event),
      TraceLine(label: "rule", text: "\(finding.rule) (\(finding.kind.rawValue), \(finding.severity.rawValue))"),
      TraceLine(label: "because", text: finding.because),
    ]
    rows += finding.explanation.traceLines
    for line in rows {
      // Words (what a deviation serves, what a failing check says) read better in the body font.
      let words = line.label == "serves" || line.text.hasPrefix("says: ")
      out += "<dt>\(HTML.escape(line.label))</dt><dd\(words ? " class=\"words\"" : "")>\(HTML.prose(line.text))</dd>"
    }
    out += "</dl>"
    if let rule {
      out += "<p class=\"why\"><b>Why the rule exists:</b> \(HTML.escape(rule.rationale))</p>"
      out += "<p class=\"why\"><b>The team's purpose:</b> \(HTML.escape(rule.purpose))</p>"
    }
    out +=
      "<p class=\"why\">Written at <code>\(HTML.escape("\(finding.source.path):\(finding.source.line)"))</code></p>"
    return out + "</div></details>\n"
  }
}
