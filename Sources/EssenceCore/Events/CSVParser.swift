/// Splits CSV text into records of cells (RFC 4180), with the line each record starts on.
///
/// Hand-written rather than taken from a CSV package because the reader needs the physical
/// line where each record starts (a quoted cell may span lines) for `path:line` in rejections
/// and default ids, and because working on the file's bytes avoids a String per line.
/// Accepts: a UTF-8 byte order mark, quoted cells with doubled quotes, embedded commas and
/// line breaks, and `\n`, `\r\n` or `\r` line ends.
struct CSVParser {
  /// One record: its cells and the 1-based line it starts on.
  struct Row {
    var cells: [String]
    var line: Int
  }

  /// A quoted cell that never closes: the rest of the input cannot be split.
  struct UnterminatedQuote: Error {
    var line: Int
  }

  private let bytes: [UInt8]
  private var position: Int
  private var line = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    position = bytes.starts(with: bom) ? 3 : 0
  }

  /// The next record, or nil at the end of the input.
  mutating func next() throws(UnterminatedQuote) -> Row? {
    guard position < bytes.count else { return nil }
    let start = line
    var cells: [String] = []
    while true {
      cells.append(try cell(startLine: start))
      guard position < bytes.count else { return Row(cells: cells, line: start) }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: ",") { continue }
      endLine(after: byte)
      return Row(cells: cells, line: start)
    }
  }

  /// Reads one cell, leaving `position` at the delimiter or line end after it.
  private mutating func cell(startLine: Int) throws(UnterminatedQuote) -> String {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
      let start = position
      while position < bytes.count, !isDelimiter(bytes[position]) { position += 1 }
      return String(decoding: bytes[start..<position], as: UTF8.self)
    }
    position += 1
    var text: [UInt8] = []
    while true {
      guard position < bytes.count else { throw UnterminatedQuote(line: startLine) }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") {
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
          text.append(byte)
          position += 1
          continue
        }
        // Text after the closing quote (not RFC 4180) is kept, as spreadsheets do.
        while position < bytes.count, !isDelimiter(bytes[position]) {
          text.append(bytes[position])
          position += 1
        }
        return String(decoding: text, as: UTF8.self)
      }
      text.append(byte)
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        let crlf = byte == UInt8(ascii: "\r") && position < bytes.count && bytes[position] == UInt8(ascii: "\n")
        if crlf { text.append(UInt8(ascii: "\n")) }
        endLine(after: byte)
      }
    }
  }

  private func isDelimiter(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  /// Counts a line end whose first byte was just consumed (`\r\n` is one line end).
  private mutating func endLine(after byte: UInt8) {
    line += 1
    if byte == UInt8(ascii: "\r"), position < bytes.count, bytes[position] == UInt8(ascii: "\n") {
      position += 1
    }
  }
}
