#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

extension String {
  /// Whether this string is exactly the UTF-8 `bytes`: readers compare what they read with
  /// strings they hold without making a String of it.
  public func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.withContiguousStorageIfAvailable { stored in
      guard stored.count == bytes.count else { return false }
      guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
      return memcmp(a, b, bytes.count) == 0
    } ?? utf8.elementsEqual(bytes)
  }
}
