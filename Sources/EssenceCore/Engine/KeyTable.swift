/// Join keys numbered in order of first appearance.
///
/// Relations look a key up for every event they judge; Swift's `Dictionary` would hash each
/// text key with SipHash and compare enum payloads on every probe. Here a text key costs one
/// FNV-1a pass over its bytes, and a probe compares the stored 64-bit hash before the key.
struct KeyTable: Sendable {
  /// Entry number per bucket, -1 when empty; the count is a power of two.
  private var buckets = [Int32](repeating: -1, count: 16)
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
    buckets[index] = id
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
      let entry = buckets[index]
      if entry < 0 { return (index, nil) }
      if hashes[Int(entry)] == hash {
        if let text {
          if let other = texts[Int(entry)], CodePoints.same(text, other) { return (index, entry) }
        } else if keys[Int(entry)] == key {
          return (index, entry)
        }
      }
      index = (index + 1) & mask
    }
  }

  private mutating func grow() {
    buckets = [Int32](repeating: -1, count: buckets.count * 2)
    let mask = buckets.count - 1
    for (entry, hash) in hashes.enumerated() {
      var index = Int(truncatingIfNeeded: hash) & mask
      while buckets[index] >= 0 { index = (index + 1) & mask }
      buckets[index] = Int32(entry)
    }
  }

  /// FNV-1a over a text key's UTF-8, a finalizer mix over integers, Swift's hash otherwise.
  private static func hash(_ key: JoinKey) -> UInt64 {
    switch key {
    case .string(let text):
      var string = text.text
      return string.withUTF8 { bytes in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return mix(h)
      }
    case .int(let i):
      return mix(UInt64(bitPattern: i))
    default:
      return mix(UInt64(bitPattern: Int64(key.hashValue)))
    }
  }

  /// The splitmix64 finalizer: spreads every input bit over the low bits buckets use.
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
