import CEL
import Testing

/// An expression, the event it reads, and the CEL value (or error text) it must produce.
struct EvalCase: Sendable, CustomTestStringConvertible {
  let source: String
  let expected: String
  var testDescription: String { source }
}

/// The event layout the evaluator tests declare: `rings` and `queue` get slots.
let eventLayout = RecordLayout(fields: [("rings", .number), ("queue", .string), ("note", .string)])

/// An event with a declared field, an undeclared one, and a null one.
let sampleEvent = Record(
  layout: eventLayout,
  fields: [
    ("rings", .int(4)), ("queue", .string("billing")), ("break_minutes", .int(65)), ("note", .null),
    ("tags", .list([.string("vip"), .string("new")])),
  ])

let eventEnvironment = Environment(variables: [("event", .record(eventLayout))])

/// Compiles and evaluates `source` against `sampleEvent`; a compile error fails the test.
func evaluate(_ source: String, event: Record = sampleEvent) throws -> Value {
  let compilation = eventEnvironment.compile(source, checked: false)
  let program = try #require(compilation.program, "\(compilation.diagnostics.map(\.message))")
  return program.evaluate(Activation(values: [.record(event)]))
}

/// The value in CEL syntax, or `error: <message>`.
func render(_ value: Value) -> String { value.description }

let fieldCases: [EvalCase] = [
  EvalCase(source: "event.rings", expected: "4"),
  EvalCase(source: "event.break_minutes", expected: "65"),
  EvalCase(source: "event.note", expected: "null"),
  EvalCase(source: "event.missing", expected: "error: no such key: 'missing'"),
  EvalCase(source: "has(event.note)", expected: "true"),
  EvalCase(source: "has(event.missing)", expected: "false"),
  EvalCase(source: "has(event.rings)", expected: "true"),
  EvalCase(source: "event['queue']", expected: "'billing'"),
  EvalCase(source: "'tags' in event", expected: "true"),
  EvalCase(source: "event.tags.exists(t, t == 'vip')", expected: "true"),
  EvalCase(source: "event.tags.map(t, t.upperAscii())", expected: "['VIP', 'NEW']"),
  EvalCase(source: "event.tags.filter(t, t.size() == 3)", expected: "['vip', 'new']"),
  EvalCase(source: "event.rings <= 3 && event.queue in ['billing', 'tech']", expected: "false"),
  EvalCase(source: "3 < event.rings && event.queue in ['billing', 'tech']", expected: "true"),
  EvalCase(source: "event.queue == 'billing'", expected: "true"),
  EvalCase(source: "event.rings == 4.0", expected: "true"),
  EvalCase(source: "event.rings == '4'", expected: "false"),
  EvalCase(source: "event.missing > 2 || true", expected: "true"),
  EvalCase(source: "false && event.missing > 2", expected: "false"),
  EvalCase(source: "event.missing > 2 && true", expected: "error: no such key: 'missing'"),
  EvalCase(source: "event.queue.matches('^bill')", expected: "true"),
  EvalCase(source: "event.rings / 0", expected: "error: division by zero"),
  EvalCase(source: "event.rings == 1 / 0", expected: "error: division by zero"),
  EvalCase(source: "event.rings < 1 / 0", expected: "error: division by zero"),
  EvalCase(source: "event.queue in []", expected: "false"),
  EvalCase(source: "event.missing in ['a']", expected: "error: no such key: 'missing'"),
  EvalCase(source: "event.rings in [4u, 5]", expected: "true"),
  EvalCase(source: "event.rings > 3.5 && event.rings != 4.0", expected: "false"),
  EvalCase(source: "event.missing == null ? 1 : 2", expected: "error: no such key: 'missing'"),
  EvalCase(source: "event.note == null ? 'none' : event.note", expected: "'none'"),
  // A declared field against text is read where the event keeps it; each kind of value it may
  // hold, or its absence, comes out as the general operators say.
  EvalCase(source: "event.queue != 'billing'", expected: "false"),
  EvalCase(source: "event.queue == 'billin'", expected: "false"),
  EvalCase(source: "event.queue == 'billings'", expected: "false"),
  EvalCase(source: "'billing' == event.queue", expected: "true"),
  EvalCase(source: "event.queue == ''", expected: "false"),
  EvalCase(source: "event.rings != '4'", expected: "true"),
  EvalCase(source: "event.note == 'x'", expected: "false"),
  EvalCase(source: "event.note != 'x'", expected: "true"),
  EvalCase(source: "event.missing != 'a'", expected: "error: no such key: 'missing'"),
  EvalCase(source: "event.queue in ['tech', 'billing']", expected: "true"),
  EvalCase(source: "event.queue in ['tech', 'Billing']", expected: "false"),
  EvalCase(source: "event.rings in ['4']", expected: "false"),
  EvalCase(source: "event.note in ['x']", expected: "false"),
  EvalCase(source: "event.break_minutes == 'x'", expected: "false"),
]

