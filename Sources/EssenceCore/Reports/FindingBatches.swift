/// Findings written a batch at a time: batches are written on every core as they come free,
/// and their bytes are handed on in order, so memory stays bounded and the output is the same
/// on any machine.
enum FindingBatches {
  /// Findings per batch. A batch of 1,024 is under 1 MB of JSON, and at most two per core and
  /// one more are in memory at once; batches of 4,096 made a million-event run's peak 8 MB
  /// higher for no speed.
  static let size = 1024

  /// Splits `0..<count` into batches, has `write` append each batch's text to an empty buffer
  /// on every core, and passes the buffer's bytes to `emit`, in order, as soon as the batch is
  /// written (`OrderedPipeline`), in place: emitting is a report's system calls (over 100 MB for a
  /// million-event log going to a file), and they go on while the cores write the next
  /// batches. The buffers are kept from batch to batch: allocating one per batch on each core
  /// grew a million-event run's peak by 8 MB.
  static func write(
    count: Int, _ write: @Sendable (Range<Int>, inout TextBuffer) -> Void, emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let width = Parallel.width
    guard count >= size, width > 1 else {
      var text = TextBuffer(capacity: 1 << 16)
      for start in stride(from: 0, to: count, by: size) {
        text.removeAll()
        write(start..<min(start + size, count), &text)
        text.withBytes(from: 0, emit)
      }
      return
    }
    let slots = UnsafeMutableBufferPointer<TextBuffer>.allocate(capacity: 2 * width + 1)
    for i in slots.indices { slots.initializeElement(at: i, to: TextBuffer(capacity: size * 512)) }
    defer { slots.deinitialize().deallocate() }
    var next = 0
    OrderedPipeline.run(
      slots: slots, workers: width,
      make: { (_: inout TextBuffer) -> Range<Int>? in
        guard next < count else { return nil }
        defer { next += size }
        return next..<min(next + size, count)
      },
      work: { _, range, text in
        text.pointee.removeAll()
        write(range, &text.pointee)
      },
      take: { text in text.withBytes(from: 0, emit) })
  }
}
