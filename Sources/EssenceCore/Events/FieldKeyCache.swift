import CEL

/// Resolves the keys of a JSON log to `FieldKey`s, once per distinct key.
///
/// Every field of every event passes through here, so a hit costs a few integer compares:
/// the shim hands over each key's hash and first 16 bytes, which decide keys up to 16 bytes
/// long without touching a String; longer keys are confirmed with one `memcmp`. The table is
/// kept as parallel arrays of plain integers, so a probe copies no key (an optional struct
/// holding a String would be copied through the runtime's generic witnesses).
struct FieldKeyCache {
  private let layout: RecordLayout
  private var hashes: [UInt64]
  private var firstWords: [UInt64]
  private var secondWords: [UInt64]
  /// Key lengths in bytes; -1 marks an empty entry.
  private var lengths: [Int]
  private var keys: [FieldKey]
  private let mask: Int

  init(layout: RecordLayout, bits: Int = 8) {
    self.layout = layout
    let size = 1 << bits
    hashes = [UInt64](repeating: 0, count: size)
    firstWords = [UInt64](repeating: 0, count: size)
    secondWords = [UInt64](repeating: 0, count: size)
    lengths = [Int](repeating: -1, count: size)
    keys = [FieldKey](repeating: FieldKey(name: "", layout: layout), count: size)
    mask = size - 1
  }

  /// The key whose UTF-8 bytes are `bytes`, with the shim's `hash` and first 16 bytes.
  mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, words: (UInt64, UInt64)) -> FieldKey {
    let at = Int(truncatingIfNeeded: hash) & mask
    if hashes[at] == hash, lengths[at] == bytes.count, firstWords[at] == words.0, secondWords[at] == words.1,
      bytes.count <= 16 || utf8Equal(keys[at].name, bytes)
    {
      return keys[at]
    }
    let key = FieldKey(name: String(decoding: bytes, as: UTF8.self), layout: layout)
    hashes[at] = hash
    firstWords[at] = words.0
    secondWords[at] = words.1
    lengths[at] = bytes.count
    keys[at] = key
    return key
  }
}
