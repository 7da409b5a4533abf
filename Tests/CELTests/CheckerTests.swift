import CEL
import Foundation
import Testing

let checkerLayout = RecordLayout(fields: [
  ("rings", .number), ("name", .string), ("time", .timestamp), ("tags", .list(.string)),
  ("attrs", .map(key: .string, value: .dyn)), ("wait", .duration), ("count", .int), ("note", .dyn),
])
let checkerEnvironment = Environment(variables: [("event", .record(checkerLayout)), ("other", .record(checkerLayout))])

let acceptedSources: [String] = [
  "event.rings <= 3",
  "event.rings <= 3.5 && event.rings > 1u",
  "event.count == 2.0",
  "event.name == 'ana' || event.name.startsWith('a')",
  "event.note == 'x' && event.note > 3",
  "event.name == null",
  "has(event.note) ? event.note : 'none'",
  "size(event.tags) > 0 && event.tags.size() < 4 && 'a' in event.tags",
  "event.tags.all(t, t.size() > 1) && event.tags.exists(t, t == 'x')",
  "event.tags.exists_one(t, t.endsWith('s'))",
  "event.tags.map(t, t.upperAscii()).join(', ') != ''",
  "event.tags.filter(t, t.contains('a')).size() == 1",
  "event.attrs.customer_ref != '' && event.attrs['k'] == 1",
  "'k' in event.attrs",
  "event.time + duration('1h') < other.time",
  "other.time - event.time <= duration('72h')",
  "event.time.getHours('Europe/Madrid') >= 9 && event.time.getDayOfWeek() < 6",
  "event.wait.getMinutes() > 5",
  "timestamp('2026-01-01T00:00:00Z') < event.time",
  "int(event.rings) % 2 == 0 && double(event.count) / 2.0 > 1.0",
  "string(event.count) + 'x' == '2x' && bytes('a') == b'a'",
  "type(event.rings) == int || type(event.rings) == double",
  "type(event.time) == google.protobuf.Timestamp && type(event.wait) == google.protobuf.Duration",
  "dyn(event.name) == 1",
  "event.name.matches('^a+$') && matches(event.name, 'a')",
  "event.name.split(',').size() == 2 && event.name.trim().lowerAscii() == 'x'",
  "[1, 2.5, 3u].exists(x, x > 2)",
  "{'a': 1}.all(k, k == 'a')",
  "event.rings + 1 > 2",
  "-event.rings < 0",
  "event['rings'] == 1",
  "event.tags + ['x'] == ['x']",
  "[event.count, event.rings].map(n, n * 2)[0] == 4",
  "bool('true') && uint(3) == 3u",
]

@Test(arguments: acceptedSources)
func acceptsWellTypedExpressions(_ source: String) {
  let compilation = checkerEnvironment.compile(source)
  #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
  #expect(!compilation.hasErrors)
  #expect(compilation.program != nil)
}

struct CheckCase: Sendable, CustomTestStringConvertible {
  let source: String
  let id: String
  let message: String
  var severity: CELDiagnostic.Severity = .error
  var notes: [String] = []
  var testDescription: String { source }
}

