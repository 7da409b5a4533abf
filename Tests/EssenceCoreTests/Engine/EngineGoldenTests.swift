import EssenceCore
import Foundation
import Testing

/// Essence against the oracle (`bench/peers/reference.py`) on a generated shift log; see
/// `Fixtures/engine/README.md` for how both files were made.
@Suite struct EngineGoldenTests {
  static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = package.appendingPathComponent("Tests/EssenceCoreTests/Fixtures/engine")
  static let bench = package.appendingPathComponent("../shared/bench/standards/bench.yaml").standardized.path

  @Test(.enabled(if: FileManager.default.fileExists(atPath: bench), "needs ../shared/bench/standards/bench.yaml"))
  func matches_the_reference_peer() throws {
    let (set, diagnostics) = StandardsLoader.load(paths: [Self.bench])
    let standards = try #require(set, "\(diagnostics)")
    let logPath = Self.fixtures.appendingPathComponent("shift-5000-seed13.jsonl").path
    let log = try LogReader.read(paths: [logPath], layout: standards.layout)
    let evaluation = Engine(set: standards).evaluate(log)

    let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("reference-5000-seed13.json"))
    let golden = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(golden["events"] as? [String: Int])
    #expect(evaluation.events.read == events["read"])
    #expect(evaluation.events.evaluated == events["evaluated"])
    #expect(evaluation.events.rejected == events["rejected"])
    #expect(evaluation.events.unjudged == events["unjudged"])

    let summary = try #require(golden["summary"] as? [String: Any])
    #expect(counts(evaluation.summary.byVerdict) == summary["by_verdict"] as? [String: Int])
    let byRule = try #require(summary["by_rule"] as? [String: [String: Int]])
    #expect(
      evaluation.summary.byRule.map(\.rule) == [
        "lunch-return", "answer-speed", "warm-greeting", "call-wrap",
        "first-response", "quick-close", "customer-in-distress", "passing-off-complaints",
      ])
    for entry in evaluation.summary.byRule {
      #expect(counts(entry.counts) == byRule[entry.rule], "\(entry.rule)")
    }

    // Every non-met finding, in order: the same event, rule, verdict and deviation.
    let findings = try #require(golden["findings"] as? [[String: Any]])
    let want = findings.map { f in
      "\(f["event"] ?? "") \(f["rule"] ?? "") \(f["verdict"] ?? "") \(f["deviation"] ?? "-") \(f["time"] ?? "")"
    }
    let got = evaluation.findings.map {
      "\($0.event) \($0.rule) \($0.verdict.rawValue) \($0.deviation ?? "-") \($0.time)"
    }
    #expect(got.count == want.count)
    for (g, w) in zip(got, want) where g != w {
      Issue.record("first difference: got '\(g)', want '\(w)'")
      break
    }
  }

  private func counts(_ counts: VerdictCounts) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: counts.nonZero.map { ($0.verdict.rawValue, $0.count) })
  }
}
