import CEL
import EssenceCore
import Testing
import _EssenceTestSupport

@Suite struct YAMLReaderTests {
  struct ScalarCase: Sendable, CustomTestStringConvertible {
    var source: String
    var expected: YAMLValue
    var testDescription: String { "'\(source)'" }
  }

  /// YAML 1.2 core schema (SPEC §1): only true/false are booleans, so `on`, `yes`, `no` stay strings.
  static let scalars: [ScalarCase] = [
    .init(source: "true", expected: .bool(true)), .init(source: "True", expected: .bool(true)),
    .init(source: "FALSE", expected: .bool(false)), .init(source: "on", expected: .string("on")),
    .init(source: "yes", expected: .string("yes")), .init(source: "no", expected: .string("no")),
    .init(source: "off", expected: .string("off")), .init(source: "~", expected: .null),
    .init(source: "null", expected: .null), .init(source: "", expected: .null),
    .init(source: "42", expected: .int(42)), .init(source: "-7", expected: .int(-7)),
    .init(source: "+12", expected: .int(12)), .init(source: "012", expected: .int(12)),
    .init(source: "0x1F", expected: .int(31)), .init(source: "0o17", expected: .int(15)),
    .init(source: "1_000", expected: .string("1_000")), .init(source: "1.5", expected: .double(1.5)),
    .init(source: "1e3", expected: .double(1000)), .init(source: ".5", expected: .double(0.5)),
    .init(source: "-.inf", expected: .double(-.infinity)), .init(source: "12:30", expected: .string("12:30")),
    .init(source: "2026-11-21", expected: .string("2026-11-21")), .init(source: "'true'", expected: .string("true")),
    .init(source: "\"42\"", expected: .string("42")), .init(source: "!!str 42", expected: .string("42")),
    .init(source: "!!int \"42\"", expected: .int(42)), .init(source: "!!float 1", expected: .double(1)),
  ]

  @Test(arguments: scalars)
  func plainScalarsResolveByTheCoreSchema(_ c: ScalarCase) throws {
    let result = YAMLReader.parse("key: \(c.source)\n", path: "t.yaml")
    #expect(result.diagnostics.isEmpty)
    let value = try #require(result.documents.first?["key"]?.scalar?.value)
    #expect(value == c.expected)
  }

