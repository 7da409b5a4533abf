import CEL

/// Join keys numbered in order of first appearance.
///
/// Relations look a key up for every event they judge; Swift's `Dictionary` would hash each
/// text key with SipHash and compare enum payloads on every probe. Here a text key is hashed a
/// word at a time and found by its UTF-8, which callers read where their records keep it
/// (`JoinKey.withKey`), and a probe compares part of the hash, kept in the bucket itself,
/// before it reads the key: a table of a million-event log's tickets does not fit in cache,
/// and each array a probe reads is a likely miss.
struct KeyTable: Sendable {
  /// Per bucket, the entry number in the low 32 bits and the hash's high 32 bits above them;
  /// `empty` when empty. The count is a power of two.
  private var buckets = [UInt64](repeating: KeyTable.empty, count: 16)
  private static let empty = UInt64.max
  /// Each key's hash, to place it again when the table grows.
  private var hashes: [UInt64] = []
  /// The text of each text key (nil for other keys), compared without unpacking an enum: a
  /// ticket id is a small string, held in the array itself, so a probe reads one array of the
  /// entries, not an array and then the text.
  private var texts: [String?] = []
  /// Each key other than text (nil for text keys, which `texts` holds).
  private var others: [JoinKey?] = []

  /// How many distinct keys the table holds.
  var count: Int { texts.count }

  /// The number of a key, if the table has it.
  func find(_ key: JoinKey) -> Int32? {
    if case .string(let text) = key { return Value.withUTF8(text.text) { find(text: $0) } }
    return bucket(hash: Self.hash(key)) { others[$0] == key }.entry
  }

  /// The number of the text key of UTF-8 `utf8`, if the table has it.
  func find(text utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
    bucket(hash: Self.hash(text: utf8)) { Self.text(texts[$0], is: utf8) }.entry
  }

  /// The number of a key, adding it when new.
  mutating func id(for key: JoinKey) -> Int32 {
    if case .string(let text) = key { return Value.withUTF8(text.text) { id(forText: $0) } }
    let hash = Self.hash(key)
    let (index, entry) = bucket(hash: hash) { others[$0] == key }
    return entry ?? add(text: nil, other: key, hash: hash, at: index)
  }

  /// The number of the text key of UTF-8 `utf8`, adding it when new.
  mutating func id(forText utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(text: utf8)
    let (index, entry) = bucket(hash: hash) { Self.text(texts[$0], is: utf8) }
    return entry ?? add(text: String(decoding: utf8, as: UTF8.self), other: nil, hash: hash, at: index)
  }

  /// Adds a key, new to the table, into the empty bucket at `index`: its text, or the key
  /// itself when it is not text.
  private mutating func add(text: String?, other: JoinKey?, hash: UInt64, at index: Int) -> Int32 {
    let id = Int32(texts.count)
    texts.append(text)
    others.append(other)
    hashes.append(hash)
    buckets[index] = KeyTable.bucket(id, hash)
    if texts.count * 2 > buckets.count { grow() }
    return id
  }

  /// The bucket holding the entry of hash `hash` that `matches`, or the empty bucket where it
  /// would go. Entries whose bucket holds the same high half of the hash are compared whole:
  /// reading their full hash first was one more likely cache miss, for a mismatch that happens
  /// once in four billion probes.
  private func bucket(hash: UInt64, matches: (Int) -> Bool) -> (index: Int, entry: Int32?) {
    let mask = buckets.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let bucket = buckets[index]
      if bucket == KeyTable.empty { return (index, nil) }
      let entry = Int32(truncatingIfNeeded: bucket)
      if bucket >> 32 == hash >> 32 && matches(Int(entry)) { return (index, entry) }
      index = (index + 1) & mask
    }
  }

  /// Whether a text key's text is the UTF-8 `utf8`.
  private static func text(_ text: String?, is utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let text else { return false }
    return Value.withUTF8(text) { Value.sameUTF8($0, utf8) }
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

  /// The hash of a key other than text (text keys are hashed by their UTF-8, `hash(text:)`):
  /// a finalizer mix over integers, Swift's hash otherwise.
  private static func hash(_ key: JoinKey) -> UInt64 {
    if case .int(let i) = key { return mix(UInt64(bitPattern: i)) }
    return mix(UInt64(bitPattern: Int64(key.hashValue)))
  }

  /// A text key's UTF-8 folded eight bytes at a time (the last few a byte at a time), then
  /// mixed. (FNV-1a a byte at a time, through the string's UTF-8 view, took some 240
  /// instructions for a 10-byte ticket id.)
  private static func hash(text utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
    guard let base = utf8.baseAddress else { return mix(h) }
    var at = 0
    while at + 8 <= utf8.count {
      h = (h ^ UnsafeRawPointer(base).loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      at += 8
    }
    var tail: UInt64 = 0
    for k in 0..<(utf8.count - at) { tail |= UInt64(base[at + k]) << (8 * k) }
    return mix(h ^ tail)
  }

  /// The splitmix64 finalizer: spreads every input bit over the low bits buckets use.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
