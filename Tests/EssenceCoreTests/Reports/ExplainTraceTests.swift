import CEL
import EssenceCore
import Testing

/// The trace chain of SPEC §5: `event.break_minutes = 65 → 65 <= 45 → false`.
@Suite struct ExplainTraceTests {
  let here = SourceLocation(path: "desk.yaml", line: 1, column: 1)

  @Test func writes_the_values_of_the_parts_in_place() {
    let check = CheckOutcome(
      expression: "event.break_minutes <= 45", result: .failed,
      trace: [
        TraceStep(expression: "event.break_minutes", value: .int(65)), TraceStep(expression: "45", value: .int(45)),
        TraceStep(expression: "event.break_minutes <= 45", value: .bool(false)),
      ], location: here)
    #expect(check.traceChain == "event.break_minutes = 65 → 65 <= 45 → false")
  }

  @Test func separates_longer_chains_into_steps_and_keeps_longer_names_whole() {
    let check = CheckOutcome(
      expression: "event.a + event.ab > 3", result: .failed,
      trace: [
        TraceStep(expression: "event.a", value: .int(1)), TraceStep(expression: "event.ab", value: .int(2)),
        TraceStep(expression: "event.a + event.ab", value: .int(3)),
        TraceStep(expression: "event.a + event.ab > 3", value: .bool(false)),
      ], location: here)
    #expect(check.traceChain == "event.a = 1; event.ab = 2; 1 + 2 → 3; 3 > 3 → false")
  }

  @Test func drops_the_parentheses_around_a_part_now_one_value() {
    let check = CheckOutcome(
      expression: "event.n <= (event.k == 'lunch' ? 45 : 15)", result: .failed,
      trace: [
        TraceStep(expression: "event.n", value: .int(35)), TraceStep(expression: "event.k", value: .string("rest")),
        TraceStep(expression: "event.k == 'lunch'", value: .bool(false)),
        TraceStep(expression: "event.k == 'lunch' ? 45 : 15", value: .int(15)),
        TraceStep(expression: "event.n <= (event.k == 'lunch' ? 45 : 15)", value: .bool(false)),
      ], location: here)
    #expect(
      check.traceChain
        == "event.n = 35; event.k = 'rest'; 'rest' == 'lunch' → false; false ? 45 : 15 → 15; 35 <= 15 → false")
  }

  @Test func without_a_trace_shows_the_fields_read_in_place() {
    let check = CheckOutcome(
      expression: "event.amount <= 50", result: .failed, fields: [FieldValue(name: "amount", value: .int(180))],
      location: here)
    #expect(check.traceChain == "event.amount = 180 → 180 <= 50 → false")
  }

  @Test func names_an_error() {
    let check = CheckOutcome(
      expression: "event.amount <= 50", result: .error("no such key: 'amount'"),
      fields: [FieldValue(name: "amount", value: nil)], location: here)
    #expect(check.traceChain == "event.amount = absent → absent <= 50 → error: no such key: 'amount'")
  }
}
