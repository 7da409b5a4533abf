import CEL
import Foundation
import Testing

/// Runs cel-spec's conformance tests (converted to JSON in `../shared/cel-conformance`) for
/// the parts of CEL that SPEC §4 names, and checks that exactly the tests listed in
/// `conformance-failures.txt` fail, so fixing or breaking one is noticed.
///
/// `CEL_CONFORMANCE_DIR` overrides the folder; `RECORD_CONFORMANCE=1` rewrites the list.
@Suite struct ConformanceTests {
  /// Whole files in scope.
  static let files = [
    "basic", "comparisons", "logic", "integer_math", "fp_math", "string", "fields", "lists", "macros",
    "timestamps", "conversions", "parse", "plumbing",
  ]
  /// Sections of the strings extension in scope: those for the functions SPEC §4 names, and
  /// the others, which cost little (the list keeps the scope explicit as the data grows).
  static let stringExtSections: Set<String> = [
    "char_at", "index_of", "last_index_of", "ascii_casing", "replace", "split", "substring", "trim", "join",
    "value_errors", "type_errors", "reverse", "quote", "format", "format_errors",
  ]

  @Test func conformance() throws {
    guard let folder = ConformanceData.folder() else {
      print(
        "cel-conformance: skipped, no folder (set CEL_CONFORMANCE_DIR or put ../shared/cel-conformance beside the repo)"
      )
      return
    }
    var cases: [ConformanceCase] = []
    for file in Self.files + ["string_ext"] {
      let data = try Data(contentsOf: folder.appendingPathComponent("\(file).json"))
      cases += try ConformanceData.decoder.decode(ConformanceFile.self, from: data).tests
    }
    var passed = 0
    var skipped = 0
    var failures: [String: String] = [:]
    for test in cases {
      if test.file == "string_ext", !Self.stringExtSections.contains(test.section) {
        skipped += 1
        continue
      }
      if let reason = test.run() { failures[test.key] = reason } else { passed += 1 }
    }
    print("cel-conformance: \(passed) passed, \(failures.count) failed, \(skipped) skipped")

    let listURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("conformance-failures.txt")
    let listed = failures.keys.sorted().map { "\($0): \(failures[$0] ?? "")" }.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["RECORD_CONFORMANCE"] == "1" {
      try listed.write(to: listURL, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded \(failures.count) failures in conformance-failures.txt; run again without RECORD_CONFORMANCE")
      return
    }
    let expected = Set(
      try String(contentsOf: listURL, encoding: .utf8).split(separator: "\n")
        .compactMap { line in line.split(separator: ":", maxSplits: 1).first.map(String.init) })
    let newlyFailing = Set(failures.keys).subtracting(expected).sorted()
    let nowPassing = expected.subtracting(failures.keys).sorted()
    for key in newlyFailing { Issue.record("newly failing: \(key): \(failures[key] ?? "")") }
    for key in nowPassing { Issue.record("now passing, remove from conformance-failures.txt: \(key)") }
    let inScope = passed + failures.count
    #expect(Double(passed) >= 0.97 * Double(inScope), "pass rate below 97%: \(passed) of \(inScope)")
  }
}

/// Finding and decoding the conformance data.
enum ConformanceData {
  /// `CEL_CONFORMANCE_DIR`, else `shared/cel-conformance` beside the package root or one of
  /// its ancestors (a worktree under `/work/wt/<name>` finds `/work/shared`).
  static func folder() -> URL? {
    let fm = FileManager.default
    if let dir = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_DIR"] {
      return fm.fileExists(atPath: dir) ? URL(fileURLWithPath: dir) : nil
    }
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    while root.path != "/" {
      let candidate = root.deletingLastPathComponent().appendingPathComponent("shared/cel-conformance")
      if fm.fileExists(atPath: candidate.appendingPathComponent("basic.json").path) { return candidate }
      root = root.deletingLastPathComponent()
    }
    return nil
  }

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return decoder
  }()
}

struct ConformanceFile: Decodable {
  let tests: [ConformanceCase]
}

/// One conformance test.
struct ConformanceCase: Decodable {
  let file: String
  let section: String
  let name: String
  let expr: String
  let disable_check: Bool?
  let type_env: [Declaration]?
  let bindings: [String: TypedValue]?
  let expected: Expected

  struct Declaration: Decodable {
    let name: String
    let type: String?
  }

  struct Expected: Decodable {
    let value: TypedValue?
    let error: Bool?
  }

