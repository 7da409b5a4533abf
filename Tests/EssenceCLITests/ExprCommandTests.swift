import Testing
import _EssenceTestSupport

/// `essence expr` evaluates one expression against an event given as JSON, read as a log line.
@Suite struct ExprCommandTests {
  @Test func prints_the_value_against_the_event() throws {
    let result = try runEssence(["expr", "event.rings <= 3 && event.time < timestamp('2027-01-01T00:00:00Z')", "--event", #"{"rings": 2, "time": "2026-11-21T10:00:00Z"}"#])
    #expect(result.status == 0)
    #expect(result.stdout == "true\n")
  }

  @Test func an_event_that_is_not_one_json_object_is_a_usage_error() throws {
    let invalid = try runEssence(["expr", "event.x", "--event", #"{"x": 1,}"#])
    #expect(invalid.status == 64)
    #expect(invalid.stderr.hasPrefix("Error: --event is not valid JSON: the JSON document has an improper structure"))
    let twice = try runEssence(["expr", "event.x", "--event", #"{"x": 1, "x": 2}"#])
    #expect(twice.status == 64)
    #expect(twice.stderr.hasPrefix("Error: --event has the key 'x' twice\n"))
  }
}