  @Test func nanIsADouble() throws {
    let value = YAMLReader.parse("x: .nan", path: "t.yaml").documents.first?["x"]?.scalar?.value
    guard case .double(let d)? = value else { return #expect(Bool(false)) }
    #expect(d.isNaN)
  }

  @Test func nodesKnowWhereTheyAreInUnicodeScalars() throws {
    let marked = MarkedText("a: 1️⃣café\nlist:\n  - 2️⃣x\n  - {k: 3️⃣🙂, n: 4️⃣1}\n")
    let root = try #require(YAMLReader.parse(marked.text, path: "t.yaml").documents.first)
    func at(_ node: YAMLNode?) -> [Int] { [node?.start.line ?? 0, node?.start.column ?? 0] }
    func marker(_ name: String) -> [Int] { [marked.markers[name]?.line ?? -1, marked.markers[name]?.column ?? -1] }
    #expect(at(root["a"]) == marker("1️⃣"))
    #expect(at(root["list"]?.sequence?[0]) == marker("2️⃣"))
    #expect(at(root["list"]?.sequence?[1]["k"]) == marker("3️⃣"))
    #expect(at(root["list"]?.sequence?[1]["n"]) == marker("4️⃣"))
    #expect(root["a"]?.end.column == 8)
    #expect(root["a"]?.start.path == "t.yaml")
  }

  @Test func aliasesExpandToTheAnchoredNode() throws {
    let root = try #require(YAMLReader.parse("base: &b {x: 1}\ncopy: *b\n", path: "t.yaml").documents.first)
    #expect(root["copy"]?["x"]?.scalar?.value == .int(1))
  }

  @Test func billionLaughsIsRefusedQuickly() {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let result = YAMLReader.parse(text, path: "bomb.yaml")
    #expect(result.diagnostics.map(\.id) == ["yaml.alias_bomb"])
    #expect(result.documents.isEmpty)
  }

  @Test func theExpansionBoundIsConfigurable() {
    let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
    // The two aliases copy 4 nodes each.
    #expect(YAMLReader.parse(text, path: "t.yaml", limits: .init(maxNodesPerDocument: 7)).hasErrors)
    #expect(!YAMLReader.parse(text, path: "t.yaml", limits: .init(maxNodesPerDocument: 8)).hasErrors)
  }

  @Test func documentsWithoutAliasesHaveNoBound() {
    let text = (0..<3000).map { "- {id: \($0), type: note}" }.joined(separator: "\n")
    let result = YAMLReader.parse(text, path: "log.yaml", limits: .init(maxNodesPerDocument: 10))
    #expect(!result.hasErrors)
    #expect(result.documents.first?.sequence?.count == 3000)
  }

  @Test func duplicateKeysPointAtBothDefinitions() {
    let marked = MarkedText("2️⃣team: a\npurpose: p\n1️⃣team: b\n")
    let diagnostics = YAMLReader.parse(marked.text, path: "t.yaml").diagnostics
    assertDiagnostics(
      diagnostics,
      [DiagnosticSpec("1️⃣", id: "yaml.duplicate_key", message: "duplicate key 'team'", notes: ["first defined here"])],
      markers: marked.markers)
    #expect(diagnostics.first?.notes.first?.location?.line == marked.markers["2️⃣"]?.line)
  }

  @Test func errorsAreLocated() {
    let cases: [(String, DiagnosticSpec)] = [
      (
        "a: 1\n1️⃣\tb: 2\n",
        DiagnosticSpec("1️⃣", id: "yaml.syntax", message: "found a tab character; YAML indents with spaces only")
      ),
      (
        "a: 1️⃣\"open\n",
        DiagnosticSpec("1️⃣", id: "yaml.syntax", message: "unclosed quoted value; expected a closing quote")
      ),
      (
        "a: b1️⃣: c\n",
        DiagnosticSpec(
          "1️⃣", id: "yaml.syntax", message: "found ': ' inside a plain value; a value may not hold another 'key: value'")
      ),
      (
        "a: 1️⃣!has(x)\n",
        DiagnosticSpec("1️⃣", id: "yaml.tag", message: "unknown tag '!has(x)'; did you mean to quote it?")
      ),
      (
        "a: 1️⃣!!binary aGk=\n",
        DiagnosticSpec(
          "1️⃣", id: "yaml.tag", message: "unknown tag '!!binary'; only the core schema tags are allowed")
      ),
      ("a: 1️⃣!!int many\n", DiagnosticSpec("1️⃣", id: "yaml.tag", message: "'many' is not a valid value for tag '!!int'")),
      (
        "a: 1️⃣*nowhere\n",
        DiagnosticSpec(
          "1️⃣", id: "yaml.unknown_alias", message: "unknown alias '*nowhere'; an alias must follow its anchor '&nowhere'"
        )
      ),
    ]
    for (text, spec) in cases {
      let marked = MarkedText(text)
      assertDiagnostics(YAMLReader.parse(marked.text, path: "t.yaml").diagnostics, [spec], markers: marked.markers)
    }
  }

  @Test func invalidUTF8IsASyntaxError() {
    let result = YAMLReader.parse([0x61, 0x3A, 0x20, 0xFF, 0x0A], path: "t.yaml")
    #expect(result.diagnostics.map(\.id) == ["yaml.syntax"])
  }

  @Test func aStreamHasSeveralDocuments() {
    let result = YAMLReader.parse("---\na: 1\n---\na: 2\n...\n", path: "log.yaml")
    #expect(result.documents.map { $0["a"]?.scalar?.value } == [.int(1), .int(2)])
    #expect(result.documents.map(\.start.line) == [2, 4])
  }

  @Test func nodesBecomeCELValues() throws {
    let root = try #require(
      YAMLReader.parse("{n: 1, d: 2.5, s: on, b: true, z: ~, l: [1, x]}", path: "t.yaml").documents.first)
    guard case .map(let map) = root.celValue else { return #expect(Bool(false)) }
    #expect(map.entries.count == 6)
    let entries = try #require(root.fieldEntries)
    #expect(entries.map(\.name) == ["n", "d", "s", "b", "z", "l"])
    guard case .string("on") = entries[2].node.celValue, case .list(let items) = entries[5].node.celValue else {
      return #expect(Bool(false))
    }
    #expect(items.count == 2)
  }

  @Test func unreadableFileIsADiagnostic() {
    let result = YAMLReader.parseFile(atPath: "/nonexistent/standards.yaml")
    #expect(result.diagnostics.map(\.message) == ["cannot read file: no such file"])
  }

  @Test func deepNestingIsRefusedBeforeItExhaustsTheStack() {
    let text = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let result = YAMLReader.parse(text, path: "deep.yaml")
    #expect(result.diagnostics.map(\.id) == ["yaml.too_deep"])
    #expect(result.diagnostics.first?.location.column == 4 + 511)
  }

  @Test func duplicateKeysAreFoundInLargeMappingsToo() {
    let keys = (0..<40).map { "k\($0): \($0)" } + ["k3: again", "k39: again"]
    let result = YAMLReader.parse(keys.joined(separator: "\n"), path: "big.yaml")
    #expect(result.diagnostics.map(\.message) == ["duplicate key 'k3'", "duplicate key 'k39'"])
    #expect(result.diagnostics.map { $0.notes.first?.location?.line } == [4, 40])
    #expect(result.diagnostics.map(\.location.line) == [41, 42])
  }
}
