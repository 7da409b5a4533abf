/// Findings written a batch at a time: batches are written on every core as they come free,
/// and their bytes are handed on in order, so memory stays bounded and the output is the same
/// on any machine.
enum FindingBatches {
  /// Findings per batch at least, but for the last: a batch of 1,024 is under 1 MB of JSON.
  static let size = 1024
  /// Findings per batch at most, whatever the blocks: at most two batches per core and one
  /// more are in memory at once.
  static let maximum = 8 * size

  /// Cuts the findings at `positions` (in report order) into batches, as ranges of offsets
  /// into `positions`: each of `size` findings or more (the last may be fewer) and at most
  /// `maximum`, cut where the findings' events move on to a later block of the log.
  ///
  /// A report line counts references on its event's block, and two cores counting on one
  /// object take turns for its cache line: batches of 1,024 findings, two or so to a block,
  /// made writing a million-event report take 1.5 times the CPU on two threads that it took on
  /// one. Cut at blocks, two threads rarely write lines of one block at once.
  static func batches(of findings: FindingList, at positions: some Collection<Int>) -> [Range<Int>] {
    var batches: [Range<Int>] = []
    var start = 0
    var blockEnd = Int.min
    for (offset, position) in positions.enumerated()
    where findings.eventPosition(ofFindingAt: position) >= blockEnd || offset - start >= maximum {
      if offset - start >= size {
        batches.append(start..<offset)
        start = offset
      }
      blockEnd = findings.eventBlock(ofFindingAt: position).upperBound
    }
    if start < positions.count { batches.append(start..<positions.count) }
    return batches
  }

  /// Has `write` append each batch's text to an empty buffer on every core, and passes the
  /// buffer's bytes to `emit`, in order, as soon as the batch is written (`OrderedPipeline`),
  /// in place: emitting is a report's system calls (over 100 MB for a million-event log going
  /// to a file), and they go on while the cores write the next batches. The buffers are kept
  /// from batch to batch: allocating one per batch on each core grew a million-event run's
  /// peak by 8 MB.
  static func write(
    _ batches: [Range<Int>], _ write: @Sendable (Range<Int>, inout TextBuffer) -> Void,
    emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    // On one thread the calling thread writes each batch itself (it is the pipeline's last
    // worker), into one buffer: no batch waits while another is written.
    let width = Parallel.width
    let slots = CacheLineSlots(count: min(width > 1 ? 2 * width + 1 : 1, batches.count)) { _ in
      TextBuffer(capacity: size * 512)
    }
    defer { slots.deallocate() }
    var next = batches.startIndex
    OrderedPipeline.run(
      slots: slots, workers: width,
      make: { (_: inout TextBuffer) -> Range<Int>? in
        guard next < batches.endIndex else { return nil }
        defer { next += 1 }
        return batches[next]
      },
      work: { _, range, text in
        text.pointee.removeAll()
        write(range, &text.pointee)
      },
      take: { text in text.withBytes(from: 0, emit) })
  }
}
