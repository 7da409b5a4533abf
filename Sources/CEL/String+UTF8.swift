extension String {
  /// Whether this string is exactly the UTF-8 `bytes`: readers compare what they read with
  /// strings they hold without making a String of it.
  public func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.withContiguousStorageIfAvailable { stored in
      stored.count == bytes.count && Value.bytesEqual(stored, bytes, count: bytes.count)
    } ?? utf8.elementsEqual(bytes)
  }
}
