import CEL

/// Resolves the keys of a JSON log to `FieldKey`s, once per distinct key.
///
/// Every field of every event passes through here, so a hit costs a few integer compares:
/// the shim hands over each key's hash and first 16 bytes, which decide keys up to 16 bytes
/// long without touching a String; longer keys are confirmed with one `memcmp`.
struct FieldKeyCache {
  private struct Entry {
    var hash: UInt64
    var words: (UInt64, UInt64)
    var length: Int
    var key: FieldKey
  }

  private let layout: RecordLayout
  private var entries: [Entry?]
  private let mask: Int

  init(layout: RecordLayout, bits: Int = 8) {
    self.layout = layout
    entries = [Entry?](repeating: nil, count: 1 << bits)
    mask = (1 << bits) - 1
  }

  /// The key whose UTF-8 bytes are `bytes`, with the shim's `hash` and first 16 bytes.
  mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, words: (UInt64, UInt64)) -> FieldKey {
    let at = Int(truncatingIfNeeded: hash) & mask
    if let entry = entries[at], entry.hash == hash, entry.length == bytes.count, entry.words == words,
      bytes.count <= 16 || utf8Equal(entry.key.name, bytes)
    {
      return entry.key
    }
    let key = FieldKey(name: String(decoding: bytes, as: UTF8.self), layout: layout)
    entries[at] = Entry(hash: hash, words: words, length: bytes.count, key: key)
    return key
  }
}
