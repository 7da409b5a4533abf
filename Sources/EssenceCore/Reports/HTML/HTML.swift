/// Escaping and small pieces of markup for the HTML report.
///
/// Everything from a log or a standards file goes through ``escape(_:)``: an employee's note
/// may hold `<script>`, and the report must show it, not run it.
enum HTML {
  /// Text safe inside an element or a quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// Prose whose `code spans` become `<code>`.
  static func prose(_ text: String) -> String {
    ProseSpans.split(text).map { $0.isCode ? "<code>\(escape($0.text))</code>" : escape($0.text) }.joined()
  }

  /// A verdict as a coloured badge.
  static func badge(_ verdict: Verdict) -> String {
    "<span class=\"badge v-\(verdict.rawValue)\">\(verdict.rawValue)</span>"
  }

  /// A horizontal bar of verdict segments, widths proportional to the counts.
  static func bar(_ counts: VerdictCounts, label: String) -> String {
    let parts = counts.nonZero.map { entry in
      "<span class=\"seg v-\(entry.verdict.rawValue)\" style=\"flex-grow:\(entry.count)\" "
        + "title=\"\(escape(label)): \(entry.count) \(entry.verdict.rawValue)\">\(entry.count)</span>"
    }
    if parts.isEmpty { return "<div class=\"bar empty\" title=\"\(escape(label)): not judged\"></div>" }
    return "<div class=\"bar\">" + parts.joined() + "</div>"
  }
}
