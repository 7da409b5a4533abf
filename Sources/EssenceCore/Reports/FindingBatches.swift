/// Findings written a batch at a time: each round gives every core a batch, and the batches'
/// bytes are handed on in order, so memory stays bounded and the output is the same on any
/// machine.
enum FindingBatches {
  /// Findings per batch.
  static let size = 4096

  /// Splits `0..<count` into batches, writes each round of them in parallel with `write`, and
  /// passes what each batch wrote to `emit`, in order.
  static func write(count: Int, _ write: @Sendable (Range<Int>) -> [UInt8], emit: ([UInt8]) -> Void) {
    var position = 0
    while position < count {
      var ranges: [Range<Int>] = []
      for _ in 0..<Parallel.width where position < count {
        let end = min(position + size, count)
        ranges.append(position..<end)
        position = end
      }
      for part in Parallel.map(ranges, worthIt: count >= size, write) { emit(part) }
    }
  }
}
