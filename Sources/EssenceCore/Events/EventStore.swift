import CEL
import Synchronization

/// A log's accepted events, kept a block at a time, most of a large log's blocks in a scratch
/// file.
///
/// A million-event log's records take more memory than the rest of a run together, yet judging
/// and reporting each read them in input order, a block at a time, and little at random (a
/// relation's `where`, the events a finding names). So once the blocks in memory pass a
/// budget, the longest held is written out (the first time) and let go, and read back when
/// asked for: a run holds the budget's blocks and, for every event, its time (which relations,
/// signals, patterns and the report's order read at random).
///
/// A block is a run of consecutive events sharing one storage (a reader's block of lines). Its
/// events are appended by one thread, before any is read; then any thread reads them.
final class EventStore: @unchecked Sendable {
  /// Bytes of blocks held in memory beyond which the longest held are written out.
  static let defaultBudget = 4 << 20

  /// Each event's instant, in input order. (Unchecked: appended to only before any thread
  /// reads the store.)
  @exclusivity(unchecked) private(set) var times = EventTimes()
  /// The first event of each block, then the count of events.
  @exclusivity(unchecked) private(set) var starts = [0]
  private let budget: Int

  private struct Block {
    /// The block, when in memory.
    var held: HeldBlock?
    /// Where the block was written in the scratch file, once it was: see `Written`.
    var written: Written?
    /// Memory the block takes when held.
    var bytes = 0
    /// The block cannot be written out (its storage keeps values with no byte form, or the
    /// scratch file could not be made or take it): it stays in memory.
    var kept = false
  }

  /// Where a block was written: from `offset`, its events' numbers, then its storage's parts,
  /// of the sizes given (kept here, so each part is read straight into the buffer that keeps
  /// it).
  private struct Written {
    let offset: Int
    let events: Int
    let sizes: RecordStorage.SpillSizes
    let layout: RecordLayout
  }

  /// The last block while events are appended to it. (Unchecked, as `times`: checking each
  /// access cost more than the rest of appending an event.)
  @exclusivity(unchecked) private var open: (storage: RecordStorage, numbers: [Event.Numbers])?
  /// What the lock guards. (The mutex holds nothing itself: `close()`, `hold(_:)` and
  /// `write(_:)` work on these as the store's own, called with the lock held.)
  private let lock = Mutex(())
  private var blocks: [Block] = []
  /// Blocks in memory in the order they came in: the first are let go first.
  private var held: [Int] = []
  private var heldStart = 0
  private var heldBytes = 0
  private var scratch: ScratchFile?
  private var scratchFailed = false

  /// An empty store that holds at most about `budget` bytes of blocks.
  init(budget: Int = EventStore.defaultBudget) {
    self.budget = budget
  }

  var count: Int { times.count }

  /// How many blocks were written to the scratch file.
  var blocksWritten: Int { lock.withLock { _ in blocks.count { $0.written != nil } } }

  /// A store holding what this one holds, for a copy of its log to append to.
  func copy() -> EventStore {
    lock.withLock { _ in
      let copy = EventStore(budget: budget)
      (copy.times, copy.starts, copy.blocks, copy.open) = (times, starts, blocks, open)
      (copy.held, copy.heldStart, copy.heldBytes) = (held, heldStart, heldBytes)
      (copy.scratch, copy.scratchFailed) = (scratch, scratchFailed)
      return copy
    }
  }

  func reserveCapacity(_ count: Int) { times.reserveCapacity(count) }

  /// Appends events after the others, to the last block when they share its storage: their
  /// storage, and each one's numbers and instant, in order.
  func append(storage: RecordStorage, numbers: some Collection<Event.Numbers>, times: some Sequence<Timestamp>) {
    guard !numbers.isEmpty else { return }
    for time in times { self.times.append(time) }
    if open?.storage === storage {
      open?.numbers.append(contentsOf: numbers)
      starts[starts.count - 1] += numbers.count
      return
    }
    lock.withLock { _ in close() }
    open = (storage, Array(numbers))
    blocks.append(Block())
    starts.append(starts[starts.count - 1] + numbers.count)
  }

