import CEL

/// Resolves the keys of a JSON log to `FieldKey`s, once per distinct key.
///
/// Every field of every event passes through here, so a hit costs a few integer compares:
/// the shim hands over each key's hash and first 16 bytes, which decide keys up to 16 bytes
/// long without touching a String; longer keys are confirmed with one `memcmp`. A key is
/// answered by its number in `keys`, which never changes, so a reader holds plain integers
/// for the keys of a line (copying a `FieldKey` would count references to its name).
struct FieldKeyCache {
  /// Every distinct key met so far, by number.
  private(set) var keys: [FieldKey] = []
  private var numbers: [String: Int32] = [:]
  private let layout: RecordLayout
  private let keeping: Set<String>?
  // A direct-mapped table over `keys`, as parallel arrays of plain integers.
  private var hashes: [UInt64]
  private var firstWords: [UInt64]
  private var secondWords: [UInt64]
  /// Key lengths in bytes; -1 marks an empty entry.
  private var lengths: [Int]
  private var entries: [Int32]
  private let mask: Int

  /// A cache for records of `layout` that keep the fields in `keeping` (nil: every field).
  init(layout: RecordLayout, keeping: Set<String>? = nil, bits: Int = 8) {
    self.layout = layout
    self.keeping = keeping
    let size = 1 << bits
    hashes = [UInt64](repeating: 0, count: size)
    firstWords = [UInt64](repeating: 0, count: size)
    secondWords = [UInt64](repeating: 0, count: size)
    lengths = [Int](repeating: -1, count: size)
    entries = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  /// The number in `keys` of the key whose UTF-8 bytes are `bytes`, with the shim's `hash`
  /// and first 16 bytes.
  mutating func number(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, words: (UInt64, UInt64)) -> Int32 {
    let at = Int(truncatingIfNeeded: hash) & mask
    if hashes[at] == hash, lengths[at] == bytes.count, firstWords[at] == words.0, secondWords[at] == words.1,
      bytes.count <= 16 || keys[Int(entries[at])].name.hasUTF8(bytes)
    {
      return entries[at]
    }
    let name = String(decoding: bytes, as: UTF8.self)
    let number: Int32
    if let known = numbers[name] {
      number = known
    } else {
      number = Int32(keys.count)
      keys.append(FieldKey(name: name, layout: layout, keeping: keeping))
      numbers[name] = number
    }
    hashes[at] = hash
    firstWords[at] = words.0
    secondWords[at] = words.1
    lengths[at] = bytes.count
    entries[at] = number
    return number
  }
}
