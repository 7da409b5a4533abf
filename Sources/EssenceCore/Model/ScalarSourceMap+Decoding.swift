/// Maps positions inside a multi-line scalar back to the file by re-reading its source lines.
///
/// An expression written as a plain multi-line scalar, or after `>` or `|`, reaches CEL folded
/// or with its indentation removed. Rebuilding the value from the file's lines gives each
/// character its line and column; when the rebuilt text differs from libyaml's (an escape, a
/// more-indented line), the map gives up and the caller points at the scalar instead.
struct ScalarSourceMap {
  private let lines: [String: [[Unicode.Scalar]]]

  /// One character of a rebuilt value and where it is written.
  private struct Placed {
    var scalar: Unicode.Scalar
    var line: Int
    var column: Int
  }

  /// Splits every file into lines of Unicode scalars.
  init(sources: [(path: String, bytes: [UInt8])]) {
    var lines: [String: [[Unicode.Scalar]]] = [:]
    for (path, bytes) in sources {
      lines[path] = String(decoding: bytes, as: UTF8.self).sourceLines
    }
    self.lines = lines
  }

  /// The file position of the character at `offset` (in Unicode scalars) of the scalar's value,
  /// or nil when the value cannot be rebuilt from its source.
  func location(offset: Int, in node: YAMLNode, scalar: YAMLScalar) -> SourceLocation? {
    guard let file = lines[node.start.path] else { return nil }
    let placed: [Placed]
    switch scalar.style {
    case .plain: placed = fold(plainSegments(file, node))
    case .folded: placed = fold(blockLines(file, node).map { Self.trimmed($0) })
    case .literal: placed = literal(blockLines(file, node))
    case .singleQuoted, .doubleQuoted: return nil
    }
    let rebuilt = String(String.UnicodeScalarView(placed.map(\.scalar)))
    guard Self.withoutTrailingNewlines(rebuilt) == Self.withoutTrailingNewlines(scalar.text), let last = placed.last
    else { return nil }
    let at = offset < placed.count ? placed[offset] : Placed(scalar: " ", line: last.line, column: last.column + 1)
    return SourceLocation(path: node.start.path, line: at.line, column: at.column)
  }

  /// A plain scalar's lines: the first from its start column, the last up to its end.
  private func plainSegments(_ file: [[Unicode.Scalar]], _ node: YAMLNode) -> [[Placed]] {
    (node.start.line...node.end.line).map { line in
      guard line - 1 < file.count else { return [] }
      let text = file[line - 1]
      let from = line == node.start.line ? node.start.column - 1 : 0
      let to = line == node.end.line ? min(node.end.column - 1, text.count) : text.count
      guard from < to else { return [] }
      return Self.trimmed((from..<to).map { Placed(scalar: text[$0], line: line, column: $0 + 1) })
    }
  }

  /// A block scalar's content lines: those after its `|` or `>` header, before its end mark.
  private func blockLines(_ file: [[Unicode.Scalar]], _ node: YAMLNode) -> [[Placed]] {
    let last = min(node.end.column > 1 ? node.end.line : node.end.line - 1, file.count)
    guard node.start.line + 1 <= last else { return [] }
    return (node.start.line + 1...last).map { line in
      file[line - 1].enumerated().map { Placed(scalar: $0.element, line: line, column: $0.offset + 1) }
    }
  }

  /// Lines joined as YAML folds them: a line break becomes a space, blank lines line breaks.
  ///
  /// A separator is placed just after the text before it.
  private func fold(_ segments: [[Placed]]) -> [Placed] {
    var out: [Placed] = []
    var blanks = 0
    for segment in segments {
      guard !segment.isEmpty else {
        if !out.isEmpty { blanks += 1 }
        continue
      }
      if let previous = out.last {
        let separator: [Unicode.Scalar] = blanks == 0 ? [" "] : Array(repeating: "\n", count: blanks)
        out += separator.map { Placed(scalar: $0, line: previous.line, column: previous.column + 1) }
      }
      out += segment
      blanks = 0
    }
    return out
  }

  /// Lines of a `|` block with the first content line's indentation removed, joined by line breaks.
  private func literal(_ lines: [[Placed]]) -> [Placed] {
    guard let first = lines.first(where: { !Self.trimmed($0).isEmpty }) else { return [] }
    let indent = first.prefix { $0.scalar == " " }.count
    var out: [Placed] = []
    for (i, line) in lines.enumerated() {
      if i > 0, let previous = out.last ?? lines[i - 1].last {
        out.append(Placed(scalar: "\n", line: previous.line, column: previous.column + 1))
      }
      out += line.dropFirst(indent)
    }
    return out
  }

  private static func trimmed(_ segment: [Placed]) -> [Placed] {
    let isBlank: (Placed) -> Bool = { $0.scalar == " " || $0.scalar == "\t" }
    guard let start = segment.firstIndex(where: { !isBlank($0) }), let end = segment.lastIndex(where: { !isBlank($0) })
    else { return [] }
    return Array(segment[start...end])
  }

  private static func withoutTrailingNewlines(_ text: String) -> Substring {
    var text = Substring(text)
    while text.last == "\n" { text = text.dropLast() }
    return text
  }
}
