import CEL
internal import CSimdJSON

/// The values of a document the CSimdJSON shim flattened into entries (a container's entry,
/// then its children), as CEL values: the nested values of log lines, and `expr`'s event.
enum JSONEntries {
  /// The value at `entries[i]`, with its children; leaves `i` after them. `name` gives an object
  /// member's key by the shim's number for it.
  static func value(_ entries: UnsafePointer<CSimdJSONEntry>, _ i: inout Int, name: (UInt32) -> String) -> Value {
    let entry = entries[i]
    i += 1
    switch entry.kind {
    case CSimdJSONKindFalse: return .bool(false)
    case CSimdJSONKindTrue: return .bool(true)
    case CSimdJSONKindInt: return .int(Int64(bitPattern: entry.bits))
    case CSimdJSONKindUInt: return .uint(entry.bits)
    case CSimdJSONKindDouble: return .double(Double(bitPattern: entry.bits))
    case CSimdJSONKindString: return .string(text(entry.string, Int(entry.count)))
    case CSimdJSONKindArray:
      var list: [Value] = []
      list.reserveCapacity(Int(entry.count))
      for _ in 0..<entry.count { list.append(value(entries, &i, name: name)) }
      return .list(list)
    case CSimdJSONKindObject:
      var members: [(key: Value, value: Value)] = []
      members.reserveCapacity(Int(entry.count))
      for _ in 0..<entry.count {
        let key = name(entries[i].key)
        members.append((.string(key), value(entries, &i, name: name)))
      }
      return .map(MapValue(entries: members))
    default: return .null
    }
  }

  /// Why simdjson could not read a document, lowercased as a reason in a sentence.
  static func reason(_ document: CSimdJSONDocument) -> String {
    let message = text(document.message, document.messageLength)
    return message.prefix(1).lowercased() + message.dropFirst()
  }

  static func text(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
    String(decoding: bytes(pointer, count), as: UTF8.self)
  }

  static func bytes(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
  }
}
