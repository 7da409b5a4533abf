import EssenceCore
import Foundation
import Testing

@Suite struct DiagnosticRendererTests {
  static let duplicate = Diagnostic(
    severity: .error, id: "set.duplicate_id", message: "duplicate rule id 'lunch-return'",
    location: SourceLocation(path: "Standards/b.yaml", line: 12, column: 9),
    notes: [.init("first defined here", at: SourceLocation(path: "Standards/a.yaml", line: 3, column: 9))])
  static let unknownKey = Diagnostic(
    severity: .warning, id: "schema.unknown_key", message: "unknown key 'severty' in standard 'x'",
    location: SourceLocation(path: "Standards/a.yaml", line: 7, column: 5), notes: [.init("did you mean 'severity'?")])

  @Test func textIsLikeSwiftc() {
    let text = TextDiagnosticRenderer().render([Self.duplicate, Self.unknownKey])
    #expect(
      text == """
        Standards/b.yaml:12:9: error: duplicate rule id 'lunch-return' [set.duplicate_id]
        Standards/a.yaml:3:9: note: first defined here
        Standards/a.yaml:7:5: warning: unknown key 'severty' in standard 'x' [schema.unknown_key]
        note: did you mean 'severity'?

        """)
  }

  @Test func annotatedTextShowsTheLineAndACaret() {
    let sources = ["Standards/a.yaml": "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n\tseverty: major\n"]
    let text = TextDiagnosticRenderer(sources: sources).render([Self.unknownKey])
    #expect(
      text == """
        Standards/a.yaml:7:5: warning: unknown key 'severty' in standard 'x' [schema.unknown_key]
           7 | \tseverty: major
             | \t   ^
        note: did you mean 'severity'?

        """)
    #expect(TextDiagnosticRenderer(sources: sources).render([Self.duplicate]).split(separator: "\n").count == 2)
  }

  @Test func summaryCountsErrorsAndWarnings() {
    #expect(TextDiagnosticRenderer.summary(errors: 0, warnings: 0, files: 1) == "1 file valid")
    #expect(TextDiagnosticRenderer.summary(errors: 2, warnings: 1, files: 3) == "3 files: 2 errors, 1 warning")
    #expect(TextDiagnosticRenderer.summary(errors: 0, warnings: 2, files: 1) == "1 file: 2 warnings")
  }

  static func decode(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonHasEveryFieldAndASummary() throws {
    let json = try Self.decode(JSONDiagnosticRenderer().render([Self.duplicate, Self.unknownKey]))
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 2)
    #expect(diagnostics[0]["path"] as? String == "Standards/b.yaml")
    #expect(diagnostics[0]["line"] as? Int == 12)
    #expect(diagnostics[0]["column"] as? Int == 9)
    #expect(diagnostics[0]["severity"] as? String == "error")
    #expect(diagnostics[0]["id"] as? String == "set.duplicate_id")
    let notes = try #require(diagnostics[0]["notes"] as? [[String: Any]])
    #expect(notes.first?["path"] as? String == "Standards/a.yaml")
    #expect((diagnostics[1]["notes"] as? [[String: Any]])?.first?["line"] == nil)
    let summary = try #require(json["summary"] as? [String: Int])
    #expect(summary == ["errors": 1, "warnings": 1])
  }

  /// GitHub code scanning accepts SARIF 2.1.0 with a driver, rules and results whose level is
  /// error|warning|note and whose locations carry a relative URI and a 1-based region.
  @Test func sarifHasWhatCodeScanningNeeds() throws {
    let absolute = Diagnostic(
      severity: .error, id: "yaml.syntax", message: "found a tab character",
      location: SourceLocation(path: "/work/my team/a.yaml", line: 1, column: 1))
    let log = try Self.decode(SARIFDiagnosticRenderer().render([Self.duplicate, Self.unknownKey, absolute]))
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "essence")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == ["set.duplicate_id", "schema.unknown_key", "yaml.syntax"])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.compactMap { $0["level"] as? String } == ["error", "warning", "error"])
    #expect(results.compactMap { $0["ruleIndex"] as? Int } == [0, 1, 2])
    let location = try #require(
      (results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Standards/b.yaml")
    #expect((location["region"] as? [String: Int]) == ["startLine": 12, "startColumn": 9])
    let related = try #require(results[0]["relatedLocations"] as? [[String: Any]])
    #expect((related.first?["message"] as? [String: String])?["text"] == "first defined here")
    #expect(
      (results[1]["message"] as? [String: String])?["text"]
        == "unknown key 'severty' in standard 'x'\ndid you mean 'severity'?")
    let third = try #require(
      (results[2]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((third["artifactLocation"] as? [String: Any])?["uri"] as? String == "file:///work/my%20team/a.yaml")
  }

  @Test func githubCommandsAreEscaped() {
    let tricky = Diagnostic(
      severity: .warning, id: "rule.no_deviations", message: "100% letter,\nno spirit",
      location: SourceLocation(path: "a,b:c.yaml", line: 2, column: 3), notes: [.init("note one")])
    let text = GitHubDiagnosticRenderer().render([tricky, Self.duplicate])
    #expect(
      text == """
        ::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=rule.no_deviations::100%25 letter,%0Ano spirit%0Anote: note one
        ::error file=Standards/b.yaml,line=12,col=9,title=set.duplicate_id::duplicate rule id 'lunch-return'%0Anote: Standards/a.yaml:3:9: first defined here

        """)
  }

  @Test func orderedJSONEscapesAndKeepsOrder() {
    let value: OrderedJSON = .object([
      "z": .string("a\"b\\c\n\u{1}é"), "a": .array([.int(1), .double(2.5), .null, .bool(true)]),
    ])
    #expect(value.rendered(pretty: false) == #"{"z":"a\"b\\c\n\u0001é","a":[1,2.5,null,true]}"#)
    #expect(OrderedJSON.object([:]).rendered() == "{}")
  }

  @Test func engineCountsAndStrictPromotes() {
    var engine = DiagnosticEngine()
    engine.emit(Self.unknownKey)
    #expect(!engine.hasErrors)
    #expect(engine.diagnostics.promotingWarnings().allSatisfy { $0.severity == .error })
    engine.emit(Self.duplicate)
    #expect(engine.hasErrors && engine.count(.warning) == 1 && engine.count(.error) == 1)
    #expect(engine.diagnostics.sortedByLocation().map(\.id) == ["schema.unknown_key", "set.duplicate_id"])
  }
}
