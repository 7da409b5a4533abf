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
  /// Blocks per batch and thread: the threads take blocks as they come free, so a thread the
  /// system holds back does not hold the batch back as much. Each block costs its bytes twice
  /// (the batch parsing and the next one being read) and a partial log: two per thread read a
  /// million events as fast as four did, and a log of 100,000 events with 15 MB less.
  static let blocksPerThread = 2

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
    // Blocks parse into `current` while the previous batch, in `previous`, joins the log and
    // the next batch is read into `spare`: reading a batch from the file is the one part that
    // must go in order, so it runs beside the parsing rather than between batches.
    var current = (0..<slots).map { _ in PartialLog() }
    var previous = (0..<slots).map { _ in PartialLog() }
    var spare = (0..<slots).map { _ in PaddedBuffer(capacity: blockSize) }
    defer {
      for partial in current + previous { partial.deallocate() }
      for block in spare { block.deallocate() }
    }
    var pending = 0
    var first = true
    var jobs = try fill(&blocks, from: &lines)

    while true {
      if jobs.isEmpty {
        run(jobs, threads: threads, &readers, blocks, into: &current, joining: &previous, pending, into: &log, filling: nil)
        return
      }
      var next = Result<[Job], LogReadError>.success([])
      withUnsafeMutablePointer(to: &spare) { spare in
        withUnsafeMutablePointer(to: &lines) { lines in
          withUnsafeMutablePointer(to: &next) { next in
            run(
              jobs, threads: threads, &readers, blocks, into: &current, joining: &previous, pending, into: &log,
              filling: (spare, lines, next))
          }
        }
      }
      if first, let size = input.size {
        let readSoFar = jobs.reduce(0) { $0 + $1.length }
        reserve(&log, events: current.reduce(0) { $0 + $1.acceptedCount }, readSoFar: readSoFar, of: size)
      }
      first = false
      swap(&current, &previous)
      swap(&blocks, &spare)
      pending = jobs.count
      jobs = try next.get()
    }
  }

  /// A block of whole lines to parse: its length and the number of its first line.
  typealias Job = (length: Int, firstLine: Int)

  /// Reads the next lines of `lines` into `blocks`, one job per block, fewer at the end.
  private static func fill(_ blocks: inout [PaddedBuffer], from lines: inout LineBlockReader) throws(LogReadError) -> [Job] {
    var jobs: [Job] = []
    for i in blocks.indices {
      guard let job = try lines.fill(&blocks[i]) else { break }
      jobs.append(job)
    }
    return jobs
  }

  /// Parses block `i` with reader `i` into `partials[i]`, and meanwhile joins the first
  /// `pending` logs of `previous` to `log` and, when `filling` is given, reads the next jobs
  /// into its blocks, all concurrently.
  private static func run(
    _ jobs: [Job], threads: Int, _ readers: inout [JSONLinesReader], _ blocks: [PaddedBuffer],
    into partials: inout [PartialLog], joining previous: inout [PartialLog], _ pending: Int,
    into log: inout EventLog,
    filling: (blocks: UnsafeMutablePointer<[PaddedBuffer]>, lines: UnsafeMutablePointer<LineBlockReader>,
      next: UnsafeMutablePointer<Result<[Job], LogReadError>>)?
  ) {
    readers.withUnsafeMutableBufferPointer { readers in
      partials.withUnsafeMutableBufferPointer { partials in
        previous.withUnsafeMutableBufferPointer { previous in
          withUnsafeMutablePointer(to: &log) { log in
            let batch = Batch(
              readers: readers, partials: partials, blocks: blocks, jobs: jobs,
              previous: UnsafeMutableBufferPointer(rebasing: previous[0..<pending]), log: log,
              filling: filling.map { Batch.Filling(blocks: $0.blocks, lines: $0.lines, next: $0.next) })
            // `threads` parse; reading the next batch and joining the last are light, and run
            // beside them.
            let tasks = jobs.count + (pending > 0 ? 1 : 0) + (filling == nil ? 0 : 1)
            Parallel.forEach(tasks, workers: threads + 1) { batch.run($0) }
          }
        }
      }
    }
  }

  /// One batch of blocks. Unchecked: task `i` touches only element `i` of `readers` and
  /// `partials` and only reads block `i`; the joining task alone touches `previous` and
  /// `log`, the filling task alone the spare blocks, the line reader and `next`; the batch
  /// ends before the buffers do.
  private struct Batch: @unchecked Sendable {
    struct Filling {
      let blocks: UnsafeMutablePointer<[PaddedBuffer]>
      let lines: UnsafeMutablePointer<LineBlockReader>
      let next: UnsafeMutablePointer<Result<[Job], LogReadError>>
    }

    let readers: UnsafeMutableBufferPointer<JSONLinesReader>
    let partials: UnsafeMutableBufferPointer<PartialLog>
    let blocks: [PaddedBuffer]
    let jobs: [Job]
    let previous: UnsafeMutableBufferPointer<PartialLog>
    let log: UnsafeMutablePointer<EventLog>
    let filling: Filling?

    /// Task 0 reads the next batch (when filling) and the next joins the previous one (when
    /// one is pending): those two start first, beside the parsing; the blocks come after.
    func run(_ task: Int) {
      var i = task
      if let filling {
        if i == 0 {
          filling.next.pointee = Result { () throws(LogReadError) in
            try JSONLinesFile.fill(&filling.blocks.pointee, from: &filling.lines.pointee)
          }
          return
        }
        i -= 1
      }
      if !previous.isEmpty {
        if i == 0 {
          for j in previous.indices { previous[j].move(into: &log.pointee) }
          return
        }
        i -= 1
      }
      readers[i].parse(blocks[i].bytes.baseAddress, jobs[i].length, jobs[i].firstLine, &partials[i])
    }
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
