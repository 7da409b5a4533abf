import Testing

@testable import EssenceCore

@Suite struct CacheLineSlotsTests {
  /// A value written by one thread must not share a 128-byte block (a pair of cache lines)
  /// with its neighbour, whatever the value's size.
  @Test func everySlotStartsABlockOfItsOwn() {
    let small = CacheLineSlots(count: 5) { UInt8($0) }
    let large = CacheLineSlots(count: 3) { _ in TextBuffer(capacity: 64) }
    defer {
      small.deallocate()
      large.deallocate()
    }
    for slots in [small.indices.map { UInt(bitPattern: small[$0]) }, large.indices.map { UInt(bitPattern: large[$0]) }] {
      #expect(slots.allSatisfy { $0 % 128 == 0 })
      #expect(zip(slots, slots.dropFirst()).allSatisfy { $1 - $0 >= 128 })
    }
    #expect(MemoryLayout<TextBuffer>.stride < 128)
  }

  @Test func slotsHoldTheirOwnValues() {
    let slots = CacheLineSlots(count: 4) { $0 * 10 }
    defer { slots.deallocate() }
    slots[2].pointee += 1
    #expect(slots.indices.map { slots[$0].pointee } == [0, 10, 21, 30])
  }

  /// Freeing the slots destroys what they hold.
  @Test func deallocatingReleasesTheValues() {
    final class Held {}
    weak var watched: Held?
    do {
      let slots = CacheLineSlots(count: 2) { _ in Held() }
      watched = slots[1].pointee
      #expect(watched != nil)
      slots.deallocate()
    }
    #expect(watched == nil)
  }
}
