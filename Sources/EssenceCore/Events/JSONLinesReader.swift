import CEL
internal import CSimdJSON

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Reads JSON Lines logs through simdjson (the volume path: a log may hold millions of events).
///
/// The input is read in blocks of whole lines; each non-blank line is parsed on its own by the
/// CSimdJSON shim, which hands back its values flattened. Keys and long strings go through
/// caches, so a repeated key or value costs no allocation.
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
  /// The first block size; a longer line grows the block.
  private static let blockSize = 1 << 22

  init?(layout: RecordLayout) {
    guard let handle = Handle() else { return nil }
    self.handle = handle
    self.keys = FieldKeyCache(layout: layout)
    self.builder = EventBuilder(layout: layout)
  }

  /// Reads every line of `input`, appending to `log`.
  mutating func read(_ input: LogInput, into log: inout EventLog) throws(LogReadError) {
    let padding = CSimdJSON_padding()
    var capacity = Self.blockSize
    var buffer = PaddedBuffer(capacity: capacity, padding: padding)
    defer { buffer.deallocate() }
    var filled = 0
    var line = 1
    while true {
      let count = try input.read(
        into: UnsafeMutableRawBufferPointer(rebasing: buffer.bytes[filled..<capacity]))
      if count == 0 {
        if filled > 0 { line = parse(buffer.bytes.baseAddress, filled, line, input.path, &log) }
        return
      }
      filled += count
      guard let end = buffer.lastNewline(before: filled) else {
        if filled == capacity {
          capacity *= 2
          buffer.grow(to: capacity, keeping: filled)
        }
        continue
      }
      let firstBlock = line == 1
      line = parse(buffer.bytes.baseAddress, end + 1, line, input.path, &log)
      if firstBlock, let size = input.size { reserve(&log, readSoFar: end + 1, of: size) }
      buffer.moveToFront(end + 1..<filled)
      filled -= end + 1
    }
  }

  /// Makes room for the events the rest of the file will likely hold, judging by its first
  /// block: growing a million-event array by doubling would copy it and leave half unused.
  private func reserve(_ log: inout EventLog, readSoFar: Int, of size: Int) {
    guard readSoFar > 0, size > readSoFar else { return }
    let perByte = Double(log.read) / Double(readSoFar)
    let expected = Int(Double(size - readSoFar) * perByte * 1.01)
    log.events.reserveCapacity(log.events.count + expected)
  }

  /// Reads JSON Lines held in memory.
  mutating func read(bytes: [UInt8], path: String, into log: inout EventLog) {
    let buffer = PaddedBuffer(capacity: bytes.count, padding: CSimdJSON_padding())
    defer { buffer.deallocate() }
    buffer.bytes.copyBytes(from: bytes)
    _ = parse(buffer.bytes.baseAddress, bytes.count, 1, path, &log)
  }

  /// Parses complete lines starting at `firstLine`; returns the number of the line after them.
  private mutating func parse(
    _ start: UnsafeMutableRawPointer?, _ length: Int, _ firstLine: Int, _ path: String,
    _ log: inout EventLog
  ) -> Int {
    guard let start else { return firstLine }
    CSimdJSON_readerReset(handle.reader, start.assumingMemoryBound(to: CChar.self), length, firstLine)
    var document = CSimdJSONDocument()
    while CSimdJSON_readerNext(handle.reader, &document) != 0 {
      let line = document.line
      switch document.status {
      case CSimdJSONStatusObject:
        guard let entries = document.entries else { continue }
        builder.begin(capacity: cellCount(entries))
        var i = 1
        for _ in 0..<entries[0].count {
          let key = fieldKey(entries[i])
          let value = value(entries, &i)
          builder.add(key, value)
        }
        builder.finish(path: path, line: line, into: &log)
      case CSimdJSONStatusNotObject:
        log.rejected.append(RejectedRecord(path: path, line: line, reason: "record is not an object"))
      case CSimdJSONStatusDuplicateKey:
        let key = text(document.message, document.messageLength)
        log.rejected.append(RejectedRecord(path: path, line: line, reason: "duplicate key '\(key)'"))
      default:
        let message = text(document.message, document.messageLength)
        let reason = "invalid JSON: " + message.prefix(1).lowercased() + message.dropFirst()
        log.rejected.append(RejectedRecord(path: path, line: line, reason: reason))
      }
    }
    return CSimdJSON_readerNextLine(handle.reader)
  }

  /// Cells the record of the object at `entries[0]` takes: one per field, two per undeclared
  /// field (see `Record`), so its storage is allocated at its final size.
  private mutating func cellCount(_ entries: UnsafePointer<CSimdJSONEntry>) -> Int {
    let count = entries[0].count
    var cells = count
    var i = 1
    for _ in 0..<count {
      if fieldKey(entries[i]).slot == nil { cells += 1 }
      i += 1 + entries[i].descendants
    }
    return cells
  }

  /// The value at `entries[i]`, with its children; leaves `i` after them.
  private mutating func value(_ entries: UnsafePointer<CSimdJSONEntry>, _ i: inout Int) -> Value {
    let entry = entries[i]
    i += 1
    switch entry.kind {
    case CSimdJSONKindFalse: return .bool(false)
    case CSimdJSONKindTrue: return .bool(true)
    case CSimdJSONKindInt: return .int(entry.integer)
    case CSimdJSONKindUInt: return .uint(entry.unsignedInteger)
    case CSimdJSONKindDouble: return .double(entry.real)
    case CSimdJSONKindString: return .string(string(entry))
    case CSimdJSONKindArray:
      var list: [Value] = []
      list.reserveCapacity(entry.count)
      for _ in 0..<entry.count { list.append(value(entries, &i)) }
      return .list(list)
    case CSimdJSONKindObject:
      var members: [(key: Value, value: Value)] = []
      members.reserveCapacity(entry.count)
      for _ in 0..<entry.count {
        let key = fieldKey(entries[i]).name
        members.append((.string(key), value(entries, &i)))
      }
      return .map(MapValue(entries: members))
    default: return .null
    }
  }

  private mutating func fieldKey(_ entry: CSimdJSONEntry) -> FieldKey {
    keys.key(bytes(entry.key, entry.keyLength), hash: entry.keyHash, words: entry.keyWords)
  }

  private mutating func string(_ entry: CSimdJSONEntry) -> String {
    let utf8 = bytes(entry.string, entry.stringLength)
    if utf8.count <= 15 { return String(decoding: utf8, as: UTF8.self) }
    return strings.string(utf8, hash: entry.stringHash)
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

/// A block of bytes followed by `padding` zeroed bytes that simdjson may read past the end.
private struct PaddedBuffer {
  private(set) var bytes: UnsafeMutableRawBufferPointer
  private let padding: Int

  init(capacity: Int, padding: Int) {
    self.padding = padding
    let all = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity + padding, alignment: 64)
    all.initializeMemory(as: UInt8.self, repeating: 0)
    bytes = UnsafeMutableRawBufferPointer(rebasing: all[0..<capacity])
  }

  /// The offset of the last newline in the first `count` bytes.
  func lastNewline(before count: Int) -> Int? {
    var i = count - 1
    while i >= 0 {
      if bytes[i] == UInt8(ascii: "\n") { return i }
      i -= 1
    }
    return nil
  }

  /// Moves `range` to the start of the block.
  func moveToFront(_ range: Range<Int>) {
    guard let base = bytes.baseAddress, !range.isEmpty else { return }
    memmove(base, base + range.lowerBound, range.count)
  }

  mutating func grow(to capacity: Int, keeping count: Int) {
    let larger = PaddedBuffer(capacity: capacity, padding: padding)
    larger.bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count]))
    deallocate()
    self = larger
  }

  func deallocate() {
    UnsafeMutableRawBufferPointer(start: bytes.baseAddress, count: bytes.count + padding).deallocate()
  }
}
