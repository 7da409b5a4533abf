import CEL
import Dispatch
import Foundation

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
    if threads == 1 {
      // One thread parses straight into the log: no partial logs to join.
      var block = PaddedBuffer(capacity: blockSize)
      defer { block.deallocate() }
      let before = log.events.count
      while let job = try lines.fill(&block) {
        readers[0].parse(block.bytes.baseAddress, job.length, job.firstLine, &log)
        if job.firstLine == 1, let size = input.size {
          reserve(&log, events: log.events.count - before, readSoFar: lines.bytesRead, of: size)
        }
      }
      return
    }
    let pipeline = Pipeline(readers: readers, slots: threads * blocksPerThread + 1, blockSize: blockSize)
    defer { pipeline.deallocate() }
    try pipeline.run(&lines, size: input.size, into: &log)
  }

  /// A block of whole lines to parse: its length and the number of its first line.
  typealias Job = (length: Int, firstLine: Int)

  /// Blocks read in order on the calling thread, parsed on worker threads (one reader each)
  /// as soon as a worker is free, and joined to the log in order, on the calling thread, as
  /// soon as each is parsed.
  ///
  /// Nothing waits for a whole batch of blocks: with batches, every batch ended with the cores
  /// waiting for its slowest block. Unchecked: a slot's block and partial log are touched by
  /// the calling thread only while no worker holds the slot (before it is queued, after its
  /// `parsed` signal), and each worker touches only its own reader.
  private final class Pipeline: @unchecked Sendable {
    private let readers: UnsafeMutableBufferPointer<JSONLinesReader>
    private let blocks: UnsafeMutableBufferPointer<PaddedBuffer>
    private let partials: UnsafeMutableBufferPointer<PartialLog>
    private let parsed: [DispatchSemaphore]
    private let queue = JobQueue()

    init(readers: [JSONLinesReader], slots: Int, blockSize: Int) {
      self.readers = .allocate(capacity: readers.count)
      _ = self.readers.initialize(from: readers)
      blocks = .allocate(capacity: slots)
      _ = blocks.initialize(from: (0..<slots).map { _ in PaddedBuffer(capacity: blockSize) })
      partials = .allocate(capacity: slots)
      _ = partials.initialize(from: (0..<slots).map { _ in PartialLog() })
      parsed = (0..<slots).map { _ in DispatchSemaphore(value: 0) }
    }

    func deallocate() {
      for block in blocks { block.deallocate() }
      for partial in partials { partial.deallocate() }
      readers.deinitialize().deallocate()
      blocks.deinitialize().deallocate()
      partials.deinitialize().deallocate()
    }

    /// Reads, parses and joins every block of `lines`; a read error is thrown once the blocks
    /// in flight are parsed.
    func run(_ lines: inout LineBlockReader, size: Int?, into log: inout EventLog) throws(LogReadError) {
      let workers = DispatchGroup()
      for w in readers.indices {
        DispatchQueue.global().async(group: workers) { self.work(w) }
      }
      var free = Array(blocks.indices.reversed())
      var inFlight: [Int] = []  // oldest first
      var failure: LogReadError?
      var atEnd = false
      var first = true
      var firstLength = 0
      while true {
        while !atEnd, failure == nil, let slot = free.last {
          do throws(LogReadError) {
            guard let job = try lines.fill(&blocks[slot]) else {
              atEnd = true
              break
            }
            free.removeLast()
            inFlight.append(slot)
            if first && inFlight.count == 1 { firstLength = job.length }
            queue.push((slot, job))
          } catch {
            failure = error
          }
        }
        guard !inFlight.isEmpty else { break }
        let slot = inFlight.removeFirst()
        parsed[slot].wait()
        if first, let size {
          JSONLinesFile.reserve(&log, events: partials[slot].acceptedCount, readSoFar: firstLength, of: size)
          first = false
        }
        partials[slot].move(into: &log)
        free.append(slot)
      }
      for _ in readers.indices { queue.push(nil) }
      workers.wait()
      if let failure { throw failure }
    }

    /// Worker `w`: parses queued blocks with reader `w` until told to stop.
    private func work(_ w: Int) {
      while let (slot, job) = queue.pop() {
        readers[w].parse(blocks[slot].bytes.baseAddress, job.length, job.firstLine, &partials[slot])
        parsed[slot].signal()
      }
    }
  }

  /// Blocks waiting for a worker, in the order they were read; nil tells a worker to stop.
  private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let available = DispatchSemaphore(value: 0)
    private var jobs: [(slot: Int, job: Job)?] = []
    private var next = 0

    func push(_ item: (slot: Int, job: Job)?) {
      lock.withLock { jobs.append(item) }
      available.signal()
    }

    func pop() -> (slot: Int, job: Job)? {
      available.wait()
      return lock.withLock {
        let item = jobs[next]
        next += 1
        if next == jobs.count { (jobs, next) = ([], 0) }
        return item
      }
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
