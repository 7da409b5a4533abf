import Testing

@testable import EssenceCore

/// Judging's slices cover the log once, in order, and shrink towards its end, so the threads
/// that take them finish close together.
@Suite struct JudgingSlicesTests {
  @Test(arguments: [(0, 2), (4095, 2), (1_000_000, 1)])
  func a_small_log_or_one_thread_is_one_slice(count: Int, threads: Int) {
    #expect(Engine.slices(of: count, threads: threads) == [0..<count])
  }

  @Test(arguments: [(4096, 2), (100_000, 2), (1_000_000, 2), (1_000_003, 4), (5_000_000, 8)])
  func slices_cover_the_log_in_order_and_shrink(count: Int, threads: Int) {
    let slices = Engine.slices(of: count, threads: threads)
    #expect(slices.first?.lowerBound == 0)
    #expect(slices.last?.upperBound == count)
    #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.count >= $1.count })
    // The first is at most half a thread's share; the last are short, and there are not many.
    #expect(slices[0].count <= max(2048, count / (2 * threads)))
    #expect(slices.last!.count <= max(2048, count / 128))
    #expect(slices.count >= 2 && slices.count <= 160)
  }
}
