import Foundation
import Testing

@testable import EssenceCore

/// `Parallel.map` keeps input order whatever the threads do, and `beside` runs once alongside.
@Suite struct ParallelTests {
  @Test func mapKeepsInputOrder() {
    let numbers = Array(0..<1000)
    #expect(Parallel.map(numbers) { $0 * 3 } == numbers.map { $0 * 3 })
  }

  @Test func besideRunsOnceWhileTheMapRuns() {
    let numbers = Array(0..<64)
    var runs = 0
    let squares = Parallel.map(numbers, beside: { runs += 1 }) { $0 * $0 }
    #expect(squares == numbers.map { $0 * $0 })
    #expect(runs == 1)
  }

  /// The batches a report writes come out in order, each once, with the emitting overlapped.
  @Test(arguments: [0, 1, FindingBatches.size - 1, FindingBatches.size * 5 + 7])
  func findingBatchesEmitEveryRangeInOrder(count: Int) {
    var emitted = ""
    FindingBatches.write(count: count, { range in Array("\(range.lowerBound)..<\(range.upperBound) ".utf8) }) {
      emitted += String(decoding: $0, as: UTF8.self)
    }
    let expected = stride(from: 0, to: count, by: FindingBatches.size).map {
      "\($0)..<\(min($0 + FindingBatches.size, count)) "
    }
    #expect(emitted == expected.joined())
  }
}
