import CEL
internal import CSimdJSON

/// Reads JSON Lines logs through simdjson (the volume path: a log may hold millions of events).
///
/// Each non-blank line of a block is read as one document by the CSimdJSON shim, which hands
/// back its values flattened, its keys by number. A key is resolved to a `FieldKey` the first
/// time the shim numbers it, and strings go straight into the block's record storage by their
/// bytes, so a repeated key or value costs no allocation, and a field the run does not keep
/// costs nothing. One reader serves one thread (`JSONLinesFile` runs several).
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
  /// The keys the shim has numbered, by number.
  private var keys: [FieldKey] = []

  /// A reader of the log at `path`, into records of `layout` that keep the fields in
  /// `keeping` (nil: every field).
  init?(layout: RecordLayout, keeping: Set<String>? = nil, path: String) {
    guard let handle = Handle() else { return nil }
    self.handle = handle
    self.builder = EventBuilder(layout: layout, keeping: keeping, path: path)
  }

  /// Reads JSON Lines held in memory.
  mutating func read(bytes: [UInt8], into log: inout EventLog) {
    let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    let buffer = PaddedBuffer(capacity: bytes.count)
    defer { buffer.deallocate() }
    buffer.bytes.copyBytes(from: bytes)
    parse(buffer.bytes.baseAddress, bytes.count, 1, &log)
  }

  /// Parses whole lines, the first numbered `firstLine`, from a block followed by padding.
  mutating func parse<Sink: EventSink>(
    _ start: UnsafeMutableRawPointer?, _ length: Int, _ firstLine: Int, _ log: inout Sink
  ) {
    guard let start else { return }
    CSimdJSON_readerReset(handle.reader, start.assumingMemoryBound(to: CChar.self), length, firstLine)
    var document = CSimdJSONDocument()
    while CSimdJSON_readerNext(handle.reader, &document) != 0 {
      let line = document.line
      switch document.status {
      case CSimdJSONStatusObject:
        guard let entries = document.entries else { continue }
        builder.begin()
        var i = 1
        for _ in 0..<entries[0].count {
          let entry = entries[i]
          let key = fieldKey(entry.key)
          if keys[key].ignored {
            i += 1 + Int(entry.descendants)
          } else if entry.kind == CSimdJSONKindString {
            builder.add(keys[key], utf8: JSONEntries.bytes(entry.string, Int(entry.count)), hash: entry.bits)
            i += 1
          } else {
            builder.add(keys[key], value(entries, &i))
          }
        }
        builder.finish(line: line, into: &log)
      case CSimdJSONStatusNotObject:
        log.reject(RejectedRecord(path: builder.path, line: line, reason: "record is not an object"))
      case CSimdJSONStatusDuplicateKey:
        let key = JSONEntries.text(document.message, document.messageLength)
        log.reject(RejectedRecord(path: builder.path, line: line, reason: "duplicate key '\(key)'"))
      default:
        log.reject(RejectedRecord(path: builder.path, line: line, reason: "invalid JSON: " + JSONEntries.reason(document)))
      }
    }
    builder.flush(into: &log)
  }

  /// The value at `entries[i]`, with its children; leaves `i` after them.
  private mutating func value(_ entries: UnsafePointer<CSimdJSONEntry>, _ i: inout Int) -> Value {
    JSONEntries.value(entries, &i) { number in
      // Resolved before the builder is read: resolving may give the builder a new name.
      let key = keys[fieldKey(number)]
      return builder.name(key)
    }
  }

  /// The position in `keys` of the key the shim numbered `number`, resolving the keys it has
  /// numbered since.
  private mutating func fieldKey(_ number: UInt32) -> Int {
    while Int(number) >= keys.count {
      var length = 0
      let name = JSONEntries.text(CSimdJSON_readerKey(handle.reader, UInt32(keys.count), &length), length)
      keys.append(builder.key(name))
    }
    return Int(number)
  }
}
