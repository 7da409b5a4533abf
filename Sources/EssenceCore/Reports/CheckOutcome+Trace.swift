import CEL

extension CheckOutcome {
  /// The evaluation as a chain a reader can follow: `event.break_minutes = 65 → 65 <= 45 → false`.
  ///
  /// Field reads are shown with their values; every larger sub-expression is shown with the
  /// values of the parts already computed written in place, then its own value. Literals add
  /// nothing and are left out. Without trace steps, the fields read and the result. Longer
  /// chains separate their steps with `; ` so each step's `→` reads on its own.
  public var traceChain: String {
    var links: [String] = []
    var known: [(text: String, value: String)] = []
    for step in trace {
      let value = ValueFormat.cel(step.value)
      let text = step.expression
      if Self.isLiteral(text, value: value) { continue }
      if Self.isFieldRead(text) {
        links.append("\(text) = \(value)")
      } else {
        links.append("\(Self.substitute(known, in: text)) → \(value)")
      }
      known.append((text, value))
    }
    if links.isEmpty {
      // No trace (reports other than explain): the fields read, then the expression with
      // their values in place.
      let read = fields.map { (text: "event.\($0.name)", value: $0.value.map(ValueFormat.cel) ?? "absent") }
      links = read.map { "\($0.text) = \($0.value)" }
      links.append("\(read.isEmpty ? expression : Self.substitute(read, in: expression)) → \(resultText)")
    }
    return links.count <= 2 ? links.joined(separator: " → ") : links.joined(separator: "; ")
  }

  /// `true`, `false` or `error: message`.
  public var resultText: String {
    switch result {
    case .held: "true"
    case .failed: "false"
    case .error(let message): "error: \(message)"
    }
  }

  private static func isLiteral(_ text: String, value: String) -> Bool { text == value }

  private static func isFieldRead(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count >= 2
      && parts.allSatisfy { part in
        !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      }
  }

  /// Writes the values of sub-expressions already computed in place of their text, longest
  /// first so a larger part wins over the parts inside it.
  private static func substitute(_ known: [(text: String, value: String)], in text: String) -> String {
    var out = text
    for part in known.sorted(by: { $0.text.count > $1.text.count }) where part.text != text {
      out = replaceWhole(part.text, with: part.value, in: out)
      out = unwrap(part.value, in: out)
    }
    return out
  }

  /// A parenthesised part is now one value: `35 <= 15`, not `35 <= (15)`; a call's
  /// parentheses (`startsWith('a')`) stay.
  private static func unwrap(_ value: String, in text: String) -> String {
    let wrapped = "(\(value))"
    var out = ""
    var rest = Substring(text)
    while let range = rest.firstRange(of: wrapped) {
      let before = rest[..<range.lowerBound]
      let isCall = (before.last ?? out.last).map(isNamePart) ?? false
      out += before
      out += isCall ? wrapped : value
      rest = rest[range.upperBound...]
    }
    return out + rest
  }

  /// Replaces `needle` where it is not part of a longer name (`event.a` inside `event.ab`).
  private static func replaceWhole(_ needle: String, with replacement: String, in text: String) -> String {
    guard !needle.isEmpty else { return text }
    var out = ""
    var rest = Substring(text)
    while let range = rest.firstRange(of: needle) {
      let before = rest[..<range.lowerBound]
      let after = rest[range.upperBound...]
      let joinsBefore = (before.last ?? out.last).map(isNamePart) ?? false
      let joinsAfter = after.first.map(isNamePart) ?? false
      out += before
      out +=
        (joinsBefore && isNamePart(needle.first ?? " ")) || (joinsAfter && isNamePart(needle.last ?? " "))
        ? needle : replacement
      rest = after
    }
    return out + rest
  }

  private static func isNamePart(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }
}