let rejectedCases: [CheckCase] = [
  // `timestamp` is a function: the evaluator knows no type by that name, so neither does the checker.
  CheckCase(
    source: "type(event.time) == 1️⃣timestamp", id: "cel.undeclared_reference",
    message: "undeclared reference to 'timestamp'"),
  CheckCase(
    source: "1️⃣event.rings <= 'x'", id: "cel.type_mismatch", message: "'rings' is a number, compared with a string"),
  CheckCase(
    source: "1️⃣3 <= 'x'", id: "cel.type_mismatch",
    message: "no matching overload for '_<=_' applied to (int, string)"),
  CheckCase(source: "1️⃣event.name == 3", id: "cel.type_mismatch", message: "'name' is a string, compared with an int"),
  CheckCase(
    source: "1️⃣evnt.rings > 1", id: "cel.undeclared_reference", message: "undeclared reference to 'evnt'",
    notes: ["did you mean 'event'?"]),
  CheckCase(
    source: "event.rings > 1 && 1️⃣zzz", id: "cel.undeclared_reference",
    message: "undeclared reference to 'zzz'"),
  CheckCase(
    source: "event.1️⃣rigns > 1", id: "cel.undeclared_field", message: "'event' has no declared field 'rigns'",
    severity: .warning, notes: ["did you mean 'rings'?"]),
  CheckCase(
    source: "event.tags.all(t, 1️⃣t.size())", id: "cel.type_mismatch",
    message: "'t.size()' is an int, expected a bool"),
  CheckCase(
    source: "event.tags.exists(tag, 1️⃣tga == 'a')", id: "cel.undeclared_reference",
    message: "undeclared reference to 'tga'", notes: ["did you mean 'tag'?"]),
  CheckCase(
    source: "1️⃣size(event.tags, 1) > 0", id: "cel.argument_count",
    message: "wrong number of arguments to 'size': expected 1, got 2"),
  CheckCase(
    source: "1️⃣event.name.startsWith() ", id: "cel.argument_count",
    message: "wrong number of arguments to 'startsWith': expected 1, got 0"),
  CheckCase(
    source: "1️⃣event.name.startWith('a')", id: "cel.undeclared_reference",
    message: "undeclared method 'startWith'", notes: ["did you mean 'startsWith'?"]),
  CheckCase(
    source: "1️⃣event.name.contains(1)", id: "cel.type_mismatch",
    message: "no matching overload for 'contains' applied to string.(int)"),
  CheckCase(
    source: "1️⃣event.rings + 'a' > 1", id: "cel.type_mismatch",
    message: "no matching overload for '_+_' applied to (number, string)"),
  CheckCase(
    source: "1️⃣event.count.size() > 1", id: "cel.type_mismatch",
    message: "no matching overload for 'size' applied to int.()"),
  CheckCase(
    source: "1️⃣event.rings.value > 1", id: "cel.type_mismatch",
    message: "cannot select field 'value' from 'event.rings', which is a number"),
  CheckCase(
    source: "1️⃣event.count && true", id: "cel.type_mismatch", message: "'event.count' is an int, expected a bool"),
  CheckCase(
    source: "1️⃣event.count.all(x, x)", id: "cel.type_mismatch",
    message: "'all' needs a list or a map, found an int"),
  CheckCase(
    source: "1️⃣1 in 'abc'", id: "cel.type_mismatch", message: "no matching overload for 'in' applied to (int, string)"),
  CheckCase(source: "1️⃣event.time < 3", id: "cel.type_mismatch", message: "'time' is a timestamp, compared with an int"),
  CheckCase(
    source: "1️⃣rings > 3", id: "cel.undeclared_reference", message: "undeclared reference to 'rings'",
    notes: ["did you mean 'event.rings'?"]),
  CheckCase(
    source: "1️⃣event.tags.all(t, t, t)", id: "cel.argument_count",
    message: "wrong number of arguments to 'all': expected 2, got 3"),
  CheckCase(
    source: "1️⃣has(event.note, 1)", id: "cel.argument_count",
    message: "wrong number of arguments to 'has': expected 1, got 2"),
  CheckCase(
    source: "1️⃣event.time >= '2026-01-01T00:00:00Z'", id: "cel.type_mismatch",
    message: "'time' is a timestamp, compared with a string",
    notes: ["write timestamp('2026-01-01T00:00:00Z') to compare with a time"]),
  CheckCase(
    source: "1️⃣'1h' > event.wait", id: "cel.type_mismatch", message: "'wait' is a duration, compared with a string",
    notes: ["write duration('1h') to compare with a duration"]),
  CheckCase(
    source: "1️⃣event.rings == '3'", id: "cel.type_mismatch", message: "'rings' is a number, compared with a string",
    notes: ["write 3 without quotes to compare with a number"]),
  CheckCase(
    source: "event.wait < duration(1️⃣'72 h')", id: "cel.invalid_literal",
    message: "duration '72 h' is not a duration such as '90s', '10m' or '1h30m'"),
  CheckCase(
    source: "event.time > timestamp(1️⃣'2026-13-01T00:00:00Z')", id: "cel.invalid_literal",
    message: "timestamp '2026-13-01T00:00:00Z' is not RFC 3339 text such as '2026-11-21T13:05:00Z'"),
  CheckCase(
    source: "event.name.matches(1️⃣'(a')", id: "cel.invalid_literal",
    message: "invalid regular expression '(a': missing ): (a"),
  CheckCase(
    source: "1️⃣contains('a', 'b')", id: "cel.type_mismatch",
    message: "'contains' cannot be called this way; call it as a method, as in 'x.contains(...)'"),
  CheckCase(
    source: "true &&\n  1️⃣event.name.size() == 'x'", id: "cel.type_mismatch",
    message: "no matching overload for '_==_' applied to (int, string)"),
]

