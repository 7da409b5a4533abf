import Dispatch
import Synchronization

/// Items made in order on the calling thread, worked on by several threads at once as they
/// come free, and taken back in order on the calling thread: reading a log (blocks read from
/// the file, parsed, joined to the log) and writing a report (batches of findings described,
/// then written out).
///
/// Nothing waits for a whole round of items, as with a parallel map of rounds, where every
/// round ended with the cores waiting for its slowest item. Items occupy `slots`, whose state
/// is kept from item to item (buffers are reused); at most as many items are in flight as
/// there are slots, which bounds the memory.
///
/// The calling thread is one of the workers: while the item it must take next is not done, it
/// works on the next waiting item itself. With a thread per core besides it, the calling
/// thread (reading the file and joining each block to the log, a third of reading's work) got
/// two thirds of a core and held up the others, which waited for free slots; two threads on
/// two cores read a million events in 0.22 s instead of 0.29 s.
enum OrderedPipeline {
  /// Makes items with `make` (into a free slot; nil when there are no more) while slots are
  /// free, has `workers` threads, the calling thread among them, run `work` on them (with the
  /// worker's number, below `workers`, for state of its own), and hands each slot to `take`
  /// once its item is done, in the order made. When `make` throws, the items in flight are
  /// finished and taken first.
  ///
  /// The calling thread touches a slot only while no other worker holds it (before its item is
  /// queued, after it is done); a worker touches only the slot of the item it runs.
  static func run<Slot: ~Copyable, Item: Sendable, Failure: Error>(
    slots: CacheLineSlots<Slot>, workers: Int,
    make: (inout Slot) throws(Failure) -> Item?,
    work: @Sendable (_ worker: Int, Item, UnsafeMutablePointer<Slot>) -> Void,
    take: (inout Slot) -> Void
  ) throws(Failure) {
    let queue = JobQueue<Item>()
    let done = (0..<slots.count).map { _ in DispatchSemaphore(value: 0) }
    var failure: Failure?
    // The workers hold `work` only until `group.wait()`, within this block.
    let helper = max(1, workers) - 1
    withoutActuallyEscaping(work) { work in
      let group = DispatchGroup()
      for worker in 0..<helper {
        DispatchQueue.global().async(group: group) {
          while let (slot, item) = queue.pop() {
            work(worker, item, slots[slot])
            done[slot].signal()
          }
        }
      }
      var free = Array(slots.indices.reversed())
      var inFlight: [Int] = []  // oldest first
      var atEnd = false
      while true {
        while !atEnd, failure == nil, let slot = free.last {
          do throws(Failure) {
            guard let item = try make(&slots[slot].pointee) else {
              atEnd = true
              break
            }
            free.removeLast()
            inFlight.append(slot)
            queue.push((slot, item))
          } catch {
            failure = error
          }
        }
        guard !inFlight.isEmpty else { break }
        let slot = inFlight.removeFirst()
        while done[slot].wait(timeout: .now()) == .timedOut {
          guard let (waiting, item) = queue.popIfAny() else {
            done[slot].wait()
            break
          }
          work(helper, item, slots[waiting])
          done[waiting].signal()
        }
        take(&slots[slot].pointee)
        free.append(slot)
      }
      for _ in 0..<helper { queue.push(nil) }
      group.wait()
    }
    if let failure { throw failure }
  }

  /// Items waiting for a worker, in the order made; nil tells a worker to stop.
  private final class JobQueue<Item: Sendable>: Sendable {
    /// The items pushed, and the first of them not yet taken.
    private let waiting = Mutex<(items: [(slot: Int, item: Item)?], next: Int)>(([], 0))
    private let available = DispatchSemaphore(value: 0)

    func push(_ item: (slot: Int, item: Item)?) {
      waiting.withLock { $0.items.append(item) }
      available.signal()
    }

    func pop() -> (slot: Int, item: Item)? {
      available.wait()
      return take()
    }

    /// The next item if one is waiting, without waiting for one (the calling thread, which
    /// pushes the stops only once every item is done, never pops one).
    func popIfAny() -> (slot: Int, item: Item)? {
      available.wait(timeout: .now()) == .success ? take() : nil
    }

    private func take() -> (slot: Int, item: Item)? {
      waiting.withLock { waiting in
        let item = waiting.items[waiting.next]
        waiting.next += 1
        if waiting.next == waiting.items.count { waiting = ([], 0) }
        return item
      }
    }
  }
}
