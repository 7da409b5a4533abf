/// Turns libyaml's parser error into a diagnostic that says what to fix.
///
/// libyaml names what it expected ("did not find expected key"); the common causes in
/// hand-written files are a tab, an unclosed quote, a line indented one step too far, or a
/// `: ` inside an unquoted value, so those get their own wording.
struct YAMLSyntaxError {
  /// libyaml's problem, such as "mapping values are not allowed in this context".
  var problem: String
  /// Where libyaml noticed the problem.
  var problemAt: SourceLocation
  /// What libyaml was parsing, such as "while scanning a quoted scalar".
  var context: String?
  /// Where that construct started.
  var contextAt: SourceLocation
  /// The file's lines, to look at the text around the problem.
  var lines: [[Unicode.Scalar]]

  /// The diagnostic, at the place the author should look.
  var diagnostic: Diagnostic {
    let line = problemAt.line - 1 < lines.count ? lines[problemAt.line - 1] : []
    if problemAt.column - 1 < line.count, line[problemAt.column - 1] == "\t" {
      return Diagnostic(.yamlSyntax("found a tab character; YAML indents with spaces only"), at: problemAt)
    }
    if problem == "found unexpected end of stream", context == "while scanning a quoted scalar" {
      // The fix is at the opening quote, not at the end of the file where libyaml noticed.
      return Diagnostic(
        .yamlSyntax("unclosed quoted value; expected a closing quote"), at: contextAt,
        notes: [.init("the file ends here inside the quoted value", at: problemAt)])
    }
    if problem == "mapping values are not allowed in this context" {
      if let key = overIndentedKey(line) {
        var at = problemAt
        at.column = indentation(line) + 1
        return Diagnostic(
          .yamlSyntax("'\(key)' is indented more than the line above; keys of one mapping must line up"), at: at,
          notes: [.init("a more-indented line continues the value above it")])
      }
      return Diagnostic(
        .yamlSyntax("found ': ' inside a plain value; a value may not hold another 'key: value'"), at: problemAt,
        notes: [.init("quote the value if it is meant to contain ': '")])
    }
    var notes: [Diagnostic.Note] = []
    if let context, contextAt != problemAt {
      let construct = context.hasPrefix("while ") ? String(context.dropFirst(6)) : context
      notes.append(.init(construct + " started here", at: contextAt))
    }
    if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-'") {
      notes.append(.init("check this line's indentation: it must line up with the entries it belongs to"))
    }
    return Diagnostic(
      .yamlSyntax([problem, context].compactMap { $0 }.joined(separator: " ")), at: problemAt, notes: notes)
  }

  /// The key on the problem line when that line looks like `key: value` indented deeper than
  /// the line above it, the usual cause of "mapping values are not allowed".
  private func overIndentedKey(_ line: [Unicode.Scalar]) -> String? {
    let start = indentation(line)
    let colon = problemAt.column - 1
    guard colon > start, colon <= line.count, problemAt.line >= 2 else { return nil }
    let key = line[start..<colon]
    guard !key.contains(" "), !key.contains("\t") else { return nil }
    let above = lines[..<(problemAt.line - 1)].last { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
    guard let above, start > indentation(above) else { return nil }
    return String(String.UnicodeScalarView(key))
  }

  private func indentation(_ line: [Unicode.Scalar]) -> Int {
    line.prefix { $0 == " " }.count
  }
}