@Test(arguments: rejectedCases)
func reportsCheckProblemsAtTheirNode(_ c: CheckCase) throws {
  let (source, line, column) = marked(c.source)
  let compilation = checkerEnvironment.compile(source)
  let first = try #require(compilation.diagnostics.first)
  #expect(compilation.diagnostics.count == 1, "\(compilation.diagnostics.map(\.message))")
  #expect(first.id == c.id)
  #expect(first.severity == c.severity)
  #expect(first.message == c.message)
  #expect(first.notes == c.notes)
  #expect(first.line == line && first.column == column, "\(first.line):\(first.column)")
  #expect(compilation.hasErrors == (c.severity == .error))
  #expect((compilation.program == nil) == (c.severity == .error))
}

@Test func uncheckedCompilationSkipsTheChecker() {
  let compilation = checkerEnvironment.compile("undeclared + 1 == 'x'", checked: false)
  #expect(compilation.diagnostics.isEmpty)
  #expect(compilation.types.isEmpty)
  #expect(compilation.program != nil)
}

@Test func syntaxErrorsStopBeforeChecking() {
  let compilation = checkerEnvironment.compile("evnt.rings <")
  #expect(compilation.ast == nil && compilation.program == nil)
  #expect(compilation.diagnostics.map(\.id) == ["cel.syntax"])
}

@Test func typesAreKeyedByNodeID() throws {
  let compilation = checkerEnvironment.compile("event.tags.map(t, t.size())")
  let ast = try #require(compilation.ast)
  #expect(compilation.types[ast.id] == .list(.int))
  #expect(compilation.resultType == .list(.int))
  let rings = try #require(checkerEnvironment.compile("event.rings").ast)
  #expect(checkerEnvironment.compile("event.rings").types[rings.id] == .number)
  let filtered = checkerEnvironment.compile("event.tags.filter(t, t != '')")
  #expect(filtered.types[try #require(filtered.ast).id] == .list(.string))
}

/// A CEL type name as the conformance files write it: `int`, `list(string)`, `map(K, V)`.
func conformanceType(_ name: String) -> CELType {
  let text = name.replacingOccurrences(of: " ", with: "")
  if text.hasPrefix("list("), text.hasSuffix(")") {
    return .list(conformanceType(String(text.dropFirst(5).dropLast())))
  }
  if text.hasPrefix("map("), text.hasSuffix(")") {
    let inner = String(text.dropFirst(4).dropLast())
    var depth = 0
    for (i, c) in inner.enumerated() {
      if c == "(" {
        depth += 1
      } else if c == ")" {
        depth -= 1
      } else if c == ",", depth == 0 {
        let key = String(inner.prefix(i))
        let value = String(inner.dropFirst(i + 1))
        return .map(key: conformanceType(key), value: conformanceType(value))
      }
    }
  }
  let simple: [String: CELType] = [
    "int": .int, "uint": .uint, "double": .double, "string": .string, "bytes": .bytes, "bool": .bool,
    "null_type": .null, "timestamp": .timestamp, "duration": .duration, "type": .type,
  ]
  return simple[text] ?? .dyn
}

/// Every conformance expression that cel-spec type-checks must check without errors here:
/// a false error would reject a valid standard.
@Test func checksEveryConformanceExpressionThatCELChecks() throws {
  let directory = URL(fileURLWithPath: "/work/shared/cel-conformance")
  var failures: [String] = []
  var checked = 0
  for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  where file.hasSuffix(".json") && file != "manifest.json" {
    let data = try Data(contentsOf: directory.appendingPathComponent(file))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for test in root["tests"] as? [[String: Any]] ?? [] {
      guard let expr = test["expr"] as? String else { continue }
      let env = (test["type_env"] as? [[String: Any]] ?? []).compactMap { entry -> (String, CELType)? in
        guard let name = entry["name"] as? String, let type = entry["type"] as? String else { return nil }
        return (name, conformanceType(type))
      }
      let unchecked = test["disable_check"] as? Bool == true || test["container"] != nil
      let compilation = Environment(variables: env).compile(expr, checked: !unchecked)
      if !unchecked { checked += 1 }
      // A literal that cannot work (`duration('320000000000s')`) may fail when checked
      // instead of when run, where the test expects an error anyway.
      let expectsError = (test["expected"] as? [String: Any])?["error"] as? Bool == true
      if let error = compilation.diagnostics.first(where: { $0.severity == .error }),
        !(expectsError && error.id == "cel.invalid_literal")
      {
        failures.append("\(file) \(test["section"] ?? "")/\(test["name"] ?? ""): \(expr) -> \(error.message)")
      }
    }
  }
  #expect(checked > 900)
  #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.joined(separator: "\n"))")
}
