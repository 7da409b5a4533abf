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
    return body(internedUTF8(Int(number)))
  }

  /// Calls `string` with the UTF-8 of a declared slot's value when it is a string (see
  /// `withUTF8(_:_:)`), else `other` with the value (nil when the field is absent): the row
  /// is searched once either way.
  @inlinable public func withValue<R>(
    atSlot slot: Int, row: UInt32, string: (UnsafeBufferPointer<UInt8>) -> R, other: (Value?) -> R
  ) -> R {
    guard slot < Cell.slotLimit else { return other(value(named: layout.names[slot], row: row)) }
    guard let (tag, at) = payload(ofSlot: slot, row: row) else { return other(nil) }
    guard tag == .string else { return other(value(tag, at)) }
    return withUTF8(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self), string)
  }
}
