import CEL

/// What a table said for each string of one block's storage, for passes over the log in
/// input order.
///
/// Consecutive events share a storage, and a block holds each distinct type or employee
/// once, so a pass asks the table (which hashes the text) once per block and string, and
/// every other event costs an array read.
struct BlockMemo {
  private var storage: ObjectIdentifier?
  private var answers: [Int32] = []
  private static let unasked: Int32 = .min

  /// The answer for string `number` of `storage`: `ask()`'s, remembered for the block.
  mutating func answer(_ number: UInt32, of storage: RecordStorage, _ ask: () -> Int32) -> Int32 {
    let key = ObjectIdentifier(storage)
    if key != self.storage {
      self.storage = key
      answers = [Int32](repeating: Self.unasked, count: storage.stringCount)
    }
    let n = Int(number)
    guard n < answers.count else { return ask() }
    if answers[n] == Self.unasked { answers[n] = ask() }
    return answers[n]
  }
}
