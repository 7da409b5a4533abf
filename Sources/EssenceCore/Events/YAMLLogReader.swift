import CEL

/// Reads YAML logs: a sequence of mappings, or a stream of documents each a mapping (SPEC §2).
///
/// Values are YAML's own types by the core schema (so `time:` is a string, parsed by the
/// same RFC 3339 rules as elsewhere). A record's line is the line its mapping starts on. A
/// problem inside one record (a duplicate key, a bad tag) rejects that record with the YAML
/// layer's message; a syntax error or an alias bomb makes the whole file unreadable, since
/// the records after it cannot be told apart.
struct YAMLLogReader {
  let layout: RecordLayout
  /// The fields records keep; nil keeps every field.
  let keeping: Set<String>?

  /// Reads every record of `bytes`, appending to `log`.
  func read(bytes: [UInt8], path: String, into log: inout EventLog) throws(LogReadError) {
    // Without aliases a document has fewer nodes than bytes; the bound only stops alias bombs.
    let limits = YAMLReader.Limits(maxNodesPerDocument: max(10_000, bytes.count))
    let result = YAMLReader.parse(bytes, path: path, limits: limits)
    let fatal: Set<String> = ["yaml.syntax", "yaml.alias_bomb", "yaml.unreadable"]
    if let problem = result.diagnostics.first(where: { fatal.contains($0.id) }) {
      throw .malformed(path: path, line: problem.location.line, reason: problem.message)
    }
    let problems = result.diagnostics.filter { $0.severity == .error }
    var builder = EventBuilder(layout: layout, keeping: keeping, path: path)
    for document in result.documents {
      let records: [YAMLNode]
      switch document.content {
      case .sequence(let items): records = items
      case .scalar(let scalar) where scalar.value == .null: records = []
      default: records = [document]
      }
      for node in records {
        let line = node.start.line
        if let problem = problems.first(where: { node.start <= $0.location && $0.location < node.end }) {
          log.rejected.append(RejectedRecord(path: path, line: line, reason: problem.message))
          continue
        }
        guard let fields = node.fieldEntries else {
          log.rejected.append(RejectedRecord(path: path, line: line, reason: "record is not an object"))
          continue
        }
        builder.begin()
        for (name, node) in fields { builder.add(builder.key(name), node.celValue) }
        builder.finish(line: line, into: &log)
        builder.flushIfFull(into: &log)
      }
    }
    builder.flush(into: &log)
  }
}
