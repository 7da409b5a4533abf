import Testing

@testable import essence

/// `expr --event` reads JSON as Foundation's `JSONSerialization` read it, leniencies and
/// number types alike (the values here are what it gave).
@Suite struct JSONValueTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let value: JSONValue?
    var testDescription: String { text.count > 40 ? "\(text.prefix(40))... (\(text.count) bytes)" : text }
  }

  static let numbers = [
    Case(text: "1", value: .int(1)),
    Case(text: "-0", value: .int(0)),
    Case(text: "1.0", value: .double(1)),
    Case(text: "1e2", value: .double(100)),
    Case(text: "1.5E+3", value: .double(1500)),
    Case(text: "9223372036854775807", value: .int(.max)),
    Case(text: "9223372036854775808", value: .double(9_223_372_036_854_775_808)),
    Case(text: "18446744073709551616", value: .double(18_446_744_073_709_551_616)),
    Case(text: "-999999999999999999", value: .int(-999_999_999_999_999_999)),
    // A minus and 19 digits is 20 characters: a double, though it would fit.
    Case(text: "-1000000000000000000", value: .double(-1e18)),
    Case(text: "1E-400", value: .double(0)),
    // Through Decimal: not the nearest double, 0.9168858326121546.
    Case(text: "0.9168858326121546", value: .double(0.9168858326121547)),
    Case(text: "1e400", value: nil),
  ]

  @Test(arguments: numbers) func typesNumbersAsFoundationDid(_ number: Case) {
    #expect((try? JSONValue(parsing: number.text)) == number.value)
  }

  static let texts = [
    Case(
      text: "\u{FEFF} {\"a\": [1, {\"b\": null},], \"c\": true,}\n",
      value: .object(["a": .array([.int(1), .object(["b": .null])]), "c": .bool(true)])),
    Case(text: "{\"a\": 1, \"a\": 2}", value: .object(["a": .int(2)])),
    Case(text: "\"\\ud83d\\ude00 \\u00e9\\/\\t\\\"\"", value: .string("😀 é/\t\"")),
    Case(text: String(repeating: "[", count: 513) + String(repeating: "]", count: 513), value: nil),
    Case(text: "", value: nil),
    Case(text: "{", value: nil),
    Case(text: "[01]", value: nil),
    Case(text: "[-.5]", value: nil),
    Case(text: "[1.]", value: nil),
    Case(text: "[1 .5]", value: nil),
    Case(text: "[,]", value: nil),
    Case(text: "{\"a\":1}x", value: nil),
    Case(text: "\"\\ud800\"", value: nil),
    Case(text: "\"\\udc00\"", value: nil),
    Case(text: "\"tab\tin\"", value: nil),
    Case(text: "[tru]", value: nil),
    Case(text: "{'a':1}", value: nil),
  ]

  @Test(arguments: texts) func readsWhatFoundationRead(_ text: Case) throws {
    #expect((try? JSONValue(parsing: text.text)) == text.value)
  }

  /// 512 arrays deep is read; one more is not.
  @Test func nestsAtMost512Deep() throws {
    var value = JSONValue.array([])
    for _ in 1..<512 { value = .array([value]) }
    #expect(try JSONValue(parsing: String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == value)
  }
}
