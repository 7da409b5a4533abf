import CEL
import EssenceCore
import Testing

/// The compact record storage keeps what `Record`'s contract promises.
@Suite struct RecordStorageTests {
  let layout = RecordLayout(fields: [("a", .int), ("b", .string), ("c", .dyn)])

  @Test func declaredAndUndeclaredFieldsInInputOrder() throws {
    var builder = RecordStorage.Builder(layout: layout)
    builder.append(slot: nil, name: "x", value: .int(1))
    builder.append(slot: 1, name: "b", value: .string("a string longer than fifteen bytes"))
    builder.append(slot: nil, name: "y", value: .list([.null, .bool(true)]))
    builder.append(slot: 0, name: "a", value: .uint(7))
    #expect(builder.count == 4)
    let row = builder.endRow()
    #expect(builder.count == 0)
    let record = Record(storage: builder.build(), row: row)
    #expect(record.fields.map(\.name) == ["x", "b", "y", "a"])
    #expect(record.value(atSlot: 0)?.testDescription == "uint(7)")
    #expect(record.value(atSlot: 1)?.testDescription == "string(a string longer than fifteen bytes)")
    #expect(record.value(atSlot: 2) == nil)
    #expect(record.field("x")?.testDescription == "int(1)")
    #expect(record.field("y")?.testDescription == "[null,bool(true)]")
    #expect(record.field("c") == nil)
    #expect(record.field("z") == nil)
  }

  @Test func everyKindOfValueRoundTrips() {
    let values: [Value] = [
      .null, .bool(false), .int(-3), .int(Int64(Int32.max) + 1), .int(.min), .uint(3), .double(2.5), .string(""), .bytes([1, 2]),
      .list([]), .map(MapValue(entries: [(.string("k"), .int(1))])),
      .timestamp(Timestamp(seconds: -62_135_596_800, nanos: 1)), .duration(CELDuration(seconds: -90, nanos: -5)),
      .error(EvalError("boom")),
    ]
    let fields = values.enumerated().map { (name: "f\($0.offset)", value: $0.element) }
    let record = Record(layout: layout, fields: fields)
    #expect(record.fields.map(\.value.testDescription) == values.map(\.testDescription))
  }

  @Test func storedStringsReadBackAsBytesKeptThem() {
    var builder = RecordStorage.Builder(layout: layout)
    let texts = ["e-0001", "", "an id longer than fifteen bytes, é and all", String(repeating: "x", count: 70_000)]
    let numbers = texts.map { text in Array(text.utf8).withUnsafeBufferPointer { builder.store(utf8: $0) } }
    #expect(numbers.map { builder.string($0) } == texts)
    builder.append(slot: 1, name: "b", string: numbers[2])
    let row = builder.endRow()
    let storage = builder.build()
    #expect(numbers.map { storage.string($0) } == texts)
    #expect(Record(storage: storage, row: row).value(atSlot: 1)?.testDescription == "string(\(texts[2]))")
  }

