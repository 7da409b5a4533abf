import CEL

/// Join keys numbered in order of first appearance.
///
/// Relations look a key up for every event they judge; Swift's `Dictionary` would hash each
/// text key with SipHash and compare enum payloads on every probe. Here a text key costs one
/// FNV-1a pass over its bytes, and a probe compares part of the hash, kept in the bucket
/// itself, before it reads the key: a table of a million-event log's tickets does not fit
/// in cache, and each array a probe reads is a likely miss.
struct KeyTable: Sendable {
  /// Per bucket, the entry number in the low 32 bits and the hash's high 32 bits above them;
  /// `empty` when empty. The count is a power of two.
  private var buckets = [UInt64](repeating: KeyTable.empty, count: 16)
  private static let empty = UInt64.max
  private var hashes: [UInt64] = []
  private var keys: [JoinKey] = []
  /// The text of each text key (nil for other keys), compared without unpacking the enum.
  private var texts: [String?] = []

  /// How many distinct keys the table holds.
  var count: Int { keys.count }

  /// The number of a key, if the table has it.
  func find(_ key: JoinKey) -> Int32? {
    let hash = KeyTable.hash(key)
    return bucket(of: key, hash: hash).entry
  }

  /// The number of a key, adding it when new.
  mutating func id(for key: JoinKey) -> Int32 {
    let hash = KeyTable.hash(key)
    let (index, entry) = bucket(of: key, hash: hash)
    if let entry { return entry }
    let id = Int32(keys.count)
    keys.append(key)
    hashes.append(hash)
    if case .string(let text) = key { texts.append(text.text) } else { texts.append(nil) }
    buckets[index] = KeyTable.bucket(id, hash)
    if keys.count * 2 > buckets.count { grow() }
    return id
  }

  /// The bucket holding the key, or the empty bucket where it would go.
  private func bucket(of key: JoinKey, hash: UInt64) -> (index: Int, entry: Int32?) {
    var text: String?
    if case .string(let t) = key { text = t.text }
    let mask = buckets.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let bucket = buckets[index]
      if bucket == KeyTable.empty { return (index, nil) }
      let entry = Int32(truncatingIfNeeded: bucket)
      if bucket >> 32 == hash >> 32 && hashes[Int(entry)] == hash {
        if let text {
          if let other = texts[Int(entry)], Value.sameText(text, other) { return (index, entry) }
        } else if keys[Int(entry)] == key {
          return (index, entry)
        }
      }
      index = (index + 1) & mask
    }
  }

  private mutating func grow() {
    buckets = [UInt64](repeating: KeyTable.empty, count: buckets.count * 2)
    let mask = buckets.count - 1
    for (entry, hash) in hashes.enumerated() {
      var index = Int(truncatingIfNeeded: hash) & mask
      while buckets[index] != KeyTable.empty { index = (index + 1) & mask }
      buckets[index] = KeyTable.bucket(Int32(entry), hash)
    }
  }

  /// A bucket holding entry `id` of a key whose hash is `hash`.
  private static func bucket(_ id: Int32, _ hash: UInt64) -> UInt64 {
    hash & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: id))
  }

  /// A text key's UTF-8 eight bytes at a time, then a finalizer mix; the mix alone over
  /// integers; Swift's hash otherwise. (FNV-1a a byte at a time, through the string's UTF-8
  /// view, took some 240 instructions for a 10-byte ticket id.)
  private static func hash(_ key: JoinKey) -> UInt64 {
    switch key {
    case .string(let text):
      if let h = text.text.utf8.withContiguousStorageIfAvailable(hash(utf8:)) { return mix(h) }
      return mix(Array(text.text.utf8).withUnsafeBufferPointer(hash(utf8:)))
    case .int(let i):
      return mix(UInt64(bitPattern: i))
    default:
      return mix(UInt64(bitPattern: Int64(key.hashValue)))
    }
  }

  /// UTF-8 folded a word at a time (the last word's bytes a byte at a time); `mix` spreads it.
  private static func hash(utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
    guard let base = utf8.baseAddress else { return h }
    var at = 0
    while at + 8 <= utf8.count {
      h = (h ^ UnsafeRawPointer(base).loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      at += 8
    }
    var tail: UInt64 = 0
    for k in 0..<(utf8.count - at) { tail |= UInt64(base[at + k]) << (8 * k) }
    return h ^ tail
  }

  /// The splitmix64 finalizer: spreads every input bit over the low bits buckets use.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