@Test(arguments: fieldCases) func evaluatesAgainstAnEvent(_ c: EvalCase) throws {
  #expect(render(try evaluate(c.source)) == c.expected)
}

/// An event lent to the activation (its storage not counted) reads as the same event held in
/// `values[0]`, in the fast paths and the general ones, traced or not, and whatever
/// `values[0]` holds meanwhile.
@Test(arguments: fieldCases) func aLentEventReadsAsAHeldOne(_ c: EvalCase) throws {
  let program = try #require(eventEnvironment.compile(c.source, checked: false).program)
  var lent = Activation(values: [.record(Record(layout: eventLayout, fields: [("rings", .int(1))]))])
  lent.lend(sampleEvent.storage, row: sampleEvent.row)
  #expect(render(program.evaluate(lent)) == c.expected)
  var trace = Trace()
  #expect(render(program.evaluate(lent, trace: &trace)) == c.expected)
}

/// Text functions and comparisons on a declared field read its text in place: each agrees
/// with the same expression on an event of another layout, whose field is read as a value,
/// whatever the field holds (text, a number, null, nothing).
@Test(arguments: ["queue", "rings", "note", "missing"], ["'bill'", "''", "'billing'", "'4'"])
func fieldReadInPlaceAgreesWithTheValue(field: String, text: String) throws {
  let elsewhere = Record(layout: RecordLayout(fields: []), fields: sampleEvent.fields)
  let sources = [
    "event.\(field).startsWith(\(text))", "event.\(field).matches(\(text))", "event.\(field) == \(text)",
    "event.\(field) != \(text)", "event.\(field) in [\(text), 'tech']",
  ]
  for source in sources {
    #expect(render(try evaluate(source)) == render(try evaluate(source, event: elsewhere)), "\(source)")
  }
}

/// Text read in place compares by code points, as CEL compares strings (a composed `é` is not
/// `e` and a combining accent), and an event of another layout reads its field by name.
@Test func textFieldsCompareByCodePointsInAnyLayout() throws {
  let composed = Record(layout: eventLayout, fields: [("queue", .string("caf\u{E9}"))])
  #expect(render(try evaluate("event.queue == 'caf\u{E9}'", event: composed)) == "true")
  #expect(render(try evaluate("event.queue == 'cafe\u{301}'", event: composed)) == "false")
  #expect(render(try evaluate("event.queue in ['cafe\u{301}', 'caf\u{E9}']", event: composed)) == "true")
  let elsewhere = Record(layout: RecordLayout(fields: []), fields: [("queue", .string("tech"))])
  #expect(render(try evaluate("event.queue == 'tech'", event: elsewhere)) == "true")
  #expect(render(try evaluate("event.queue in ['billing']", event: elsewhere)) == "false")
}

let semanticsCases: [EvalCase] = [
  EvalCase(source: "1 == 1.0 && 1u == 1 && 1u < 2 && -1 < 1u", expected: "true"),
  EvalCase(source: "9223372036854775807 + 1", expected: "error: integer overflow"),
  EvalCase(source: "-9223372036854775808 / -1", expected: "error: integer overflow"),
  EvalCase(source: "0u - 1u", expected: "error: unsigned integer overflow"),
  EvalCase(source: "7 % 0", expected: "error: modulus by zero"),
  EvalCase(source: "1 + 1.0", expected: "error: no such overload: '+' applied to (int, double)"),
  EvalCase(source: "{'a': 1}.b", expected: "error: no such key: 'b'"),
  EvalCase(source: "{1u: 'x'}[1]", expected: "'x'"),
  EvalCase(source: "{1: 'x'}[1.0]", expected: "'x'"),
  EvalCase(source: "[1, 2][2]", expected: "error: index out of range: 2 (list size 2)"),
  EvalCase(source: "[1, 2] + [3]", expected: "[1, 2, 3]"),
  EvalCase(source: "{'a': 1} + {'b': 2}", expected: "{'a': 1, 'b': 2}"),
  EvalCase(source: "2 in {1: 'a', 2: 'b'}", expected: "true"),
  EvalCase(source: "'a' in [1, 'a']", expected: "true"),
  EvalCase(source: "[1, 'a'] == [1, 'a']", expected: "true"),
  EvalCase(source: "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", expected: "true"),
  EvalCase(source: "null == null && null != 0", expected: "true"),
  EvalCase(source: "true || 1 / 0 > 1", expected: "true"),
  EvalCase(source: "1 / 0 > 1 || true", expected: "true"),
  EvalCase(source: "[1, 2, 3].all(x, x > 0) && [1, 2, 3].exists_one(x, x == 2)", expected: "true"),
  EvalCase(source: "[[1], [2, 3]].map(l, l.map(x, x * 2))", expected: "[[2], [4, 6]]"),
  EvalCase(source: "type(1) == int && type('a') == string && type(null) == null_type", expected: "true"),
  EvalCase(source: "type([]) == list && type({}) == map && type(int) == type", expected: "true"),
  EvalCase(source: "int", expected: "int"),
  EvalCase(source: "type(duration('1h')) == google.protobuf.Duration", expected: "true"),
  EvalCase(source: "unknown_name", expected: "error: undeclared reference to 'unknown_name'"),
  EvalCase(source: "nope(1)", expected: "error: unknown function 'nope'"),
  EvalCase(source: "{1: 1, 1u: 2}", expected: "error: repeated key 1u in map literal"),
  EvalCase(source: "{1.5: 1}", expected: "error: unsupported key type 'double'"),
  EvalCase(source: "'a' < 1", expected: "error: no such overload: '<' applied to (string, int)"),
]