  var key: String { "\(file)/\(section)/\(name)" }

  /// Runs the test; nil when it passes, else why it failed.
  func run() -> String? {
    var variables: [(name: String, type: CELType)] = []
    for declaration in type_env ?? [] {
      guard let type = declaration.type else { continue }
      variables.append((declaration.name, CELTypeName.parse(type) ?? .dyn))
    }
    for name in (bindings ?? [:]).keys.sorted() where !variables.contains(where: { $0.name == name }) {
      variables.append((name, .dyn))
    }
    let environment = Environment(variables: variables)
    let compilation = environment.compile(expr, checked: disable_check != true)
    guard let program = compilation.program else {
      if expected.error == true { return nil }
      let messages = compilation.diagnostics.map(\.message).joined(separator: "; ")
      return "compile error: \(messages)"
    }
    let activation = Activation(values: variables.map { bindings?[$0.name]?.value ?? .null })
    let result = program.evaluate(activation)
    // The tracing tree is compiled separately; it must agree with the plain one.
    var trace = Trace()
    let traced = program.evaluate(activation, trace: &trace)
    guard result.isError ? traced.isError : ConformanceCase.exactlyEqual(result, traced) else {
      return "traced evaluation gave \(traced), plain gave \(result)"
    }
    if expected.error == true {
      if case .error = result { return nil }
      return "expected an error, got \(result)"
    }
    guard let want = expected.value?.value else { return "no expected value" }
    return ConformanceCase.exactlyEqual(result, want) ? nil : "expected \(want), got \(result)"
  }

  /// Equality as the conformance suite means it: same kind, maps in any order, NaN = NaN.
  static func exactlyEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign)
    case (.string(let x), .string(let y)): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy(exactlyEqual)
    case (.map(let x), .map(let y)):
      return x.count == y.count
        && x.entries.allSatisfy { entry in
          y.entries.contains { exactlyEqual($0.key, entry.key) && exactlyEqual($0.value, entry.value) }
        }
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x.totalNanos == y.totalNanos
    case (.type(let x), .type(let y)): return x.celName == y.celName
    default: return false
    }
  }
}

/// A value in the conformance JSON: an object with one key naming its kind.
struct TypedValue: Decodable {
  let value: Value

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    guard let key = container.allKeys.first else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "empty value"))
    }
    let bad = DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "bad \(key.stringValue)")
    switch key.stringValue {
    case "null": value = .null
    case "bool": value = .bool(try container.decode(Bool.self, forKey: key))
    case "int": value = .int(try container.decode(Int64.self, forKey: key))
    case "uint": value = .uint(try container.decode(UInt64.self, forKey: key))
    case "double": value = .double(try container.decode(Double.self, forKey: key))
    case "string": value = .string(try container.decode(String.self, forKey: key))
    case "bytes":
      guard let data = Data(base64Encoded: try container.decode(String.self, forKey: key)) else { throw bad }
      value = .bytes(Array(data))
    case "list": value = .list(try container.decode([TypedValue].self, forKey: key).map(\.value))
    case "map":
      let pairs = try container.decode([[TypedValue]].self, forKey: key)
      value = .map(MapValue(entries: pairs.map { ($0[0].value, $0[1].value) }))
    case "type":
      guard let type = CELTypeName.parse(try container.decode(String.self, forKey: key)) else { throw bad }
      value = .type(type)
    case "duration":
      guard let d = CELDuration(text: try container.decode(String.self, forKey: key)) else { throw bad }
      value = .duration(d)
    case "timestamp":
      guard let t = Timestamp(rfc3339: try container.decode(String.self, forKey: key)) else { throw bad }
      value = .timestamp(t)
    default: throw bad
    }
  }
}

/// CEL type names as the conformance data writes them: `int`, `list(string)`, `map(K, V)`.
enum CELTypeName {
  static func parse(_ text: String) -> CELType? {
    let text = text.trimmingCharacters(in: .whitespaces)
    if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
      let head = String(text[..<open])
      let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      let parts = splitTopLevel(inner).compactMap(parse)
      switch (head, parts.count) {
      case ("list", 1): return .list(parts[0])
      case ("map", 2): return .map(key: parts[0], value: parts[1])
      case ("type", _): return .type
      default: return nil
      }
    }
    switch text {
    case "timestamp": return .timestamp
    case "duration": return .duration
    default: return CELType.named(text)
    }
  }

  private static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var depth = 0
    var current = ""
    for c in text {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if c == ",", depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current)
    return parts
  }
}
