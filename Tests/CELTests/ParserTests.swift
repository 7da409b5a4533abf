import CEL
import Foundation
import Testing

/// A fully bracketed rendering of a tree: every call as `f(args)`, so tests see structure.
func structure(_ expr: Expr) -> String {
  switch expr.kind {
  case .literal(let value):
    switch value {
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d): return "\(d)d"
    case .string(let s): return "'\(s)'"
    case .bytes(let b): return "b\(b)"
    case .bool(let b): return String(b)
    case .null: return "null"
    default: return "?"
    }
  case .ident(let name): return name
  case .select(let operand, let field, let testOnly):
    return testOnly ? "has(\(structure(operand)).\(field))" : "\(structure(operand)).\(field)"
  case .call(let function, let target, let args):
    let list = args.map(structure).joined(separator: ", ")
    return target.map { "\(structure($0)).\(function)(\(list))" } ?? "\(function)(\(list))"
  case .list(let items): return "[" + items.map(structure).joined(separator: ", ") + "]"
  case .map(let entries):
    return "{" + entries.map { "\(structure($0.key)): \(structure($0.value))" }.joined(separator: ", ") + "}"
  case .comprehension(let c):
    let parts = [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].map(structure)
    return "\(c.macro)(\(c.iterVar), \(c.accuVar), \(parts.joined(separator: ", ")))"
  }
}

/// Source with a `1️⃣` marker, split into the clean source and the marker's 1-based
/// line and column (in Unicode scalars).
func marked(_ text: String) -> (source: String, line: Int, column: Int) {
  let marker = "1️⃣"
  guard let range = text.range(of: marker) else { return (text, 0, 0) }
  let before = text[..<range.lowerBound]
  let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
  let column = (lines.last?.unicodeScalars.count ?? 0) + 1
  return (text.replacingCharacters(in: range, with: ""), lines.count, column)
}

let emptyEnvironment = Environment(variables: [])

/// A source and what it should produce: a tree's structure, or an error message.
struct ParseCase: Sendable, CustomTestStringConvertible {
  let source: String
  let expected: String
  var testDescription: String { source }
}

let precedenceCases: [ParseCase] = [
  ParseCase(source: "1 + 2 * 3", expected: "_+_(1, _*_(2, 3))"),
  ParseCase(source: "1 - 2 - 3", expected: "_-_(_-_(1, 2), 3)"),
  ParseCase(source: "a || b && c", expected: "_||_(a, _&&_(b, c))"),
  ParseCase(source: "a && b == c", expected: "_&&_(a, _==_(b, c))"),
  ParseCase(source: "a < b + 1", expected: "_<_(a, _+_(b, 1))"),
  ParseCase(source: "x in [1, 2] || y", expected: "_||_(@in(x, [1, 2]), y)"),
  ParseCase(source: "a ? b : c ? d : e", expected: "_?_:_(a, b, _?_:_(c, d, e))"),
  ParseCase(source: "a || b ? c || d : e", expected: "_?_:_(_||_(a, b), _||_(c, d), e)"),
  ParseCase(source: "!a.b", expected: "!_(a.b)"),
  ParseCase(source: "-a[0] * 2", expected: "_*_(-_(_[_](a, 0)), 2)"),
  ParseCase(source: "!!true", expected: "!_(!_(true))"),
  ParseCase(source: "--19", expected: "-_(-19)"),
  ParseCase(source: "-(1)", expected: "-_(1)"),
  ParseCase(source: "6 / 2 % 4", expected: "_%_(_/_(6, 2), 4)"),
  ParseCase(source: "a.b.c(1, 2)[3]", expected: "_[_](a.b.c(1, 2), 3)"),
  ParseCase(source: "size(x) != 0", expected: "_!=_(size(x), 0)"),
  ParseCase(source: ".event.rings", expected: "event.rings"),
  ParseCase(source: "a.`foo.txt`", expected: "a.foo.txt"),
  ParseCase(source: "[1, 2,]", expected: "[1, 2]"),
  ParseCase(source: "{'a': 1, 'b': 2,}", expected: "{'a': 1, 'b': 2}"),
  ParseCase(source: "f(1,)", expected: "f(1)"),
  ParseCase(source: "{}.size()", expected: "{}.size()"),
  ParseCase(source: "m.if() || m.while", expected: "_||_(m.if(), m.while)"),
  ParseCase(source: "a // comment\n  + b", expected: "_+_(a, b)"),
  ParseCase(source: "has(a.b)", expected: "has(a.b)"),
  ParseCase(source: "-9223372036854775808", expected: "-9223372036854775808"),
  ParseCase(source: "-1.5e3", expected: "-1500.0d"),
  ParseCase(source: "-1.abs()", expected: "-_(1.abs())"),
  ParseCase(
    source: "x.all(e, e > 0)",
    expected: "all(e, @result, x, true, @not_strictly_false(@result), _&&_(@result, _>_(e, 0)), @result)"),
  ParseCase(
    source: "x.exists(e, e)",
    expected: "exists(e, @result, x, false, @not_strictly_false(!_(@result)), _||_(@result, e), @result)"),
  ParseCase(
    source: "x.exists_one(e, e)",
    expected: "exists_one(e, @result, x, 0, true, _?_:_(e, _+_(@result, 1), @result), _==_(@result, 1))"),
  ParseCase(
    source: "x.map(e, e * 2)",
    expected: "map(e, @result, x, [], true, _+_(@result, [_*_(e, 2)]), @result)"),
  ParseCase(
    source: "x.map(e, e > 1, e)",
    expected: "map(e, @result, x, [], true, _?_:_(_>_(e, 1), _+_(@result, [e]), @result), @result)"),
  ParseCase(
    source: "x.filter(e, e > 1)",
    expected: "filter(e, @result, x, [], true, _?_:_(_>_(e, 1), _+_(@result, [e]), @result), @result)"),
  ParseCase(source: "x.all(e)", expected: "x.all(e)"),
]

