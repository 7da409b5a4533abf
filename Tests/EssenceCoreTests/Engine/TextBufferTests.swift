import Testing

@testable import EssenceCore

/// The buffer every finding's sentence is written into: integers as Swift writes them, text
/// of any length, and windows as standards files write them.
@Suite struct TextBufferTests {
  @Test(arguments: [0, 7, -7, 10, 99, 100, -100, 65_535, 1_000_000_007, Int.max, Int.min])
  func an_integer_is_written_as_swift_writes_it(_ value: Int) {
    var text = TextBuffer(capacity: 0)
    text.append(value)
    #expect(text.text == String(value))
  }

  @Test func text_of_every_length_is_appended_whole() {
    var text = TextBuffer(capacity: 0)
    var expected = ""
    for length in 0...70 {
      let piece = String(repeating: "é", count: length % 7) + String(repeating: "x", count: length)
      text.append(piece)
      text += "|"
      expected += piece + "|"
    }
    #expect(text.text == expected)
    #expect(text.count == expected.utf8.count)
  }

  @Test func bytes_can_be_dropped_from_a_position() {
    var text = TextBuffer(capacity: 4)
    text.append("keep and drop")
    text.removeBytes(from: 4)
    text += "!"
    #expect(text.text == "keep!")
    #expect(text.bytes == Array("keep!".utf8))
  }

  struct Window: Sendable, CustomTestStringConvertible {
    var nanos: Int64
    var text: String
    var testDescription: String { text }
  }

  static let windows: [Window] = [
    Window(nanos: 0, text: "0s"),
    Window(nanos: 3_600_000_000_000, text: "1h"),
    Window(nanos: 72 * 3_600_000_000_000, text: "72h"),
    Window(nanos: 600_000_000_000, text: "10m"),
    Window(nanos: 5_400_000_000_000, text: "1h30m"),
    Window(nanos: 1_500_000_000, text: "1.5s"),
    Window(nanos: 3_661_000_000_001, text: "1h1m1.000000001s"),
    Window(nanos: -600_000_000_000, text: "-10m"),
  ]

  @Test(arguments: windows) func a_window_is_written_as_standards_files_write_it(_ window: Window) {
    #expect(ValueText.durationText(nanos: window.nanos) == window.text)
  }
}
