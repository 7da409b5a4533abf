import CEL
internal import CSimdJSON

/// Reads JSON Lines logs through simdjson (the volume path: a log may hold millions of events).
///
/// Each non-blank line of a block is parsed on its own by the CSimdJSON shim, which hands back
/// its values flattened. Keys and long strings go through caches, so a repeated key or value
/// costs no allocation. One reader serves one thread (`JSONLinesFile` runs several).
struct JSONLinesReader {
  /// Owns the C reader. The Swift reader is a struct so its caches are checked for exclusive
  /// access at compile time, not on every field.
  private final class Handle {
    let reader: OpaquePointer
    init?() {
      guard let reader = CSimdJSON_readerCreate() else { return nil }
      self.reader = reader
    }
    deinit { CSimdJSON_readerDestroy(reader) }
  }

  private let handle: Handle
  private var builder: EventBuilder
  private var keys: FieldKeyCache
  private var strings = StringCache(bits: 12)
  /// Strings of 15 bytes or fewer: Swift stores them inline, but making one validates its
  /// UTF-8 again, which costs more than finding the repeated value (types, employees).
  private var shortStrings = StringCache(bits: 10)
  /// The numbers in `keys` of the keys of the object being read, in order: the first
  /// `fieldCount` entries (scratch, overwritten in place from line to line, never emptied).
  private var fieldKeys: [Int32] = []
  private var fieldCount = 0

  init?(layout: RecordLayout) {
    guard let handle = Handle() else { return nil }
    self.handle = handle
    self.keys = FieldKeyCache(layout: layout)
    self.builder = EventBuilder(layout: layout)
  }

  /// Reads JSON Lines held in memory.
  mutating func read(bytes: [UInt8], path: String, into log: inout EventLog) {
    let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let buffer = PaddedBuffer(capacity: bytes.count)
    defer { buffer.deallocate() }
    buffer.bytes.copyBytes(from: bytes)
    parse(buffer.bytes.baseAddress, bytes.count, 1, path, &log)
  }

  /// Parses whole lines, the first numbered `firstLine`, from a block followed by padding.
  mutating func parse<Sink: EventSink>(
    _ start: UnsafeMutableRawPointer?, _ length: Int, _ firstLine: Int, _ path: String,
    _ log: inout Sink
  ) {
    guard let start else { return }
    CSimdJSON_readerReset(handle.reader, start.assumingMemoryBound(to: CChar.self), length, firstLine)
    var document = CSimdJSONDocument()
    while CSimdJSON_readerNext(handle.reader, &document) != 0 {
      let line = document.line
      switch document.status {
      case CSimdJSONStatusObject:
        guard let entries = document.entries else { continue }
        builder.begin(capacity: resolveKeys(entries))
        var i = 1
        for k in 0..<fieldCount {
          let key = Int(fieldKeys[k])
          let value = value(entries, &i, shared: keys.keys[key].role != .id)
          builder.add(keys.keys[key], value)
        }
        builder.finish(path: path, line: line, into: &log)
      case CSimdJSONStatusNotObject:
        log.reject(RejectedRecord(path: path, line: line, reason: "record is not an object"))
      case CSimdJSONStatusDuplicateKey:
        let key = text(document.message, document.messageLength)
        log.reject(RejectedRecord(path: path, line: line, reason: "duplicate key '\(key)'"))
      default:
        let message = text(document.message, document.messageLength)
        let reason = "invalid JSON: " + message.prefix(1).lowercased() + message.dropFirst()
        log.reject(RejectedRecord(path: path, line: line, reason: reason))
      }
    }
  }

  /// Resolves the keys of the object at `entries[0]` into `fieldKeys`; returns the cells its
  /// record takes (one per field, two per undeclared field, see `Record`), so the record's
  /// storage is allocated at its final size.
  private mutating func resolveKeys(_ entries: UnsafePointer<CSimdJSONEntry>) -> Int {
    var cells = 0
    var i = 1
    fieldCount = Int(entries[0].count)
    for k in 0..<fieldCount {
      let key = fieldKey(entries[i])
      if k < fieldKeys.count { fieldKeys[k] = key } else { fieldKeys.append(key) }
      cells += keys.keys[Int(key)].cells
      i += 1 + Int(entries[i].descendants)
    }
    return cells
  }

  /// The value at `entries[i]`, with its children; leaves `i` after them. A string is looked
  /// up among earlier ones only when `shared` (ids are unique: they would only evict).
  private mutating func value(
    _ entries: UnsafePointer<CSimdJSONEntry>, _ i: inout Int, shared: Bool = true
  ) -> Value {
    let entry = entries[i]
    i += 1
    switch entry.kind {
    case CSimdJSONKindFalse: return .bool(false)
    case CSimdJSONKindTrue: return .bool(true)
    case CSimdJSONKindInt: return .int(Int64(bitPattern: entry.bits))
    case CSimdJSONKindUInt: return .uint(entry.bits)
    case CSimdJSONKindDouble: return .double(Double(bitPattern: entry.bits))
    case CSimdJSONKindString: return .string(string(entry, shared: shared))
    case CSimdJSONKindArray:
      var list: [Value] = []
      list.reserveCapacity(Int(entry.count))
      for _ in 0..<entry.count { list.append(value(entries, &i)) }
      return .list(list)
    case CSimdJSONKindObject:
      var members: [(key: Value, value: Value)] = []
      members.reserveCapacity(Int(entry.count))
      for _ in 0..<entry.count {
        let number = Int(fieldKey(entries[i]))
        let key = keys.keys[number].name
        members.append((.string(key), value(entries, &i)))
      }
      return .map(MapValue(entries: members))
    default: return .null
    }
  }

  /// The number in `keys` of an entry's key.
  private mutating func fieldKey(_ entry: CSimdJSONEntry) -> Int32 {
    keys.number(bytes(entry.key, Int(entry.keyLength)), hash: entry.keyHash, words: entry.keyWords)
  }

  private mutating func string(_ entry: CSimdJSONEntry, shared: Bool) -> String {
    let utf8 = bytes(entry.string, Int(entry.stringLength))
    guard shared else { return String(decoding: utf8, as: UTF8.self) }
    if utf8.count > 15 { return strings.string(utf8, hash: entry.stringHash) }
    return shortStrings.string(utf8, hash: entry.stringHash)
  }

  private func text(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
    String(decoding: bytes(pointer, count), as: UTF8.self)
  }

  private func bytes(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(
      start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
  }
}
