import CEL
import Dispatch

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
  /// Blocks per batch and thread: the threads take blocks as they come free, so a thread the
  /// system holds back does not hold the batch back as much.
  static let blocksPerThread = 4

  /// Reads every line of `input` with `threads` threads, appending to `log`; records keep the
  /// fields in `keeping` (nil: every field).
  static func read(
    _ input: LogInput, layout: RecordLayout, keeping: Set<String>? = nil, threads: Int,
    blockSize: Int = blockSize, into log: inout EventLog
  ) throws(LogReadError) {
    let threads = max(1, threads)
    let slots = threads == 1 ? 1 : threads * blocksPerThread
    var readers: [JSONLinesReader] = []
    for _ in 0..<slots {
      guard let reader = JSONLinesReader(layout: layout, keeping: keeping, path: input.path) else {
        throw .unreadable(path: input.path, reason: "out of memory")
      }
      readers.append(reader)
    }
    var blocks = (0..<slots).map { _ in PaddedBuffer(capacity: blockSize) }
    defer { for block in blocks { block.deallocate() } }
    var lines = LineBlockReader(input)
    if threads == 1 {
      // One thread parses straight into the log: no partial logs to join.
      let before = log.events.count
      while let job = try lines.fill(&blocks[0]) {
        readers[0].parse(blocks[0].bytes.baseAddress, job.length, job.firstLine, &log)
        if job.firstLine == 1, let size = input.size {
          reserve(&log, events: log.events.count - before, readSoFar: lines.bytesRead, of: size)
        }
      }
      return
    }
    // Blocks parse into `current` while the previous batch, in `previous`, joins the log.
    var current = (0..<slots).map { _ in PartialLog() }
    var previous = (0..<slots).map { _ in PartialLog() }
    defer { for partial in current + previous { partial.deallocate() } }
    var pending = 0
    var first = true

    while true {
      var jobs: [(length: Int, firstLine: Int)] = []
      for i in 0..<slots {
        guard let job = try lines.fill(&blocks[i]) else { break }
        jobs.append(job)
      }
      run(jobs, &readers, blocks, into: &current, joining: &previous, pending, into: &log)
      if jobs.isEmpty { return }
      if first, let size = input.size {
        reserve(&log, events: current.reduce(0) { $0 + $1.acceptedCount }, readSoFar: lines.bytesRead, of: size)
      }
      first = false
      swap(&current, &previous)
      pending = jobs.count
    }
  }

  /// Parses block `i` with reader `i` into `partials[i]`, and meanwhile joins the first
  /// `pending` logs of `previous` to `log`, all concurrently.
  private static func run(
    _ jobs: [(length: Int, firstLine: Int)], _ readers: inout [JSONLinesReader], _ blocks: [PaddedBuffer],
    into partials: inout [PartialLog], joining previous: inout [PartialLog], _ pending: Int,
    into log: inout EventLog
  ) {
    readers.withUnsafeMutableBufferPointer { readers in
      partials.withUnsafeMutableBufferPointer { partials in
        previous.withUnsafeMutableBufferPointer { previous in
          withUnsafeMutablePointer(to: &log) { log in
            let batch = Batch(
              readers: readers, partials: partials, blocks: blocks, jobs: jobs,
              previous: UnsafeMutableBufferPointer(rebasing: previous[0..<pending]), log: log)
            let tasks = jobs.count + (pending > 0 ? 1 : 0)
            if tasks == 1 {
              batch.run(0)
            } else if tasks > 1 {
              DispatchQueue.concurrentPerform(iterations: tasks) { batch.run($0) }
            }
          }
        }
      }
    }
  }

  /// One batch of blocks. Unchecked: task `i` touches only element `i` of `readers` and
  /// `partials` and only reads block `i`; the last task alone touches `previous` and `log`;
  /// the batch ends before the buffers do.
  private struct Batch: @unchecked Sendable {
    let readers: UnsafeMutableBufferPointer<JSONLinesReader>
    let partials: UnsafeMutableBufferPointer<PartialLog>
    let blocks: [PaddedBuffer]
    let jobs: [(length: Int, firstLine: Int)]
    let previous: UnsafeMutableBufferPointer<PartialLog>
    let log: UnsafeMutablePointer<EventLog>

    func run(_ i: Int) {
      if i < jobs.count {
        readers[i].parse(blocks[i].bytes.baseAddress, jobs[i].length, jobs[i].firstLine, &partials[i])
      } else {
        for j in previous.indices { previous[j].move(into: &log.pointee) }
      }
    }
  }

  /// Makes room for the events the file will likely hold, judging by the `events` of the first
  /// `readSoFar` bytes: growing a million-event array by doubling would copy it and leave
  /// half unused.
  private static func reserve(_ log: inout EventLog, events: Int, readSoFar: Int, of size: Int) {
    guard readSoFar > 0, size > readSoFar else { return }
    let expected = Int(Double(size) * Double(events) / Double(readSoFar) * 1.01)
    log.events.reserveCapacity(log.events.count + expected)
  }
}
