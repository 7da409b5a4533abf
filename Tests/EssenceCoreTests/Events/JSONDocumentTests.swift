import CEL
import Testing

@testable import EssenceCore

/// `expr`'s event is read as a log line is: the same types for numbers, the same checks, and
/// any number of lines.
@Suite struct JSONDocumentTests {
  /// The values of the object's members, by name, as CEL prints them.
  private func values(_ text: String) throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: try JSONDocument.members(ofObject: text).map { ($0.name, "\($0.value)") })
  }

  @Test func members_keep_their_json_types_and_order() throws {
    let members = try JSONDocument.members(ofObject: #"{"b": 1, "a": 1.0, "c": [true, null, "x"], "d": {"z": 1, "y": 2}}"#)
    #expect(members.map(\.name) == ["b", "a", "c", "d"])
    #expect(members.map { "\($0.value)" } == ["1", "1.0", "[true, null, 'x']", "{'z': 1, 'y': 2}"])
  }

  /// Numbers are typed as a log line's are: a 64-bit integer, an unsigned one past `Int64.max`,
  /// else a double.
  @Test func numbers_are_typed_as_in_a_log() throws {
    let read = try values(#"{"i": -9223372036854775808, "u": 18446744073709551615, "big": 123456789012345678901234}"#)
    #expect(read == ["i": "-9223372036854775808", "u": "18446744073709551615u", "big": "1.2345678901234569e+23"])
  }

  @Test func an_object_may_span_lines() throws {
    #expect(try values("{\n  \"rings\": 5,\n  \"queue\": \"billing\"\n}") == ["rings": "5", "queue": "'billing'"])
  }

  @Test(arguments: [
    ("[1]", JSONDocument.Failure.notAnObject),
    (#"{"x": 1, "x": 2}"#, .duplicateKey("x")),
    (#"{"x": 1,}"#, .invalid(reason: "the JSON document has an improper structure: missing or superfluous commas, braces, missing keys, etc.")),
    ("", .invalid(reason: "empty: no JSON found")),
  ])
  func text_that_is_not_one_object_says_why(text: String, failure: JSONDocument.Failure) {
    #expect(throws: failure) { try JSONDocument.members(ofObject: text) }
  }
}
