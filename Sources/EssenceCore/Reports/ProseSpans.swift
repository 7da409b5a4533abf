/// Sentences of the narrative mark expressions as `code spans`; each format renders them its
/// own way (Markdown backticks, HTML `<code>`), so the split lives in one place.
enum ProseSpans {
  /// A run of text, and whether it was inside backticks.
  struct Span {
    var text: String
    var isCode: Bool
  }

  /// Splits at backticks; an unpaired backtick ends the text as code.
  static func split(_ text: String) -> [Span] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().compactMap { i, part in
      part.isEmpty ? nil : Span(text: String(part), isCode: i % 2 == 1)
    }
  }
}
