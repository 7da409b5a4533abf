import EssenceCore
import Testing

/// Windows are Go/CEL durations (SPEC §1: `90s`, `10m`, `1h30m`, `72h`), read to nanoseconds.
@Suite struct DurationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var nanoseconds: Int64?
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    .init(text: "90s", nanoseconds: 90_000_000_000), .init(text: "10m", nanoseconds: 600_000_000_000),
    .init(text: "1h30m", nanoseconds: 5_400_000_000_000), .init(text: "72h", nanoseconds: 259_200_000_000_000),
    .init(text: "1.5h", nanoseconds: 5_400_000_000_000), .init(text: "250ms", nanoseconds: 250_000_000),
    .init(text: "10us", nanoseconds: 10_000), .init(text: "10µs", nanoseconds: 10_000),
    .init(text: "7ns", nanoseconds: 7), .init(text: ".5s", nanoseconds: 500_000_000),
    .init(text: "1h0.5m1s", nanoseconds: 3_631_000_000_000), .init(text: "0", nanoseconds: 0),
    .init(text: "0.0000000001s", nanoseconds: 0),
    .init(text: "10", nanoseconds: nil), .init(text: "1d", nanoseconds: nil), .init(text: "-5m", nanoseconds: nil),
    .init(text: "m", nanoseconds: nil), .init(text: "5 m", nanoseconds: nil), .init(text: "", nanoseconds: nil),
    .init(text: "9999999999h", nanoseconds: nil),
  ]

  @Test(arguments: cases)
  func withinIsReadAsNanoseconds(_ c: Case) throws {
    let text = """
      essence: 1
      team: t
      purpose: p
      patterns:
        - {id: p, title: t, on: e, threshold: 2, within: "\(c.text)", rationale: r}
      """
    let result = StandardsLoader.load(sources: [("d.yaml", Array(text.utf8))])
    if let expected = c.nanoseconds {
      #expect(result.set?.files.first?.patterns.first?.withinNanos == expected)
      #expect(result.diagnostics.isEmpty)
    } else {
      #expect(result.set == nil)
      #expect(result.diagnostics.map(\.id) == ["schema.bad_duration"])
    }
  }
}
