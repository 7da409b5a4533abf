/// Values that threads write at once, each on cache lines of its own.
///
/// A core writing a line takes it from every other core's cache. Values laid out one after
/// another, as an array lays them out, share a line where they meet, and two threads writing
/// neighbouring values take turns for it, though neither reads the other's: a report's batch
/// buffers are 24 bytes each, so every append moved a count's line between the cores, and two
/// readers' state, written for every field, met the same way. Whether hot fields met depended
/// on where the allocator put them, so runs of one build went at two speeds: in the slow ones
/// two threads took 1.8 times the CPU one thread takes to write a million-event report, and
/// 1.3 times to read the log (profiles of the same runs). Here each value starts on a 128-byte
/// boundary (cores fetch lines in pairs) and the next one a whole number of them on.
///
/// Unchecked sendable: callers hand each slot to one thread at a time (`OrderedPipeline`).
struct CacheLineSlots<Value: ~Copyable>: @unchecked Sendable {
  private static var alignment: Int { 128 }
  private static var stride: Int {
    (MemoryLayout<Value>.stride + alignment - 1) / alignment * alignment
  }

  private let base: UnsafeMutableRawPointer
  let count: Int

  /// `count` slots, slot `i` holding `make(i)`.
  init(count: Int, _ make: (Int) -> Value) {
    self.count = count
    base = .allocate(byteCount: max(1, count) * Self.stride, alignment: Self.alignment)
    for i in 0..<count { self[i].initialize(to: make(i)) }
  }

  /// The value in slot `i`.
  subscript(i: Int) -> UnsafeMutablePointer<Value> {
    (base + i * Self.stride).assumingMemoryBound(to: Value.self)
  }

  var indices: Range<Int> { 0..<count }

  /// Destroys every value and frees the slots.
  func deallocate() {
    for i in indices { _ = self[i].deinitialize(count: 1) }
    base.deallocate()
  }
}
