import CEL

/// Join keys numbered in order of first appearance.
///
/// Relations look a key up for every event they judge; Swift's `Dictionary` would hash each
/// text key with SipHash and compare enum payloads on every probe. Here a text key is hashed a
/// word at a time and found by its UTF-8, which callers read where their records keep it
/// (`JoinKey.withKey`). A table of a million-event log's tickets does not fit in cache, and
/// each place a probe reads is a likely miss, so a bucket holds the key itself beside its
/// number when it fits: a text key of up to 11 bytes (ticket ids, customer references and
/// employee names mostly are) or an integer. A probe then reads one place, not a bucket and
/// then the key's text in an array of its own; the buckets, twice as large, miss about as often
/// as the two did, so what this saves is memory (4 MB on a million events: the per-key arrays
/// of texts, hashes and mostly empty other keys). Longer text and other keys are kept apart and
/// compared once the bucket's hash bits match.
struct KeyTable: Sendable {
  /// A key's number and the key, or what a probe compares first.
  ///
  /// `head` holds the number in its low 32 bits (all of `head` is ones when the bucket is
  /// empty), the key's form in the next 8: the length of a short text key (0 to 11), or a
  /// `Form`; above them the first three bytes of a short text key, or 24 bits of the hash.
  /// `tail` holds the rest of a short text key (zero padded), an integer key's bits, or the
  /// hash's high 32 bits above the key's place in `longTexts` or `others`.
  private struct Bucket {
    var head: UInt64
    var tail: UInt64

    static let empty = Bucket(head: .max, tail: 0)
    var isEmpty: Bool { head == .max }
    var entry: Int32 { Int32(truncatingIfNeeded: head) }
    var form: UInt8 { UInt8(truncatingIfNeeded: head >> 32) }
    /// The key's place in `longTexts` or `others`.
    var apart: Int { Int(UInt32(truncatingIfNeeded: tail)) }
  }

  /// How a bucket holds a key that is not short text.
  private enum Form {
    static let shortTextLimit = 11
    static let integer: UInt8 = 0xFC
    static let longText: UInt8 = 0xFD
    static let other: UInt8 = 0xFE
  }

  /// What a probe for one key compares: `head` without the number, and `tail` under `mask`.
  private struct Probe {
    var head: UInt64
    var tail: UInt64
    var mask: UInt64 = .max

    func matches(_ bucket: Bucket) -> Bool {
      bucket.head & 0xFFFF_FFFF_0000_0000 == head && bucket.tail & mask == tail
    }
  }

  /// The count is a power of two, at least twice the keys'.
  private var buckets = [Bucket](repeating: .empty, count: 16)
  /// Text keys longer than a bucket holds, and keys other than text or integers.
  private var longTexts: [String] = []
  private var others: [JoinKey] = []

  /// How many distinct keys the table holds.
  private(set) var count = 0

  /// The number of a key, if the table has it.
  func find(_ key: JoinKey) -> Int32? {
    switch key {
    case .string(let text): return Value.withUTF8(text.text) { find(text: $0) }
    case .int(let i): return bucket(Self.probe(integer: i), hash: Self.hash(key)).entry
    default:
      let hash = Self.hash(key)
      return bucket(Self.probe(apart: Form.other, hash: hash), hash: hash) { others[$0] == key }.entry
    }
  }

  /// The number of the text key of UTF-8 `utf8`, if the table has it.
  func find(text utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
    let hash = Self.hash(text: utf8)
    if let probe = Self.probe(shortText: utf8) { return bucket(probe, hash: hash).entry }
    return bucket(Self.probe(apart: Form.longText, hash: hash), hash: hash) { Self.text(longTexts[$0], is: utf8) }
      .entry
  }

  /// The number of a key, adding it when new.
  mutating func id(for key: JoinKey) -> Int32 {
    switch key {
    case .string(let text):
      return Value.withUTF8(text.text) { id(forText: $0) }
    case .int(let i):
      let probe = Self.probe(integer: i)
      let (index, entry) = bucket(probe, hash: Self.hash(key))
      return entry ?? add(probe, at: index)
    default:
      let hash = Self.hash(key)
      let probe = Self.probe(apart: Form.other, hash: hash)
      let (index, entry) = bucket(probe, hash: hash) { others[$0] == key }
      if let entry { return entry }
      others.append(key)
      return add(Self.placing(probe, at: others.count - 1), at: index)
    }
  }

