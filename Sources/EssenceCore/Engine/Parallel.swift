import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Work split over the machine's cores, results kept in order.
public enum Parallel {
  /// How many threads judging and reporting use at once: every core, unless a command was told
  /// otherwise (`--threads`). Set it once, before a run starts; results do not depend on it.
  public static var width: Int {
    get { setting.value }
    set { setting.value = max(1, newValue) }
  }

  private static let setting = LockedInt(max(1, ProcessInfo.processInfo.activeProcessorCount))

  /// `body` applied to every element, the calls spread over `width` threads (unless `worthIt`
  /// is false: small inputs are faster done in place); results in input order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], worthIt: Bool = true, _ body: @Sendable (Element) -> Result
  ) -> [Result] {
    guard worthIt else { return elements.map(body) }
    return map(elements, eachThread: { _ in () }) { _, element in body(element) }
  }

  /// `body` applied to every element, the calls spread over `width` threads, each thread
  /// passing `body` a state of its own, made once by `makeState` (told whether other threads
  /// run beside it): for work that needs its own copy of something threads would contend for,
  /// made once a thread rather than once an element. Results in input order.
  ///
  /// Each thread takes the next element as it comes free, so one slow call does not hold back
  /// a fixed share of the rest.
  static func map<Element: Sendable, State, Result: Sendable>(
    _ elements: [Element], eachThread makeState: @Sendable (_ shared: Bool) -> State,
    _ body: @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    let workers = min(width, elements.count)
    if workers <= 1 {
      var state = makeState(false)
      return elements.map { body(&state, $0) }
    }
    let slots = Slots<Result>(count: elements.count)
    let next = LockedInt(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var state = makeState(true)
      while case let i = next.takeNext(), i < elements.count { slots.store(body(&state, elements[i]), at: i) }
    }
    return slots.values
  }
}

/// One integer shared by threads, behind a lock.
private final class LockedInt: Sendable {
  private let stored: Mutex<Int>

  init(_ value: Int) { stored = Mutex(value) }

  var value: Int {
    get { stored.withLock { $0 } }
    set { stored.withLock { $0 = newValue } }
  }

  /// The value, then one more: hands out indexes to workers.
  func takeNext() -> Int {
    stored.withLock { stored in
      defer { stored += 1 }
      return stored
    }
  }
}

/// One slot per task; each task writes only its own, and all are read after every task ended.
///
/// The slots are memory of their own, not an array: tasks on several threads writing into one
/// array, even each into its own element, would each begin a mutating access to the whole
/// array (`withUnsafeMutableBufferPointer`), and overlapping accesses trap.
private final class Slots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value?>
  private let count: Int

  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  func store(_ value: Value, at index: Int) {
    precondition(index >= 0 && index < count, "slot \(index) of \(count)")
    storage[index] = value
  }

  var values: [Value] { UnsafeBufferPointer(start: storage, count: count).compactMap { $0 } }
}
