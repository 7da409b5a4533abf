import CEL
import Testing

/// Evaluates an expression with no variables.
func constantValue(_ source: String) throws -> Value {
  let compilation = Environment(variables: []).compile(source, checked: false)
  let program = try #require(compilation.program, "\(compilation.diagnostics.map(\.message))")
  return program.evaluate(Activation(values: []))
}

let functionCases: [EvalCase] = [
  EvalCase(source: "'héllo'.size()", expected: "5"),
  EvalCase(source: "size(b'\\xff\\x00')", expected: "2"),
  EvalCase(source: "'Thank you for calling'.startsWith('Thank you')", expected: "true"),
  EvalCase(source: "'cafe\\u0301'.startsWith('cafe')", expected: "true"),
  EvalCase(source: "'report.pdf'.endsWith('.pdf')", expected: "true"),
  EvalCase(source: "'abc'.contains('bc')", expected: "true"),
  EvalCase(source: "'Hello, This is Ana'.matches('(?i)this is|speaking')", expected: "true"),
  EvalCase(source: "'MiXeD Ü'.lowerAscii()", expected: "'mixed Ü'"),
  EvalCase(source: "'MiXeD ü'.upperAscii()", expected: "'MIXED ü'"),
  EvalCase(source: "'  padded\\t'.trim()", expected: "'padded'"),
  EvalCase(source: "'a,b,,c'.split(',')", expected: "['a', 'b', '', 'c']"),
  EvalCase(source: "'a,b,c'.split(',', 2)", expected: "['a', 'b,c']"),
  EvalCase(source: "['a', 'b'].join(', ')", expected: "'a, b'"),
  EvalCase(source: "[1].join()", expected: "error: join applies to a list of strings, not one holding int"),
  EvalCase(source: "'tacocat'.charAt(3)", expected: "'o'"),
  EvalCase(source: "'tacocat'.indexOf('a', 2)", expected: "5"),
  EvalCase(source: "'tacocat'.lastIndexOf('cat')", expected: "4"),
  EvalCase(source: "'tacocat'.substring(4)", expected: "'cat'"),
  EvalCase(source: "'tacocat'.substring(4, 3)", expected: "error: invalid substring range: start 4 is after end 3"),
  EvalCase(source: "'a-b-c'.replace('-', '+', 1)", expected: "'a+b-c'"),
  EvalCase(source: "int('42') + int(2.9) + int(-2.9)", expected: "42"),
  EvalCase(source: "int('4x')", expected: "error: cannot convert '4x' to 'int'"),
  EvalCase(source: "uint(-1)", expected: "error: -1 is out of range for 'uint'"),
  EvalCase(source: "string(1.5) + string(2u) + string(true)", expected: "'1.52true'"),
  EvalCase(source: "string(1e6)", expected: "'1e+06'"),
  EvalCase(source: "double('2.5') * 2.0", expected: "5.0"),
  EvalCase(source: "double('-Infinity')", expected: "double('-Infinity')"),
  EvalCase(source: "double('1e400')", expected: "error: '1e400' is out of range for 'double'"),
  EvalCase(source: "'hello'.replace('', '_')", expected: "'_h_e_l_l_o_'"),
  EvalCase(source: "''.split('') == [] && 'ab'.split('') == ['a', 'b']", expected: "true"),
  EvalCase(source: "'hello'.lastIndexOf('') == 5 && 'hello'.indexOf('') == 0", expected: "true"),
  EvalCase(source: "bool('true') && !bool('0')", expected: "true"),
  EvalCase(source: "bytes('é')", expected: "b'\\xc3\\xa9'"),
  EvalCase(source: "duration('1h30m')", expected: "duration('5400s')"),
  EvalCase(source: "duration('1h') + duration('30m') == duration('90m')", expected: "true"),
  EvalCase(source: "duration('1h30m').getMinutes()", expected: "90"),
  EvalCase(
    source: "timestamp('2026-11-21T13:05:00Z') + duration('72h')", expected: "timestamp('2026-11-24T13:05:00Z')"),
  EvalCase(
    source: "timestamp('2026-11-21T13:05:00Z') - timestamp('2026-11-21T12:00:00Z')", expected: "duration('3900s')"),
  EvalCase(source: "timestamp('2026-11-21T13:05:00Z') < timestamp('2026-11-21T13:05:00.000000001Z')", expected: "true"),
  EvalCase(source: "timestamp('2026-11-21T13:05:00Z').getHours()", expected: "13"),
  EvalCase(source: "timestamp('2026-11-21T13:05:00Z').getHours('Asia/Kolkata')", expected: "18"),
  EvalCase(source: "timestamp('2026-11-21T13:05:00Z').getMinutes('+05:30')", expected: "35"),
  EvalCase(source: "timestamp('2026-07-01T03:00:00Z').getHours('America/New_York')", expected: "23"),
  EvalCase(source: "timestamp('2026-01-01T03:00:00Z').getHours('America/New_York')", expected: "22"),
  EvalCase(source: "timestamp('2026-11-21T13:05:00Z').getDayOfWeek()", expected: "6"),
  EvalCase(
    source: "timestamp('2026-11-21T13:05:00Z').getHours('Mars/Olympus')",
    expected: "error: unknown time zone 'Mars/Olympus'"),
  EvalCase(source: "timestamp('9999-12-31T23:59:59Z') + duration('1s')", expected: "error: timestamp out of range"),
  EvalCase(source: "timestamp(0)", expected: "timestamp('1970-01-01T00:00:00Z')"),
  EvalCase(source: "int(timestamp('1970-01-02T00:00:00Z'))", expected: "86400"),
  EvalCase(source: "type(duration('1s'))", expected: "google.protobuf.Duration"),
  EvalCase(source: "dyn(1) == 1", expected: "true"),
  EvalCase(source: "'%s waited %d rings (%.1f%%)'.format(['ana', 3, 12.25])", expected: "'ana waited 3 rings (12.2%)'"),
  EvalCase(
    source: "'%x'.format([1.5])",
    expected: "error: format: only integers, byte buffers, and strings can be formatted as hex, was given double"),
  EvalCase(
    source: "'%s %s'.format([1])", expected: "error: format: index 1 out of range: too few arguments for the pattern"),
  EvalCase(source: #"strings.quote('say "hi"\n')"#, expected: #"'"say \\"hi\\"\\n"'"#),
]

@Test(arguments: functionCases) func libraryFunctions(_ c: EvalCase) throws {
  #expect(render(try constantValue(c.source)) == c.expected)
}

@Test func badPatternsAreErrorValues() throws {
  let value = try constantValue("'x'.matches('(')")
  #expect(value.description.hasPrefix("error: invalid regular expression '('"))
}

@Test func matchesIsLinearOnHostilePatterns() throws {
  // `(a+)+$` backtracks exponentially in most engines; RE2 answers in linear time.
  let subject = String(repeating: "a", count: 50_000) + "!"
  let environment = Environment(variables: [("s", .string)])
  let literal = try #require(environment.compile("s.matches('(a+)+$')", checked: false).program)
  #expect(literal.evaluate(Activation(values: [.string(subject)])) == .bool(false))
  let dynamic = try #require(environment.compile("s.matches(s.substring(0, 0) + '(a+)+$')", checked: false).program)
  #expect(dynamic.evaluate(Activation(values: [.string(subject)])) == .bool(false))
}
