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
  static let blockSize = 1 << 22

  /// Reads every line of `input` with `threads` threads, appending to `log`.
  static func read(
    _ input: LogInput, layout: RecordLayout, threads: Int, blockSize: Int = blockSize,
    into log: inout EventLog
  ) throws(LogReadError) {
    let threads = max(1, threads)
    var readers: [JSONLinesReader] = []
    for _ in 0..<threads {
      guard let reader = JSONLinesReader(layout: layout) else {
        throw .unreadable(path: input.path, reason: "out of memory")
      }
      readers.append(reader)
    }
    var blocks = (0..<threads).map { _ in PaddedBuffer(capacity: blockSize) }
    defer { for block in blocks { block.deallocate() } }
    var partials = [EventLog](repeating: EventLog(), count: threads)
    var lines = LineBlockReader(input)
    let size = input.size
    var reserved = false

    while true {
      var jobs: [(length: Int, firstLine: Int)] = []
      for i in 0..<threads {
        guard let job = try lines.fill(&blocks[i]) else { break }
        jobs.append(job)
      }
      if jobs.isEmpty { return }
      parse(jobs, &readers, blocks, path: input.path, into: &partials)
      for i in jobs.indices {
        join(&partials[i], into: &log)
      }
      if !reserved, let size {
        reserve(&log, readSoFar: lines.bytesRead, of: size)
        reserved = true
      }
    }
  }

  /// Parses block `i` with reader `i`, each into its own partial log, concurrently.
  private static func parse(
    _ jobs: [(length: Int, firstLine: Int)], _ readers: inout [JSONLinesReader], _ blocks: [PaddedBuffer],
    path: String, into partials: inout [EventLog]
  ) {
    readers.withUnsafeMutableBufferPointer { readers in
      partials.withUnsafeMutableBufferPointer { partials in
        let batch = Batch(readers: readers, partials: partials, blocks: blocks, jobs: jobs, path: path)
        if jobs.count == 1 {
          batch.run(0)
        } else {
          DispatchQueue.concurrentPerform(iterations: jobs.count) { batch.run($0) }
        }
      }
    }
  }

  /// One batch of blocks. Unchecked: iteration `i` touches only element `i` of `readers` and
  /// `partials` and only reads block `i`, and the batch ends before the buffers do.
  private struct Batch: @unchecked Sendable {
    let readers: UnsafeMutableBufferPointer<JSONLinesReader>
    let partials: UnsafeMutableBufferPointer<EventLog>
    let blocks: [PaddedBuffer]
    let jobs: [(length: Int, firstLine: Int)]
    let path: String

    func run(_ i: Int) {
      readers[i].parse(blocks[i].bytes.baseAddress, jobs[i].length, jobs[i].firstLine, path, &partials[i])
    }
  }

  /// Appends a block's events and rejections, numbering the events on from the log's.
  private static func join(_ partial: inout EventLog, into log: inout EventLog) {
    for var event in partial.events {
      event.index = log.events.count
      log.events.append(event)
    }
    log.rejected.append(contentsOf: partial.rejected)
    partial.events.removeAll(keepingCapacity: true)
    partial.rejected.removeAll(keepingCapacity: true)
  }

  /// Makes room for the events the rest of the file will likely hold, judging by the blocks
  /// read so far: growing a million-event array by doubling would copy it and leave half unused.
  private static func reserve(_ log: inout EventLog, readSoFar: Int, of size: Int) {
    guard readSoFar > 0, size > readSoFar else { return }
    let perByte = Double(log.read) / Double(readSoFar)
    let expected = Int(Double(size - readSoFar) * perByte * 1.01)
    log.events.reserveCapacity(log.events.count + expected)
  }
}
