import CEL
internal import CSimdJSON

/// A JSON object read as a log's lines are read (simdjson: the same numbers, the same checks),
/// whatever lines it spans: `essence expr --event` binds one to `event`.
public enum JSONDocument {
  /// Why a text is not a JSON object.
  public enum Failure: Error, Equatable {
    /// Not JSON; the reason as a log's rejected line gives it.
    case invalid(reason: String)
    case notAnObject
    case duplicateKey(String)
  }

  /// The members of the JSON object `text`, in the order written.
  public static func members(ofObject text: String) throws(Failure) -> [(name: String, value: Value)] {
    guard let reader = CSimdJSON_readerCreate() else { throw .invalid(reason: "out of memory") }
    defer { CSimdJSON_readerDestroy(reader) }
    let utf8 = Array(text.utf8)
    let buffer = PaddedBuffer(capacity: utf8.count)
    defer { buffer.deallocate() }
    buffer.bytes.copyBytes(from: utf8)
    var document = CSimdJSONDocument()
    CSimdJSON_readerParse(reader, buffer.bytes.baseAddress?.assumingMemoryBound(to: CChar.self), utf8.count, &document)
    switch document.status {
    case CSimdJSONStatusObject:
      guard let entries = document.entries else { return [] }
      func name(_ number: UInt32) -> String {
        var length = 0
        return JSONEntries.text(CSimdJSON_readerKey(reader, number, &length), length)
      }
      var members: [(name: String, value: Value)] = []
      var i = 1
      for _ in 0..<entries[0].count {
        let key = name(entries[i].key)
        members.append((key, JSONEntries.value(entries, &i, name: name)))
      }
      return members
    case CSimdJSONStatusNotObject:
      throw .notAnObject
    case CSimdJSONStatusDuplicateKey:
      throw .duplicateKey(JSONEntries.text(document.message, document.messageLength))
    default:
      throw .invalid(reason: JSONEntries.reason(document))
    }
  }
}
