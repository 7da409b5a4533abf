extension RecordStorage {
  /// Calls `body` with the UTF-8 of the string numbered `number` (a number `intern` or `store`
  /// returned), where the storage keeps it.
  ///
  /// Reports copy an id and a name per finding into their bytes: `string(_:)` would make each
  /// a String first, which costs an allocation or a reference count apiece, more than the copy.
  @inlinable public func withUTF8<R>(_ number: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard number & Self.textBit == 0 else {
      return body(Self.utf8(in: UnsafeRawBufferPointer(text), at: Int(number & ~Self.textBit)))
    }
    if let result = strings[Int(number)].utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = strings[Int(number)]
    return copy.withUTF8(body)
  }

  /// Calls `body` with the UTF-8 of a declared slot's value when it is a string (see
  /// `withUTF8(_:_:)`); nil when the field is absent or holds something else.
  @inlinable public func withStringUTF8<R>(slot: Int, row: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
    guard slot < Cell.slotLimit, let (tag, at) = payload(ofSlot: slot, row: row), tag == .string else { return nil }
    return withUTF8(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self), body)
  }
}
