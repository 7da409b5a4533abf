import Foundation
import Testing

@testable import EssenceCore

/// A log from ``Engine/emptyLog()`` is indexed as it is read; judging it must say exactly what
/// judging the same events read into a plain log says, whatever the format, the threads and
/// the blocks the reader used.
@Suite struct IndexedLogTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var standards: String
    var log: String
    var testDescription: String { "\(log) against \(standards)" }
  }

  static let cases = [
    Case(standards: "Standards", log: "Examples/support-desk/shift.jsonl"),
    Case(standards: "Standards", log: "Examples/support-desk/shift.csv"),
    Case(standards: "Standards", log: "Examples/clinic-reception/shift.yaml"),
    Case(standards: "Standards", log: "Examples/front-desk/shift.jsonl"),
    Case(standards: EngineGoldenTests.bench, log: "Tests/EssenceCoreTests/Fixtures/engine/shift-5000-seed13.jsonl"),
  ]

  @Test(
    .enabled(if: FileManager.default.fileExists(atPath: EngineGoldenTests.bench), "needs ../shared/bench"),
    arguments: cases)
  func judges_as_a_log_read_before(_ c: Case) throws {
    let set = try load(c.standards)
    let path = EngineGoldenTests.package.appendingPathComponent(c.log).path
    let engine = Engine(set: set)
    let expected = report(engine.evaluate(try LogReader(standards: set).read(paths: [path])))
    for threads in [1, 2, 3] {
      var reader = LogReader(standards: set)
      reader.threads = threads
      var log = engine.emptyLog()
      try reader.read(paths: [path], into: &log)
      #expect(report(engine.evaluate(log)) == expected, "\(threads) threads")
    }
  }

  /// Blocks smaller than the log, so several partial logs join the indexed log in turn.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: EngineGoldenTests.bench), "needs ../shared/bench"))
  func blocks_joined_in_turn_index_in_input_order() throws {
    let set = try load(EngineGoldenTests.bench)
    let path = EngineGoldenTests.fixtures.appendingPathComponent("shift-5000-seed13.jsonl").path
    let engine = Engine(set: set)
    let expected = report(engine.evaluate(try LogReader(standards: set).read(paths: [path])))
    var log = engine.emptyLog()
    try JSONLinesFile.read(
      LogInput(path: path), layout: set.layout, threads: 2, blockSize: 4096, into: &log)
    #expect(report(engine.evaluate(log)) == expected)
  }

  /// A log indexed for another engine (another set: other types, other lookups) is indexed
  /// again rather than trusted.
  @Test func another_engines_log_is_indexed_again() throws {
    let set = try load("Standards")
    let path = EngineGoldenTests.package.appendingPathComponent("Examples/support-desk/shift.jsonl").path
    var log = Engine(set: try load("Standards/front-desk.yaml")).emptyLog()
    try LogReader(standards: set).read(paths: [path], into: &log)
    let engine = Engine(set: set)
    let evaluation = engine.evaluate(log)
    #expect(evaluation.events.unjudged < evaluation.events.evaluated)
    #expect(report(evaluation) == report(engine.evaluate(try LogReader(standards: set).read(paths: [path]))))
  }

  private func load(_ path: String) throws -> StandardsSet {
    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : EngineGoldenTests.package.appendingPathComponent(path)
    let (set, diagnostics) = StandardsLoader.load(paths: [url.path])
    return try #require(set, "\(diagnostics)")
  }

  private func report(_ evaluation: Evaluation) -> String {
    JSONReporter().generateReport(evaluation)
  }
}
