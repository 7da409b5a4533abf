import Testing

@testable import EssenceCore

/// Escapes replace every scalar they name, even inside one `Character`.
@Suite struct ReplacingScalarTests {
  @Test func replacesEachHalfOfACRLFPair() {
    #expect("a\r\nb".replacing(scalar: "\n", with: "%0A") == "a\r%0Ab")
    #expect("a\r\nb".replacing(scalar: "\r", with: "%0D") == "a%0D\nb")
  }

  /// A quote that a combining mark follows is still a quote in a CSV field.
  @Test func replacesAScalarThatACombiningMarkFollows() {
    #expect("a\"\u{301}b\"".replacing(scalar: "\"", with: "\"\"") == "a\"\"\u{301}b\"\"")
  }

  @Test func leavesOtherTextAsItIs() {
    #expect("".replacing(scalar: "%", with: "%25") == "")
    #expect("café, é".replacing(scalar: "e", with: "E") == "café, é")
    #expect("e\u{301}".replacing(scalar: "e", with: "E") == "E\u{301}")
  }
}