@Test(arguments: semanticsCases) func followsCELSemantics(_ c: EvalCase) throws {
  #expect(render(try evaluate(c.source)) == c.expected)
}

@Test func readsFieldsByNameWhenTheLayoutDiffers() throws {
  let other = Record(layout: RecordLayout(fields: [("queue", .string)]), fields: [("rings", .int(1))])
  #expect(render(try evaluate("event.rings + 1", event: other)) == "2")
  #expect(render(try evaluate("event.queue", event: other)) == "error: no such key: 'queue'")
  #expect(render(try evaluate("has(event.rings) && !has(event.queue)", event: other)) == "true")
}

@Test func errorsNameTheNodeThatFailed() throws {
  let compilation = eventEnvironment.compile("event.rings > 1 && event.missing", checked: false)
  let program = try #require(compilation.program)
  let value = program.evaluate(Activation(values: [.record(sampleEvent)]))
  guard case .error(let error) = value else {
    Issue.record("expected an error, got \(value)")
    return
  }
  let ast = try #require(compilation.ast)
  guard case .call(_, _, let args) = ast.kind else { return }
  #expect(error.exprID == args[1].id)
}

@Test func traceRecordsEverySubExpression() throws {
  let compilation = eventEnvironment.compile("event.break_minutes <= 45", checked: false)
  let program = try #require(compilation.program)
  let ast = try #require(compilation.ast)
  var trace = Trace()
  let value = program.evaluate(Activation(values: [.record(sampleEvent)]), trace: &trace)
  #expect(value == .bool(false))
  guard case .call(_, _, let args) = ast.kind else { return }
  #expect(trace[args[0].id].map(render) == "65")
  #expect(trace[args[1].id].map(render) == "45")
  #expect(trace[ast.id].map(render) == "false")
  #expect(trace.order.last == ast.id)
}

@Test func traceSkipsWhatShortCircuited() throws {
  let compilation = eventEnvironment.compile("false && event.rings > 1", checked: false)
  let program = try #require(compilation.program)
  let ast = try #require(compilation.ast)
  var trace = Trace()
  _ = program.evaluate(Activation(values: [.record(sampleEvent)]), trace: &trace)
  guard case .call(_, _, let args) = ast.kind else { return }
  #expect(trace[args[1].id] == nil)
  #expect(trace[ast.id] == .bool(false))
}

@Test func evaluatesHandBuiltTrees() {
  // `x * 2 + 1` built by hand, with `x` the environment's only variable.
  func node(_ id: Int, _ kind: Expr.Kind) -> Expr { Expr(id: id, offset: 0, endOffset: 0, kind: kind) }
  let tree = node(
    5,
    .call(
      function: "_+_", target: nil,
      args: [
        node(3, .call(function: "_*_", target: nil, args: [node(1, .ident("x")), node(2, .literal(.int(2)))])),
        node(4, .literal(.int(1))),
      ]))
  let program = Program(ast: tree, types: [:], environment: Environment(variables: [("x", .int)]))
  #expect(program.evaluate(Activation(values: [.int(20)])) == .int(41))
  #expect(program.evaluate(Activation(values: [.string("a")])).isError)
}

@Test func foldsConstantsAtCompileTime() throws {
  // A constant program answers without variables at all.
  let program = try #require(Environment(variables: []).compile("1 + 2 * 3 == 7", checked: false).program)
  #expect(program.evaluate(Activation(values: [])) == .bool(true))
}

/// A program compiled again (one per thread) says what the original says, traced or not.
@Test(arguments: semanticsCases) func compiledAgainAgrees(_ c: EvalCase) throws {
  guard let program = eventEnvironment.compile(c.source, checked: false).program else { return }
  let again = program.compiledAgain()
  let activation = Activation(values: [.record(sampleEvent)])
  #expect(render(again.evaluate(activation)) == render(program.evaluate(activation)))
  var (trace, traceAgain) = (Trace(), Trace())
  _ = program.evaluate(activation, trace: &trace)
  _ = again.evaluate(activation, trace: &traceAgain)
  #expect(traceAgain.order == trace.order)
}
