import Foundation
import Testing
import _EssenceTestSupport

/// `--threads N`: how many threads read and judge; the report must not depend on it.
@Suite struct ThreadsOptionTests {
  static let root = EvaluateCommandTests.root
  static let log = "Tests/EssenceCoreTests/Fixtures/engine/shift-5000-seed13.jsonl"
  static let bench = sharedPath("bench/standards/bench.yaml", from: root)

  /// The JSON report of the golden log with `threads` threads.
  static func report(threads: Int, standards: String) throws -> CLIResult {
    try runEssence(
      ["evaluate", "--standards", standards, log, "--format", "json", "--threads", String(threads)], in: root)
  }

  @Test(.enabled(if: bench != nil, "needs ../shared/bench/standards/bench.yaml"))
  func oneAndTwoThreadsGiveTheSameBytes() throws {
    let standards = try #require(Self.bench)
    let one = try Self.report(threads: 1, standards: standards)
    let two = try Self.report(threads: 2, standards: standards)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(two.status == 0, "\(two.stderr)")
    // 5,000 events: enough for the engine to cut the log into pieces (4,096 or more).
    let report = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
    #expect((report?["events"] as? [String: Any])?["read"] as? Int == 5000)
    #expect(one.stdout == two.stdout)
  }

  @Test func zeroThreadsIsAUsageError() throws {
    let result = try runEssence(
      ["evaluate", "--standards", EvaluateCommandTests.standards, EvaluateCommandTests.log, "--threads", "0"],
      in: Self.root)
    #expect(result.status == 64)
    #expect(result.stderr.contains("'--threads' expects a positive number"))
  }
}
