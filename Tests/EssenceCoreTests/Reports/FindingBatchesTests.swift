import Foundation
import Testing

@testable import EssenceCore

/// Report batches are cut where findings move on to a later block of the log, so two threads
/// rarely write lines of one block at once; every finding is in one batch, in order.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: EngineGoldenTests.bench), "needs ../shared/bench"))
struct FindingBatchesTests {
  /// The 5,000-event fixture judged by the benchmark set, read in blocks of `blockSize` bytes,
  /// with its `met` findings.
  private func evaluation(blockSize: Int) throws -> (Evaluation, EventList) {
    let (set, diagnostics) = StandardsLoader.load(paths: [EngineGoldenTests.bench])
    let standards = try #require(set, "\(diagnostics)")
    let engine = Engine(set: standards)
    var log = engine.emptyLog()
    let path = EngineGoldenTests.fixtures.appendingPathComponent("shift-5000-seed13.jsonl").path
    try JSONLinesFile.read(LogInput(path: path), layout: standards.layout, threads: 2, blockSize: blockSize, into: &log)
    return (engine.evaluate(log, options: Engine.Options(includeMet: true)), log.events)
  }

  @Test func batches_are_cut_where_findings_move_on_to_a_later_block() throws {
    let (evaluation, events) = try evaluation(blockSize: 16 << 10)
    let findings = evaluation.findings
    func block(ofFindingAt position: Int) -> Int {
      events.blockPositions(containing: Int(findings.records[position].event)).lowerBound
    }
    let batches = FindingBatches.batches(of: findings, at: findings.indices)
    #expect(batches.count > 2)
    #expect(batches.flatMap { Array($0) } == Array(findings.indices))
    for batch in batches.dropLast() {
      #expect(batch.count >= FindingBatches.size && batch.count < FindingBatches.maximum)
      // The batch after starts in a later block than the batch's last finding is in.
      #expect(block(ofFindingAt: batch.upperBound) > block(ofFindingAt: batch.upperBound - 1))
    }
  }

  /// Findings of one block are cut at `maximum`, however many there are.
  @Test func batches_of_one_block_stop_at_the_maximum() throws {
    let (evaluation, events) = try evaluation(blockSize: 8 << 20)
    #expect(events.blockPositions(containing: 0) == events.indices)
    let positions = Array(repeating: evaluation.findings.indices, count: 4).joined()
    try #require(positions.count > 2 * FindingBatches.maximum)
    let batches = FindingBatches.batches(of: evaluation.findings, at: positions)
    #expect(batches.dropLast().allSatisfy { $0.count == FindingBatches.maximum })
    #expect(batches.last?.upperBound == positions.count)
  }
}
