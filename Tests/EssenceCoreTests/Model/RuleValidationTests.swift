import EssenceCore
import Testing
import _EssenceTestSupport

/// The rule checks of SPEC §1 "Validation": a deviation after one with the same `when`, and a
/// `limit` the letter already decides (it can never hold once `expect` is broken).
@Suite struct RuleValidationTests {
  static func file(expect: String, limit: String, secondWhen: String = "event.reason == 'other'") -> String {
    """
    essence: 1
    team: desk
    purpose: p
    fields: {x: number, y: number, reason: string}
    standards:
      - id: s
        title: t
        on: e
        expect: \(expect)
        rationale: r
        deviations:
          - id: first
            when: event.reason == 'busy'
            limit: \(limit)
            serves: s
          - id: second
            when: \(secondWhen)
            serves: s
    """
  }

  static func ids(_ text: String) -> [String] {
    StandardsLoader.load(sources: [("r.yaml", Array(text.utf8))]).diagnostics.map(\.id)
  }

  struct LimitCase: Sendable, CustomTestStringConvertible {
    var expect: String
    var limit: String
    var redundant: Bool
    var testDescription: String { "\(expect) / \(limit)" }
  }

  static let limits: [LimitCase] = [
    .init(expect: "event.x <= 45", limit: "event.x <= 120", redundant: false),
    .init(expect: "event.x <= 45", limit: "event.x <= 45", redundant: true),
    .init(expect: "event.x <= 45", limit: "event.x <= 30", redundant: true),
    .init(expect: "event.x <= 45", limit: "event.x < 46", redundant: false),
    .init(expect: "event.x < 45", limit: "event.x <= 45", redundant: false),
    .init(expect: "event.x < 45", limit: "event.x < 45", redundant: true),
    .init(expect: "event.x >= 10", limit: "event.x >= 5", redundant: false),
    .init(expect: "event.x >= 10", limit: "event.x > 10", redundant: true),
    .init(expect: "event.x > 10", limit: "event.x >= 10", redundant: false),
    .init(expect: "45 >= event.x", limit: "event.x <= 30", redundant: true),
    .init(expect: "event.x <= 45", limit: "30 >= event.x", redundant: true),
    .init(expect: "event.x <= 45", limit: "event.x >= 50", redundant: false),
    .init(expect: "event.x <= 45", limit: "event.y <= 10", redundant: false),
    .init(expect: "event.x <= 4.5", limit: "event.x <= 4", redundant: true),
    .init(expect: "event.x<=45 && event.y<2", limit: "event.x <= 45 && event.y < 2", redundant: true),
  ]

  @Test(arguments: limits)
  func aLimitTheLetterDecidesIsFlagged(_ c: LimitCase) {
    let found = Self.ids(Self.file(expect: c.expect, limit: c.limit)).contains("rule.redundant_limit")
    #expect(found == c.redundant)
  }

  @Test func aDeviationAfterOneWithTheSameWhenIsUnreachable() {
    #expect(
      Self.ids(Self.file(expect: "event.x <= 45", limit: "event.x <= 90", secondWhen: "event.reason=='busy'"))
        == ["rule.unreachable_deviation"])
    #expect(Self.ids(Self.file(expect: "event.x <= 45", limit: "event.x <= 90")) == [])
  }

  @Test func anExplicitEmptyListSaysNoDeviationServesThePurpose() {
    let base =
      "essence: 1\nteam: d\npurpose: p\nfields: {x: number}\nstandards:\n  - {id: s, title: t, on: e, expect: event.x < 1, rationale: r"
    #expect(Self.ids(base + "}\n") == ["rule.no_deviations"])
    #expect(Self.ids(base + ", deviations: []}\n") == [])
  }
}