  /// A storage written out and read back (a large log's blocks) reads as it did: its rows, its
  /// interned strings (kept as UTF-8, made Strings when asked) and its stored ones.
  @Test func aStorageWrittenOutReadsBackTheSame() throws {
    var builder = RecordStorage.Builder(layout: layout)
    let long = String(repeating: "é", count: 40_000)
    let values: [Value] = [.string("short"), .string(""), .string(long), .string("naïve café, longer than a few")]
    var rows: [UInt32] = []
    for (i, value) in values.enumerated() {
      builder.append(slot: 1, name: "b", value: value)
      builder.append(slot: 0, name: "a", value: .int(Int64(i)))
      builder.append(slot: nil, name: "u\(i % 2)", value: value)
      rows.append(builder.endRow())
    }
    let stored = Array("an id".utf8).withUnsafeBufferPointer { builder.store(utf8: $0) }
    let original = builder.build()
    let (sizes, bytes) = try #require(spilled(original))
    #expect(sizes.bytes + sizes.text + sizes.starts + sizes.interned == bytes.count)
    var offset = 0
    let read = RecordStorage(layout: layout, sizes: sizes) { part in
      bytes.withUnsafeBytes { all in
        part.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + part.count)]))
      }
      offset += part.count
    }
    #expect(read.stringCount == original.stringCount)
    for n in 0..<UInt32(original.stringCount) {
      #expect(read.string(n) == original.string(n))
      #expect(read.withUTF8(n) { Array($0) } == original.withUTF8(n) { Array($0) })
    }
    #expect(read.string(stored) == "an id")
    for row in rows {
      func shown(_ storage: RecordStorage) -> [String] {
        Record(storage: storage, row: row).fields.map { "\($0.name)=\($0.value.testDescription)" }
      }
      #expect(shown(read) == shown(original))
    }
    #expect(spilled(read)?.bytes == bytes)
  }

  @Test func aStorageKeepingAListHasNoByteForm() {
    let record = Record(layout: layout, fields: [("c", .list([.int(1)]))])
    #expect(spilled(record.storage) == nil)
  }

  /// A storage's parts one after another, as the scratch file holds them.
  private func spilled(_ storage: RecordStorage) -> (sizes: RecordStorage.SpillSizes, bytes: [UInt8])? {
    storage.withSpillParts { sizes, parts in (sizes, parts.flatMap { Array($0) }) }
  }

  @Test func aRowOfManyFieldsKeepsThemAll() {
    let wide = RecordLayout(fields: (0..<5000).map { ("d\($0)", CELType.int) })
    let fields = (0..<300).map { (name: "d\($0 * 16)", value: Value.int(Int64($0))) }
      + [(name: "extra", value: Value.string("x"))]
    let record = Record(layout: wide, fields: fields)
    #expect(record.fields.count == 301)
    #expect(record.value(atSlot: 299 * 16)?.testDescription == "int(299)")
    #expect(record.has(slot: 299 * 16) && record.has(slot: 16) && !record.has(slot: 1) && !record.has(slot: 4097))
    #expect(record.field("d4784")?.testDescription == "int(299)")
    #expect(record.field("extra")?.testDescription == "string(x)")
  }

  @Test func laterDuplicateWinsInTheFieldsInitializer() {
    let record = Record(layout: layout, fields: [("a", .int(1)), ("q", .int(2)), ("a", .int(3)), ("q", .int(4))])
    #expect(record.fields.map { "\($0.name)=\($0.value.testDescription)" } == ["a=int(3)", "q=int(4)"])
  }

  @Test func rejectedFieldsAreDropped() {
    var builder = RecordStorage.Builder(layout: layout)
    builder.append(slot: 0, name: "a", value: .int(1))
    let first = builder.endRow()
    builder.append(slot: 0, name: "a", value: .int(2))
    builder.append(slot: nil, name: "x", value: .int(3))
    builder.cancelRow()
    builder.append(slot: 1, name: "b", value: .string("kept"))
    let second = builder.endRow()
    let storage = builder.build()
    #expect(Record(storage: storage, row: first).fields.map { "\($0.name)=\($0.value.testDescription)" } == ["a=int(1)"])
    let record = Record(storage: storage, row: second)
    #expect(record.fields.map(\.name) == ["b"])
    #expect(record.field("x") == nil)
  }

  @Test func rowsOfOneStorageShareEachDistinctString() {
    var builder = RecordStorage.Builder(layout: layout)
    let text = "a greeting repeated on every call"
    var rows: [UInt32] = []
    for i in 0..<3 {
      let number = Array(text.utf8).withUnsafeBufferPointer { builder.intern(utf8: $0, hash: 42) }
      builder.append(slot: 1, name: "b", string: number)
      builder.append(slot: 0, name: "a", value: .int(Int64(i)))
      rows.append(builder.endRow())
    }
    #expect(Set(rows).count == 3)
    let numbers = Set(
      (0..<2).map { _ in Array(text.utf8).withUnsafeBufferPointer { builder.intern(utf8: $0, hash: 42) } })
    #expect(numbers.count == 1)
    // Same hash, other bytes: a second string, not the first one reused.
    let other = Array("another".utf8).withUnsafeBufferPointer { builder.intern(utf8: $0, hash: 42) }
    #expect(!numbers.contains(other))
    #expect(builder.string(other) == "another")
    let storage = builder.build()
    for (i, row) in rows.enumerated() {
      let record = Record(storage: storage, row: row)
      #expect(record.value(atSlot: 1)?.testDescription == "string(\(text))")
      #expect(record.value(atSlot: 0)?.testDescription == "int(\(i))")
    }
    // A new storage does not reuse numbers of the sealed one.
    let fresh = Array("x".utf8).withUnsafeBufferPointer { builder.intern(utf8: $0, hash: 42) }
    #expect(builder.string(fresh) == "x")
  }

  /// Interning compares every byte, whatever the length: strings that differ in one byte
  /// only, with one hash, are two strings.
  @Test(arguments: 1...24) func stringsDifferingInOneByteAreTwo(length: Int) {
    var builder = RecordStorage.Builder(layout: layout)
    func intern(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBufferPointer { builder.intern(utf8: $0, hash: 7) } }
    let base = [UInt8](repeating: UInt8(ascii: "a"), count: length)
    for at in 0..<length {
      var changed = base
      changed[at] = UInt8(ascii: "b")
      let first = intern(base)
      #expect(intern(base) == first)
      let second = intern(changed)
      #expect(second != first)
      #expect(builder.string(second) == String(decoding: changed, as: UTF8.self))
      #expect(intern(changed) == second)
    }
    #expect(intern([]) != intern(base))
  }
}
