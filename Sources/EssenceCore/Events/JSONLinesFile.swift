import CEL

/// Reads a JSON Lines file or standard input: blocks of whole lines are parsed on several
/// threads at once, then joined in input order.
///
/// Reading is the volume path (SPEC §2: a million-event log is ordinary), and parsing one
/// block does not depend on another once its first line number is known, which counting
/// newlines tells before parsing. Each thread has its own `JSONLinesReader`; the joined log
/// is the one a single thread would build, `index` and line numbers included.
enum JSONLinesFile {
  /// Bytes per block at first; a longer line grows its block.
  static let blockSize = 1 << 20
  /// Blocks in flight per parsing thread, and one more: each thread parses one while another
  /// waits, read, for the next free thread, and parsed blocks wait to be joined in order. Each
  /// block costs its bytes and a partial log.
  static let blocksPerThread = 2

  /// Reads every line of `input` with `threads` threads, appending to `log`; records keep the
  /// fields in `keeping` (nil: every field).
  static func read(
    _ input: LogInput, layout: RecordLayout, keeping: Set<String>? = nil, threads: Int,
    blockSize: Int = blockSize, into log: inout EventLog
  ) throws(LogReadError) {
    let threads = max(1, threads)
    var readers: [JSONLinesReader] = []
    for _ in 0..<threads {
      guard let reader = JSONLinesReader(layout: layout, keeping: keeping, path: input.path) else {
        throw .unreadable(path: input.path, reason: "out of memory")
      }
      readers.append(reader)
    }
    var lines = LineBlockReader(input)
    try readBlocks(&lines, readers: readers, blockSize: blockSize, size: input.size, into: &log)
  }

  /// A block of whole lines to parse: its length and the number of its first line.
  typealias Job = (length: Int, firstLine: Int)

  /// A block in flight: its bytes, and the events parsed from them.
  private struct Slot {
    var block: PaddedBuffer
    var partial = PartialLog()
  }

  /// Reads blocks in order, parses each on the first free thread (one reader per thread), and
  /// joins each to the log, in order, as soon as it is parsed (`OrderedPipeline`). With one
  /// reader the calling thread, the pipeline's last worker, reads, parses and joins each block
  /// in turn, in one slot.
  private static func readBlocks(
    _ lines: inout LineBlockReader, readers: [JSONLinesReader], blockSize: Int, size: Int?,
    into log: inout EventLog
  ) throws(LogReadError) {
    // Worker `w` touches only reader `w`, each parsing thread its slot's block and partial log.
    let shared = CacheLineSlots(count: readers.count) { readers[$0] }
    let slots = CacheLineSlots(count: readers.count > 1 ? readers.count * blocksPerThread + 1 : 1) { _ in
      Slot(block: PaddedBuffer(capacity: blockSize))
    }
    defer {
      for i in slots.indices { slots[i].pointee.block.deallocate() }
      slots.deallocate()
      shared.deallocate()
    }
    var firstLength: Int?
    var reserved = false
    try OrderedPipeline.run(
      slots: slots, workers: readers.count,
      make: { (slot: inout Slot) throws(LogReadError) -> Job? in
        let job = try lines.fill(&slot.block)
        if firstLength == nil { firstLength = job?.length }
        return job
      },
      work: { w, job, slot in
        let bytes = slot.pointee.block.bytes.baseAddress
        shared[w].pointee.parse(bytes, job.length, job.firstLine, &slot.pointee.partial)
      },
      take: { slot in
        if !reserved, let size, let length = firstLength {
          reserve(&log, events: slot.partial.acceptedCount, readSoFar: length, of: size)
          reserved = true
        }
        slot.partial.move(into: &log)
      })
  }

  /// Makes room for the events the file will likely hold, judging by the `events` of the first
  /// `readSoFar` bytes: growing a million-event array by doubling would copy it and leave
  /// half unused.
  private static func reserve(_ log: inout EventLog, events: Int, readSoFar: Int, of size: Int) {
    guard readSoFar > 0, size > readSoFar else { return }
    let expected = Int(Double(size) * Double(events) / Double(readSoFar) * 1.01)
    log.reserveCapacity(log.events.count + expected)
  }
}
