import Testing

@testable import EssenceCore

/// The table relations number their join keys in: text keys found by their UTF-8 or as keys
/// alike, apart from numbers, numbered in order of first appearance through every growth.
@Suite struct KeyTableTests {
  @Test func text_keys_are_one_key_as_bytes_or_as_keys_and_apart_from_numbers() {
    var table = KeyTable()
    #expect(table.id(for: .string(CodePoints("7"))) == 0)
    #expect(table.id(for: .int(7)) == 1)
    #expect(utf8("7") { table.id(forText: $0) } == 0)
    #expect(table.find(.string(CodePoints(""))) == nil)
    #expect(utf8("") { table.id(forText: $0) } == 2)
    #expect(table.find(.string(CodePoints(""))) == 2)
    #expect(table.find(.int(7)) == 1)
    #expect(table.find(.double(7.5)) == nil)
    #expect(utf8("70") { table.find(text: $0) } == nil)
    #expect(table.count == 3)
  }

  /// Keys of every length around what a bucket holds (11 bytes) and a word (the hash folds 8
  /// bytes at a time), keys that differ only in their last byte, integers (held in the bucket
  /// too) and other keys (kept apart) keep their numbers as the table grows.
  @Test func keys_keep_their_numbers_as_the_table_grows() {
    var table = KeyTable()
    let texts = (0..<2_000).map { String(repeating: "t", count: $0 % 19) + String($0) }
    for (i, text) in texts.enumerated() {
      #expect(utf8(text) { table.id(forText: $0) } == Int32(3 * i))
      #expect(table.id(for: .int(Int64(i))) == Int32(3 * i + 1))
      #expect(table.id(for: .double(Double(i) + 0.5)) == Int32(3 * i + 2))
    }
    for (i, text) in texts.enumerated() {
      #expect(utf8(text) { table.find(text: $0) } == Int32(3 * i))
      #expect(table.find(.string(CodePoints(text))) == Int32(3 * i))
      #expect(table.find(.int(Int64(i))) == Int32(3 * i + 1))
      #expect(table.find(.double(Double(i) + 0.5)) == Int32(3 * i + 2))
      #expect(utf8(text + "x") { table.find(text: $0) } == nil)
    }
    #expect(table.find(.int(-1)) == nil)
    #expect(table.find(.double(-0.5)) == nil)
    #expect(table.count == 6_000)
  }

  /// A short text key is held whole in its bucket, bytes and length, so keys that share their
  /// first bytes, or differ only in a zero byte, are apart.
  @Test func short_keys_that_share_bytes_are_apart() {
    var table = KeyTable()
    let texts = ["", "\0", "\0\0", "a", "a\0", "abc", "abcd", "T-00002792", "T-00002793", "T-000027920", "T-0000279200"]
    for (i, text) in texts.enumerated() { #expect(utf8(text) { table.id(forText: $0) } == Int32(i)) }
    for (i, text) in texts.enumerated() { #expect(utf8(text) { table.find(text: $0) } == Int32(i)) }
    #expect(table.count == texts.count)
  }

  private func utf8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    Array(text.utf8).withUnsafeBufferPointer(body)
  }
}