  /// The number of the block an event is in.
  func blockNumber(containing event: Int) -> Int {
    var (lo, hi) = (0, starts.count - 2)
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= event { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The positions of the events of block `b`.
  func positions(ofBlock b: Int) -> Range<Int> { starts[b]..<starts[b + 1] }

  /// Block `b`, read back from the scratch file if it was let go.
  func block(_ b: Int) -> HeldBlock {
    let (found, scratch) = lock.withLock { _ -> (Block, ScratchFile?) in
      if b == blocks.count - 1 { close() }
      return (blocks[b], self.scratch)
    }
    if let held = found.held { return held }
    // Read outside the lock: other threads go on with the blocks they hold meanwhile.
    guard let scratch, let written = found.written else { preconditionFailure("a block let go was written") }
    let block = read(b, from: scratch, written)
    return lock.withLock { _ in
      if let held = blocks[b].held { return held }  // another thread read it first
      blocks[b].held = block
      hold(b)
      return block
    }
  }

  /// Ends the block being appended to, if any: it is held, and the longest held may go.
  /// Called with the lock held.
  private func close() {
    guard let (storage, numbers) = open else { return }
    open = nil
    let b = blocks.count - 1
    blocks[b].held = HeldBlock(storage: storage, numbers: numbers, first: starts[b])
    hold(b)
  }

  /// Counts block `b` as held, and lets go of the longest held blocks past the budget (not
  /// `b`). A block that cannot be written out stays, outside the budget. Called with the lock
  /// held.
  private func hold(_ b: Int) {
    guard let block = blocks[b].held else { return }
    blocks[b].bytes = block.storage.footprint + block.numbers.count * MemoryLayout<Event.Numbers>.stride
    heldBytes += blocks[b].bytes
    held.append(b)
    // `b` came last: reaching it, every block held before it has gone or stays for good.
    while heldBytes > budget, held[heldStart] != b {
      let oldest = held[heldStart]
      heldStart += 1
      if write(oldest) { blocks[oldest].held = nil }
      heldBytes -= blocks[oldest].bytes
    }
    if heldStart > 1024 && heldStart * 2 > held.count {
      held.removeFirst(heldStart)
      heldStart = 0
    }
  }

  /// Writes block `b` to the scratch file unless it was; false when it cannot be.
  private func write(_ b: Int) -> Bool {
    if blocks[b].written != nil { return true }
    guard !blocks[b].kept, let block = blocks[b].held else { return false }
    if scratch == nil && !scratchFailed {
      scratch = ScratchFile()
      scratchFailed = scratch == nil
    }
    guard let scratch, let (sizes, range) = Self.writeOut(block, to: scratch) else {
      blocks[b].kept = true
      return false
    }
    blocks[b].written = Written(
      offset: range.lowerBound, events: block.numbers.count, sizes: sizes, layout: block.storage.layout)
    return true
  }

  /// Writes a block's numbers and its storage's parts to `scratch`, from where they are: the
  /// storage's part sizes and where the block went, or nil when the storage has no byte form
  /// or the file could not take it.
  private static func writeOut(_ block: HeldBlock, to scratch: ScratchFile) -> (RecordStorage.SpillSizes, Range<Int>)? {
    block.numbers.withUnsafeBytes { numbers in
      let written = block.storage.withSpillParts { sizes, parts in
        scratch.append([numbers] + parts).map { (sizes, $0) }
      }
      return written ?? nil
    }
  }

  /// Block `b` as `write(_:)` wrote it in `scratch`.
  private func read(_ b: Int, from scratch: ScratchFile, _ written: Written) -> HeldBlock {
    var offset = written.offset
    func read(_ buffer: UnsafeMutableRawBufferPointer) {
      scratch.read(at: offset, into: buffer)
      offset += buffer.count
    }
    let numbers = [Event.Numbers](unsafeUninitializedCapacity: written.events) { buffer, count in
      read(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[0..<written.events])))
      count = written.events
    }
    let storage = RecordStorage(layout: written.layout, sizes: written.sizes, reading: read)
    return HeldBlock(storage: storage, numbers: numbers, first: starts[b])
  }
}

/// A block of a log in memory: its storage, and where each of its events is in it.
final class HeldBlock: Sendable {
  let storage: RecordStorage
  let numbers: [Event.Numbers]
  /// The position in the log of the block's first event.
  let first: Int

  init(storage: RecordStorage, numbers: [Event.Numbers], first: Int) {
    self.storage = storage
    self.numbers = numbers
    self.first = first
  }

  /// The positions in the log of the block's events.
  var positions: Range<Int> { first..<(first + numbers.count) }

  /// The event at `position` of the log, one of this block's, whose instant is `time`.
  func event(_ position: Int, time: Timestamp) -> Event {
    Event(storage: storage, numbers: numbers[position - first], time: time, index: position)
  }
}
