import CEL

/// Reads CSV logs: a header row names the fields, each later row is a record (SPEC §2, §7).
///
/// Rows whose cells are all empty are skipped like blank lines. Cells beyond the header are
/// ignored; missing cells are absent fields. `id`, `time`, `type` and `employee` are never
/// typed: the acceptance rules read them as text. Other cells are typed by `CSVCell`.
struct CSVLogReader {
  let layout: RecordLayout
  let fieldKinds: [String: FieldDeclaration.Kind]
  /// The fields records keep; nil keeps every field.
  let keeping: Set<String>?

  /// Reads every record of `bytes`, appending to `log`; a header naming a column twice makes
  /// the whole file unreadable.
  func read(bytes: [UInt8], path: String, into log: inout EventLog) throws(LogReadError) {
    var parser = CSVParser(bytes: bytes)
    guard let header = next(&parser, path, &log) else { return }
    var seen = Set<String>()
    for name in header.cells where !seen.insert(name).inserted {
      throw .malformed(path: path, line: header.line, reason: "duplicate column '\(name)'")
    }
    var builder = EventBuilder(layout: layout, keeping: keeping, path: path)
    let columns = header.cells.map { (key: builder.key($0), kind: fieldKinds[$0]) }
    while let row = next(&parser, path, &log) {
      if row.cells.allSatisfy(\.isEmpty) { continue }
      builder.begin()
      for (column, text) in zip(columns, row.cells) where !text.isEmpty {
        let value = column.key.role == .other ? CSVCell.value(text, kind: column.kind) : .string(text)
        builder.add(column.key, value)
      }
      builder.finish(line: row.line, into: &log)
      builder.flushIfFull(into: &log)
    }
    builder.flush(into: &log)
  }

  /// The next row; an unterminated quote rejects the record it starts and ends the file.
  private func next(_ parser: inout CSVParser, _ path: String, _ log: inout EventLog) -> CSVParser.Row? {
    do {
      return try parser.next()
    } catch {
      log.rejected.append(RejectedRecord(path: path, line: error.line, reason: "unterminated quoted field"))
      return nil
    }
  }
}
