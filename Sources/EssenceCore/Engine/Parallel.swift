import Dispatch
import Foundation

/// Work split over the machine's cores, results kept in order.
enum Parallel {
  /// How many pieces to cut work into: one per core.
  static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// `body` applied to every element, the calls spread over the cores (unless `worthIt` is
  /// false: small inputs are faster done in place); results in input order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], worthIt: Bool = true, _ body: @Sendable (Element) -> Result
  ) -> [Result] {
    if elements.count <= 1 || !worthIt { return elements.map(body) }
    let slots = Slots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { i in slots.store(body(elements[i]), at: i) }
    return slots.values
  }
}

/// One slot per task; each task writes only its own, and all are read after every task ended.
private final class Slots<Value>: @unchecked Sendable {
  private var storage: [Value?]

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  func store(_ value: Value, at index: Int) {
    storage.withUnsafeMutableBufferPointer { $0[index] = value }
  }

  var values: [Value] { storage.compactMap { $0 } }
}