@Test(arguments: precedenceCases)
func parsesStructure(_ c: ParseCase) throws {
  let (ast, diagnostics) = emptyEnvironment.parse(c.source)
  #expect(diagnostics.isEmpty, "\(diagnostics)")
  let tree = try #require(ast)
  #expect(structure(tree) == c.expected)
}

@Test(arguments: precedenceCases)
func printsBackToEquivalentSource(_ c: ParseCase) throws {
  let tree = try #require(emptyEnvironment.parse(c.source).ast)
  let printed = tree.sourceDescription
  let reparsed = try #require(emptyEnvironment.parse(printed).ast, "\(printed)")
  #expect(structure(reparsed) == structure(tree), "\(printed)")
}

@Test func nodeIDsAreUniqueAndPositionsCoverTheSource() throws {
  let source = "event.rings <= 3 && [1, 2].all(x, x > 0) ? {'a': b} : size(c)"
  let tree = try #require(emptyEnvironment.parse(source).ast)
  var ids: [Int] = []
  func walk(_ e: Expr) {
    ids.append(e.id)
    #expect(e.offset <= e.endOffset)
    e.children.forEach(walk)
  }
  walk(tree)
  #expect(Set(ids).count == ids.count)
  #expect(tree.offset == 0 && tree.endOffset == source.unicodeScalars.count)
  for id in ids { #expect(tree.node(id: id)?.id == id) }
  #expect(tree.node(id: -1) == nil)
  let size = try #require(ids.compactMap { tree.node(id: $0) }.first { $0.sourceDescription == "size(c)" })
  #expect(size.offset == source.unicodeScalars.count - 7)
}

@Test func nodePositionsAreScalarOffsets() throws {
  let tree = try #require(emptyEnvironment.parse("'é' + name").ast)
  guard case .call(_, _, let args) = tree.kind else { throw CancellationError() }
  #expect(args[1].offset == 6 && args[1].endOffset == 10)
}

let syntaxErrorCases: [ParseCase] = [
  ParseCase(source: "size(event.notes1️⃣", expected: "expected ')' after arguments to 'size'"),
  ParseCase(source: "event.rings <=1️⃣", expected: "expected an expression, found end of expression"),
  ParseCase(source: "a &&\n  (b || 1️⃣)", expected: "expected an expression, found ')'"),
  ParseCase(source: "[1, 2 1️⃣3]", expected: "expected ',' or ']' after list elements"),
  ParseCase(source: "{'a' 1️⃣1}", expected: "expected ':' after map key"),
  ParseCase(source: "a ? b1️⃣", expected: "expected ':' in conditional expression after '?'"),
  ParseCase(source: "a.1️⃣(b)", expected: "expected a field or method name after '.'"),
  ParseCase(source: "a 1️⃣b", expected: "unexpected 'b' after the end of the expression; expected an operator"),
  ParseCase(source: "a 1️⃣and b", expected: "unexpected 'and' after the end of the expression; did you mean '&&'?"),
  ParseCase(source: "a 1️⃣or b", expected: "unexpected 'or' after the end of the expression; did you mean '||'?"),
  ParseCase(source: "not 1️⃣a", expected: "unexpected 'a' after the end of the expression; did you mean '!'?"),
  ParseCase(source: "a.1️⃣?b", expected: "optional field selection '.?' is not supported"),
  ParseCase(source: "1️⃣if", expected: "'if' is a reserved word and cannot be used as a name"),
  ParseCase(source: "x + 1️⃣let", expected: "'let' is a reserved word and cannot be used as a name"),
  ParseCase(source: "a 1️⃣= b", expected: "unexpected character '='; did you mean '=='?"),
  ParseCase(source: "1️⃣9223372036854775808", expected: "int literal '9223372036854775808' is out of range"),
  ParseCase(source: "-1️⃣9223372036854775809", expected: "int literal '-9223372036854775809' is out of range"),
  ParseCase(
    source: "1️⃣18446744073709551616u",
    expected: "uint literal '18446744073709551616u' is out of range"),
  ParseCase(source: "'abc1️⃣\\q'", expected: "invalid escape sequence '\\q'"),
  ParseCase(source: "'1️⃣\\x4'", expected: "invalid '\\x' escape; expected two hex digits"),
  ParseCase(source: "'1️⃣\\4'", expected: "invalid escape sequence '\\4'"),
  ParseCase(source: "'1️⃣\\19'", expected: "invalid octal escape; expected three octal digits such as '\\012'"),
  ParseCase(source: "b'1️⃣\\u0041'", expected: "'\\u' escapes are not allowed in bytes literals"),
  ParseCase(source: "'1️⃣\\uD800'", expected: "invalid '\\u' escape; U+D800 is not a code point"),
  ParseCase(source: "x == 1️⃣'abc", expected: "unterminated string literal"),
  ParseCase(
    source: "x == 1️⃣'ab\nc'", expected: "unterminated string literal; a newline needs '\\n' or triple quotes"),
  ParseCase(source: "has(1️⃣a)", expected: "argument to 'has' must be a field selection such as 'has(event.note)'"),
  ParseCase(source: "x.all(1️⃣1, true)", expected: "the first argument of 'all' must be a variable name"),
  ParseCase(source: "1️⃣`a`", expected: "quoted names such as `a` may only follow '.'"),
  ParseCase(source: "Msg1️⃣{a: 1}", expected: "message construction 'Msg{...}' is not supported"),
]

@Test(arguments: syntaxErrorCases)
func reportsSyntaxErrorsAtTheirPosition(_ c: ParseCase) throws {
  let (source, line, column) = marked(c.source)
  let (ast, diagnostics) = emptyEnvironment.parse(source)
  #expect(ast == nil)
  let first = try #require(diagnostics.first)
  #expect(first.id == "cel.syntax")
  #expect(first.severity == .error)
  #expect(first.message == c.expected)
  #expect(first.line == line && first.column == column, "\(first.line):\(first.column)")
}

@Test func reportsALexicalErrorOnce() {
  #expect(emptyEnvironment.parse("a = b").diagnostics.count == 1)
  #expect(emptyEnvironment.parse("a === 3").diagnostics.count == 1)
  #expect(emptyEnvironment.parse("1 +* 2").diagnostics.count == 1)
  #expect(emptyEnvironment.parse("a == # 3").diagnostics.count == 1)
  #expect(emptyEnvironment.parse("f(a, 'b\\q')").diagnostics.count == 1)
}

@Test func reportsSeveralErrorsInOnePass() {
  let diagnostics = emptyEnvironment.parse("f(1 2, [3 4], 'a\\q')").diagnostics
  #expect(diagnostics.map(\.column) == [5, 11, 17], "\(diagnostics)")
}

@Test func limitsNestingDepth() throws {
  let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
  let diagnostics = emptyEnvironment.parse(deep).diagnostics
  #expect(diagnostics.count == 1)
  #expect(diagnostics.first?.message.contains("nests more than") == true)
  let fine = String(repeating: "[", count: 40) + "1" + String(repeating: "]", count: 40)
  #expect(emptyEnvironment.parse(fine).diagnostics.isEmpty)
}

/// Every expression of the cel-spec parse conformance file parses without errors.
@Test func parsesEveryConformanceParseExpression() throws {
  let url = URL(fileURLWithPath: "/work/shared/cel-conformance/parse.json")
  let data = try Data(contentsOf: url)
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let tests = try #require(root["tests"] as? [[String: Any]])
  var failures: [String] = []
  for test in tests {
    guard let expr = test["expr"] as? String else { continue }
    let diagnostics = emptyEnvironment.parse(expr).diagnostics
    if !diagnostics.isEmpty { failures.append("\(test["name"] ?? ""): \(diagnostics[0].message)") }
  }
  #expect(tests.count == 155)
  #expect(failures.isEmpty, "\(failures)")
}

/// Every prefix of a realistic expression (each one a typing accident) gives diagnostics,
/// never a crash, and the complete expression gives none.
@Test func everyPrefixFailsGracefully() {
  let source = "event.tags.exists(t, t in ['a', \"b\"]) && -event.rings[0] <= 0x1Fu ? b'\\x00' : {'k': r'v', }"
  let scalars = Array(source.unicodeScalars)
  for end in 0..<scalars.count {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[..<end])
    _ = emptyEnvironment.compile(String(view))
  }
  #expect(emptyEnvironment.parse(source).diagnostics.isEmpty)
}

@Test func limitsOperatorChains() {
  let sum = { (n: Int) in Array(repeating: "1", count: n).joined(separator: " + ") + " > 0" }
  #expect(!emptyEnvironment.compile(sum(200)).hasErrors)
  let chains = [
    sum(5000), String(repeating: "!", count: 5000) + "true", String(repeating: "-", count: 5000) + "1",
    "a" + String(repeating: ".b", count: 5000), "a" + String(repeating: "[0]", count: 5000),
    "a" + String(repeating: ".f()", count: 5000),
  ]
  for source in chains {
    let diagnostics = emptyEnvironment.compile(source).diagnostics
    #expect(diagnostics.map(\.message) == ["expression nests more than 250 levels deep"])
  }
}
