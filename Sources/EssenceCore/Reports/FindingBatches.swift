/// Findings written a batch at a time: each round gives every core a batch, and the batches'
/// bytes are handed on in order, so memory stays bounded and the output is the same on any
/// machine.
enum FindingBatches {
  /// Findings per batch. Two rounds of batches are in memory at once (one written, one
  /// emitted); at 1,024 a round of two is under 1 MB of JSON, and 4,096 made a million-event
  /// run's peak 8 MB higher for no speed.
  static let size = 1024

  /// Splits `0..<count` into batches, writes each round of them in parallel with `write`, and
  /// passes what each batch wrote to `emit`, in order. A round's bytes are emitted while the
  /// next round is written: emitting is a report's system calls (over 100 MB for a
  /// million-event log going to a file), and the cores would otherwise wait for them.
  static func write(count: Int, _ write: @Sendable (Range<Int>) -> [UInt8], emit: ([UInt8]) -> Void) {
    let width = Parallel.width
    let rounds = stride(from: 0, to: count, by: size * width).map { start in
      stride(from: start, to: min(start + size * width, count), by: size).map { $0..<min($0 + size, count) }
    }
    guard count >= size, width > 1 else {
      for range in rounds.joined() { emit(write(range)) }
      return
    }
    var written: [[UInt8]] = []
    for round in rounds {
      let previous = written
      written = Parallel.map(round, beside: { for part in previous { emit(part) } }, write)
    }
    for part in written { emit(part) }
  }
}
