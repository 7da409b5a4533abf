import Foundation
import Synchronization
import Testing

@testable import EssenceCore

/// `Parallel.map` and `OrderedPipeline` keep input order whatever the threads do.
@Suite struct ParallelTests {
  @Test func mapKeepsInputOrder() {
    let numbers = Array(0..<1000)
    #expect(Parallel.map(numbers) { $0 * 3 } == numbers.map { $0 * 3 })
  }

  /// Each thread makes its state once, however many elements it takes, and results keep
  /// input order.
  @Test func eachThreadMakesItsStateOnce() {
    let made = Mutex(0)
    let numbers = Array(0..<1000)
    let results = Parallel.map(numbers, eachThread: { _ in made.withLock { $0 += 1 } }) { _, n in n * 3 }
    #expect(results == numbers.map { $0 * 3 })
    #expect(made.withLock { $0 } <= Parallel.width)
  }

  /// The batches a report writes come out in order, each once, with the emitting overlapped.
  @Test(arguments: [0, 1, 2, 37])
  func findingBatchesEmitEveryRangeInOrder(count: Int) {
    let batches = (0..<count).map { $0 * 100..<($0 * 100 + $0 % 5 + 1) }
    var emitted = ""
    FindingBatches.write(batches, { range, text in text.append("\(range.lowerBound)..<\(range.upperBound) ") }) {
      emitted += String(decoding: $0, as: UTF8.self)
    }
    #expect(emitted == batches.map { "\($0.lowerBound)..<\($0.upperBound) " }.joined())
  }

  /// Items come back in the order made, each once, however long each takes to work on.
  @Test(arguments: [1, 2, 5]) func pipelineTakesItemsInTheOrderMade(workers: Int) {
    var taken: [Int] = []
    run(items: 200, workers: workers) { _, item, slot in
      usleep(UInt32(item % 7) * 100)  // later items often finish first
      slot.pointee = item * 10
    } take: { taken.append($0) }
    #expect(taken == (1...200).map { $0 * 10 })
  }

  /// The calling thread is one of the workers: it works on items while it waits for the one
  /// to take next, as the last worker, so a pipeline of one worker runs on the calling thread
  /// alone and no worker's number reaches `workers`.
  @Test(arguments: [1, 2, 3]) func callingThreadIsTheLastWorker(workers: Int) {
    let caller = pthread_self()
    run(items: 100, workers: workers) { worker, _, slot in
      let onCaller = pthread_equal(pthread_self(), caller) != 0
      // The worker's number, negated when it ran on the calling thread.
      slot.pointee = onCaller ? -1 - worker : worker
      usleep(200)
    } take: { worker in
      #expect(worker < workers)
      if worker < 0 { #expect(-1 - worker == workers - 1) }
      if workers == 1 { #expect(worker == -1) }
    }
  }

  /// Runs a pipeline over the items 1 through `items`, with two slots per worker and one more.
  private func run(
    items: Int, workers: Int, work: @Sendable (Int, Int, UnsafeMutablePointer<Int>) -> Void,
    take: (Int) -> Void
  ) {
    let slots = CacheLineSlots(count: 2 * workers + 1) { _ in 0 }
    defer { slots.deallocate() }
    var made = 0
    OrderedPipeline.run(
      slots: slots, workers: workers,
      make: { (_: inout Int) -> Int? in
        guard made < items else { return nil }
        made += 1
        return made
      },
      work: work, take: { take($0) })
  }

  struct Unreadable: Error {}

  /// When making an item fails, the items already made are worked on and taken, then the
  /// error comes out.
  @Test func pipelineFinishesWhatWasMadeBeforeAFailure() {
    let slots = CacheLineSlots(count: 5) { _ in 0 }
    defer { slots.deallocate() }
    var made = 0
    var taken: [Int] = []
    #expect(throws: Unreadable.self) {
      try OrderedPipeline.run(
        slots: slots, workers: 2,
        make: { (_: inout Int) throws(Unreadable) -> Int? in
          guard made < 12 else { throw Unreadable() }
          made += 1
          return made
        },
        work: { _, item, slot in slot.pointee = item },
        take: { taken.append($0) })
    }
    #expect(taken == Array(1...12))
  }
}
