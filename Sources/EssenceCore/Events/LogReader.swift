import CEL

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Reads shift logs into events and rejected records (SPEC §2, §7).
///
/// Every format goes through the same acceptance rules (required fields, RFC 3339 times,
/// ids), so a log means the same whether written as JSON Lines, CSV or YAML. `index` numbers
/// the accepted events in input order across all logs of the run.
public struct LogReader: Sendable {
  /// The event layout every condition was compiled against (`StandardsSet.layout`).
  public var layout: RecordLayout
  /// Declared field kinds (`fields:`), which type CSV cells; JSON and YAML carry their types.
  public var fieldKinds: [String: FieldDeclaration.Kind]
  /// Threads that parse a JSON Lines log at once (the result does not depend on it).
  public var threads: Int
  /// The fields events' records keep; nil keeps every field. Judging needs only the fields a
  /// set reads (`StandardsSet.fieldsRead`), and a million-event log held whole is the run's
  /// bulk memory, so `evaluate` and `huddle` keep those alone; `explain` shows every field.
  public var keeping: Set<String>?

  /// Creates a reader for one layout; by default JSON Lines are parsed on every core.
  public init(
    layout: RecordLayout, fieldKinds: [String: FieldDeclaration.Kind] = [:],
    threads: Int = min(8, ProcessInfo.processInfo.activeProcessorCount), keeping: Set<String>? = nil
  ) {
    self.layout = layout
    self.fieldKinds = fieldKinds
    self.threads = threads
    self.keeping = keeping
  }

  /// Reads the logs at `paths` (`-` is standard input, as JSON Lines), in order.
  public static func read(
    paths: [String], layout: RecordLayout, fieldKinds: [String: FieldDeclaration.Kind] = [:]
  ) throws(LogReadError) -> EventLog {
    try LogReader(layout: layout, fieldKinds: fieldKinds).read(paths: paths)
  }

  /// Reads the logs at `paths`, in order; an unreadable file stops the run with an error
  /// naming it.
  public func read(paths: [String]) throws(LogReadError) -> EventLog {
    var log = EventLog()
    try read(paths: paths, into: &log)
    return log
  }

  /// Reads the logs at `paths`, in order, appending their events and rejections to `log`
  /// (an ``Engine/emptyLog()`` indexes the events as they come).
  public func read(paths: [String], into log: inout EventLog) throws(LogReadError) {
    for path in paths {
      let input = try LogInput(path: path)
      let format = path == "-" ? .jsonLines : LogFormat(path: path)
      switch format {
      case .jsonLines:
        try JSONLinesFile.read(input, layout: layout, keeping: keeping, threads: threads, into: &log)
      case .csv, .yaml:
        try read(bytes: input.readAll(), path: path, format: format, into: &log)
      }
    }
  }

  /// Reads one log held in memory; `path` names it in ids and rejections.
  public func read(bytes: [UInt8], path: String, format: LogFormat) throws(LogReadError) -> EventLog {
    var log = EventLog()
    try read(bytes: bytes, path: path, format: format, into: &log)
    return log
  }

  private func read(
    bytes: [UInt8], path: String, format: LogFormat, into log: inout EventLog
  ) throws(LogReadError) {
    switch format {
    case .jsonLines:
      guard var reader = JSONLinesReader(layout: layout, keeping: keeping, path: path) else {
        throw .unreadable(path: path, reason: "out of memory")
      }
      reader.read(bytes: bytes, into: &log)
    case .csv:
      try CSVLogReader(layout: layout, fieldKinds: fieldKinds, keeping: keeping).read(bytes: bytes, path: path, into: &log)
    case .yaml:
      try YAMLLogReader(layout: layout, keeping: keeping).read(bytes: bytes, path: path, into: &log)
    }
  }
}

extension LogReader {
  /// A reader for the events a standards set judges: its layout and its declared field kinds
  /// (the first declaration of a field wins, as in the layout).
  public init(standards: StandardsSet) {
    var kinds: [String: FieldDeclaration.Kind] = [:]
    for file in standards.files {
      for field in file.fields where kinds[field.name] == nil { kinds[field.name] = field.kind }
    }
    self.init(layout: standards.layout, fieldKinds: kinds)
  }
}
