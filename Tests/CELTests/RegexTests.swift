import Testing

@testable import CEL

/// A pattern of literal alternatives is matched by finding a literal, not by RE2's search:
/// the answers must be RE2's, for every subject. The same pattern in a group (`(?:...)`), which
/// is not literal alternatives, is matched by RE2 and means the same.
@Suite struct RegexTests {
  static let patterns = [
    "(?i)this is|speaking", "refund|chargeback", "(?i)Ab", "a-b c,d", "x",
    // Not literal alternatives: RE2 alone.
    "(?i)", "a|", "|a", "(?i)th.s", "^this", "speaking$", "(?s)x", "(?i)é",
  ]
  static let subjects = [
    "", "Thank you for calling, this is agent-0076.", "THIS IS IT", "thisis", "this  is",
    "Harbor Support, agent-0063 Speaking.", "speakin", "ſpeaking", "SPEAKING", "\u{212A}",
    "a full refund", "Chargeback", "ab", "aB", "xAb", "a-b c,d", "a-b  c,d", "é", "É", "x",
    "refunds ſ", "Thank you for calling, thiſ is",
  ]

  @Test(arguments: patterns) func literalAlternativesAnswerAsRE2Does(pattern: String) throws {
    let regex = try Regex.compile(pattern).get()
    let byRE2 = try Regex.compile("(?:\(pattern))").get()
    for subject in Self.subjects {
      #expect(regex.matches(subject) == byRE2.matches(subject), "\(pattern) on \(subject)")
    }
  }

  /// RE2 folds `ſ` to `s` and the Kelvin sign to `k` under `(?i)`: a subject that is not all
  /// ASCII is left to it.
  @Test func caselessLiteralsLeaveOtherThanASCIIToRE2() throws {
    let regex = try Regex.compile("(?i)speaking|kelvin").get()
    #expect(regex.matches("ſpeaking"))
    #expect(regex.matches("\u{212A}elvin"))
    #expect(!regex.matches("spea king"))
  }
}
