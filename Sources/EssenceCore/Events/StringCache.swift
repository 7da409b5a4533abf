#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Makes Strings from UTF-8 bytes, reusing an earlier String with the same bytes.
///
/// Logs repeat their long values (times within a second, greetings, notes, outcomes);
/// sharing one String saves an allocation per field and the memory of each copy (and for a
/// short String, stored inline, the check of its UTF-8). A direct-mapped table of fixed size
/// keeps the cost bounded whatever the log holds.
struct StringCache {
  private var hashes: [UInt64]
  private var strings: [String]
  private let mask: Int

  /// A cache of `2^bits` entries.
  init(bits: Int) {
    let size = 1 << bits
    hashes = [UInt64](repeating: 0, count: size)
    strings = [String](repeating: "", count: size)
    mask = size - 1
  }

  /// The String of `bytes` (whose hash is `hash`).
  mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String {
    let at = Int(truncatingIfNeeded: hash) & mask
    if hashes[at] == hash, utf8Equal(strings[at], bytes) { return strings[at] }
    let string = String(decoding: bytes, as: UTF8.self)
    hashes[at] = hash
    strings[at] = string
    return string
  }
}

/// Whether `string` holds exactly the UTF-8 `bytes`.
func utf8Equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  string.utf8.withContiguousStorageIfAvailable { stored in
    guard stored.count == bytes.count else { return false }
    guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
    return memcmp(a, b, bytes.count) == 0
  } ?? string.utf8.elementsEqual(bytes)
}
