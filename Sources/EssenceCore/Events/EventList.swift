import CEL

/// A log's accepted events in input order, each read from its block when asked for (see
/// ``EventStore``, which may have written the block out).
///
/// Reading the events in order (iterating) reads each block once; reading one event at a time
/// by position looks its block up each time, so a loop over a million events should iterate,
/// or read a block at a time (``block(containing:)``).
public struct EventList: RandomAccessCollection, Sendable {
  let store: EventStore

  public var startIndex: Int { 0 }
  public var endIndex: Int { store.count }

  public subscript(position: Int) -> Event {
    block(containing: position).event(position, time: store.times[position])
  }

  /// Each event's instant, in input order, without reading any block.
  var times: EventTimes { store.times }

  /// The block holding event `position`.
  private func block(containing position: Int) -> HeldBlock {
    store.block(store.blockNumber(containing: position))
  }

  /// Makes `held` the block holding event `position`, asking the store only when `held` is
  /// another block: a loop over events in order keeps each block for all its events (handing
  /// the same block back for every one counted a reference to it each time).
  func hold(_ held: inout HeldBlock?, containing position: Int) {
    if held?.positions.contains(position) == true { return }
    held = block(containing: position)
  }

  /// The positions of the events of the block holding event `position`, without reading
  /// the block.
  func blockPositions(containing position: Int) -> Range<Int> {
    store.positions(ofBlock: store.blockNumber(containing: position))
  }

  public func makeIterator() -> Iterator { Iterator(list: self) }

  /// Reads the events in order, a block at a time.
  public struct Iterator: IteratorProtocol {
    let list: EventList
    var position = 0
    var block: HeldBlock?

    public mutating func next() -> Event? {
      guard position < list.endIndex else { return nil }
      list.hold(&block, containing: position)
      defer { position += 1 }
      return block.unsafelyUnwrapped.event(position, time: list.store.times[position])
    }
  }
}
