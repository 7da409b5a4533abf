/// Findings written a batch at a time: batches are written on every core as they come free,
/// and their bytes are handed on in order, so memory stays bounded and the output is the same
/// on any machine.
enum FindingBatches {
  /// Findings per batch. A batch of 1,024 is under 1 MB of JSON, and at most two per core and
  /// one more are in memory at once; batches of 4,096 made a million-event run's peak 8 MB
  /// higher for no speed.
  static let size = 1024

  /// Splits `0..<count` into batches, writes them with `write` on every core, and passes what
  /// each batch wrote to `emit`, in order, as soon as it is written (`OrderedPipeline`):
  /// emitting is a report's system calls (over 100 MB for a million-event log going to a
  /// file), and they go on while the cores write the next batches.
  static func write(count: Int, _ write: @Sendable (Range<Int>) -> [UInt8], emit: ([UInt8]) -> Void) {
    let width = Parallel.width
    guard count >= size, width > 1 else {
      for start in stride(from: 0, to: count, by: size) { emit(write(start..<min(start + size, count))) }
      return
    }
    let slots = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: 2 * width + 1)
    slots.initialize(repeating: [])
    defer { slots.deinitialize().deallocate() }
    var next = 0
    OrderedPipeline.run(
      slots: slots, workers: width,
      make: { _ in
        guard next < count else { return nil }
        defer { next += size }
        return next..<min(next + size, count)
      },
      work: { _, range, slot in slot.pointee = write(range) },
      take: { bytes in
        emit(bytes)
        bytes = []
      })
  }
}