  /// The number of the text key of UTF-8 `utf8`, adding it when new.
  mutating func id(forText utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(text: utf8)
    if let probe = Self.probe(shortText: utf8) {
      let (index, entry) = bucket(probe, hash: hash)
      return entry ?? add(probe, at: index)
    }
    let probe = Self.probe(apart: Form.longText, hash: hash)
    let (index, entry) = bucket(probe, hash: hash) { Self.text(longTexts[$0], is: utf8) }
    if let entry { return entry }
    longTexts.append(String(decoding: utf8, as: UTF8.self))
    return add(Self.placing(probe, at: longTexts.count - 1), at: index)
  }

  /// Numbers a key new to the table, whose bucket is `probe` (with the key's place apart, if
  /// any), in the empty bucket at `index`.
  private mutating func add(_ probe: Probe, at index: Int) -> Int32 {
    let id = Int32(count)
    buckets[index] = Bucket(head: probe.head | UInt64(UInt32(bitPattern: id)), tail: probe.tail)
    count += 1
    if count * 2 > buckets.count { grow() }
    return id
  }

  /// The bucket of hash `hash` whose key `probe` matches and, for a key kept apart, that
  /// `matches` (given the key's place apart), or the empty bucket where it would go.
  private func bucket(
    _ probe: Probe, hash: UInt64, matches: (Int) -> Bool = { _ in true }
  ) -> (index: Int, entry: Int32?) {
    buckets.withUnsafeBufferPointer { buckets in
      let mask = buckets.count - 1
      var index = Int(truncatingIfNeeded: hash) & mask
      while true {
        let bucket = buckets[index]
        if bucket.isEmpty { return (index, nil) }
        if probe.matches(bucket) && matches(bucket.apart) { return (index, bucket.entry) }
        index = (index + 1) & mask
      }
    }
  }

  /// The probe of a text key of at most `Form.shortTextLimit` bytes, held whole in its bucket;
  /// nil for a longer one.
  private static func probe(shortText utf8: UnsafeBufferPointer<UInt8>) -> Probe? {
    guard utf8.count <= Form.shortTextLimit else { return nil }
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { words in
      guard let base = utf8.baseAddress else { return }
      words.baseAddress!.advanced(by: 5).copyMemory(from: base, byteCount: utf8.count)
    }
    // The first word's low five bytes are zero (the number's four and the form's one) until
    // the length goes into the form's byte; the rest of the key spills into the second word.
    let head = UInt64(littleEndian: words.0) | UInt64(utf8.count) << 32
    return Probe(head: head, tail: UInt64(littleEndian: words.1))
  }

  private static func probe(integer: Int64) -> Probe {
    Probe(head: UInt64(Form.integer) << 32, tail: UInt64(bitPattern: integer))
  }

  /// The probe of a key kept apart: its form and 56 bits of its hash.
  private static func probe(apart form: UInt8, hash: UInt64) -> Probe {
    Probe(
      head: UInt64(form) << 32 | (hash >> 8 & 0xFF_FFFF) << 40, tail: hash & 0xFFFF_FFFF_0000_0000,
      mask: 0xFFFF_FFFF_0000_0000)
  }

  /// `probe` with the key's place apart in its tail, as its bucket holds it.
  private static func placing(_ probe: Probe, at place: Int) -> Probe {
    Probe(head: probe.head, tail: probe.tail | UInt64(UInt32(place)))
  }

  /// Whether a text key's text is the UTF-8 `utf8`.
  private static func text(_ text: String, is utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    Value.withUTF8(text) { Value.sameUTF8($0, utf8) }
  }

  /// Places every key again in twice as many buckets, by its hash, worked out again from the
  /// key (a table grows a few dozen times at most, and a hash kept for each key was 8 bytes more
  /// a key).
  private mutating func grow() {
    let old = buckets
    buckets = [Bucket](repeating: .empty, count: old.count * 2)
    let mask = buckets.count - 1
    for bucket in old where !bucket.isEmpty {
      var index = Int(truncatingIfNeeded: hash(of: bucket)) & mask
      while !buckets[index].isEmpty { index = (index + 1) & mask }
      buckets[index] = bucket
    }
  }

  /// The hash of the key a bucket holds.
  private func hash(of bucket: Bucket) -> UInt64 {
    switch bucket.form {
    case Form.integer: return Self.hash(.int(Int64(bitPattern: bucket.tail)))
    case Form.longText: return Value.withUTF8(longTexts[bucket.apart]) { Self.hash(text: $0) }
    case Form.other: return Self.hash(others[bucket.apart])
    default:
      var words = (UInt64(littleEndian: bucket.head), UInt64(littleEndian: bucket.tail))
      return withUnsafeBytes(of: &words) { bytes in
        Self.hash(text: UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[5..<5 + Int(bucket.form)]))
      }
    }
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
