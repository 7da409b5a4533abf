/// Markdown building blocks shared by the Markdown and huddle reports.
///
/// Text from logs and standards is escaped, so an employee's note with `|`, `*` or `<script>`
/// shows as written in any wiki instead of breaking a table or running as HTML.
enum Markdown {
  /// Text with Markdown and HTML punctuation escaped and line breaks folded to spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~": out += "\\\(c)"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r", "\r\n": out += " "
      default: out.append(c)
      }
    }
    return out
  }

  /// Inline code; backticks inside are folded, since a code span cannot escape them.
  static func code(_ text: String) -> String {
    "`" + text.replacing(scalar: "`", with: "'").replacing(scalar: "\n", with: " ") + "`"
  }

  /// Prose with `code spans`: the spans stay code, the rest is escaped.
  static func prose(_ text: String) -> String {
    ProseSpans.split(text).map { $0.isCode ? code($0.text) : escape($0.text) }.joined()
  }

  /// A pipe table; `numeric` columns are right-aligned. Cells must already be escaped.
  static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }
}
