import EssenceCore
import Foundation
import Testing
import _EssenceTestSupport

/// CEL diagnostics are reported in file coordinates, whatever way the expression is written
/// (STYLE §4: scalar start plus offset; where inexact, the scalar and a note).
@Suite struct ConditionPositionTests {
  static func standard(expect: String) -> String {
    """
    essence: 1
    team: desk
    purpose: p
    fields: {rings: number, greeting: string}
    standards:
      - id: s
        title: t
        on: x
        expect: \(expect)
        rationale: r
        deviations: []
    """
  }

  static let mismatch = "'rings' is a number, compared with a string"

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var expect: String
    /// The notes, when the position is approximate (exact cases leave notes to the checker).
    var notes: [String]? = nil
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "plain", expect: "event.greeting != '' && 1️⃣event.rings <= 'three'"),
    Case(name: "single-quoted with doubled quotes", expect: #"'event.greeting != "it''s" && 1️⃣event.rings <= "3"'"#),
    Case(name: "double-quoted", expect: #""event.greeting != 'x' && 1️⃣event.rings <= 'three'""#),
    Case(
      name: "double-quoted with an escape", expect: #"1️⃣"event.greeting != '\u00e9' && event.rings <= 'three'""#,
      notes: ["at line 1, column 26 of the expression"]),
    Case(name: "plain over two lines", expect: "event.greeting != '' &&\n      1️⃣event.rings <= 'three'"),
    Case(name: "literal block", expect: "|\n      event.greeting != '' &&\n        (1️⃣event.rings <= 'three')"),
    Case(name: "folded block", expect: ">-\n      event.greeting != ''\n      && 1️⃣event.rings <= 'three'"),
    Case(
      name: "folded block with a more-indented line",
      expect: "1️⃣>-\n      event.greeting != '' &&\n\n        event.rings <= 'three'",
      notes: ["at line 3, column 3 of the expression"]),
  ]

  @Test(arguments: cases)
  func typeMismatchIsPlacedInTheFile(_ c: Case) {
    assertDiagnostics(
      Self.standard(expect: c.expect),
      [DiagnosticSpec("1️⃣", id: "cel.type_mismatch", message: Self.mismatch, notes: c.notes)])
  }

  @Test func syntaxErrorAtTheEndPointsJustAfterTheExpression() {
    assertDiagnostics(
      Self.standard(expect: "event.rings <=1️⃣"),
      [DiagnosticSpec("1️⃣", id: "cel.syntax", message: "expected an expression, found end of expression")])
  }

  @Test func windowsLineEndingsKeepPositionsExact() {
    let marked = Self.standard(expect: "|\n      event.greeting != '' &&\n        (1️⃣event.rings <= 'three')")
    assertDiagnostics(
      marked.replacingOccurrences(of: "\n", with: "\r\n"),
      [DiagnosticSpec("1️⃣", id: "cel.type_mismatch", message: Self.mismatch)])
  }

  @Test func aByteOrderMarkIsNotAColumn() {
    let text = "\u{FEFF}scope: event.rings <= 'three'\nessence: 1\nteam: desk\npurpose: p\nfields: {rings: number}\n"
    let diagnostics = StandardsLoader.load(sources: [("bom.yaml", Array(text.utf8))]).diagnostics
    #expect(diagnostics.map(\.id) == ["cel.type_mismatch"])
    #expect(diagnostics.first?.location.column == 8)
  }
}
