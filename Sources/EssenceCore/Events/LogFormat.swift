/// The formats a shift log may be written in (SPEC §2), chosen by the file's extension.
public enum LogFormat: String, Sendable, CaseIterable {
  /// One JSON object per line (`.jsonl`, `.ndjson`, standard input).
  case jsonLines
  /// A header row, then one record per row (`.csv`).
  case csv
  /// A sequence of mappings, or a stream of documents each a mapping (`.yaml`, `.yml`).
  case yaml

  /// The format of `path`: `.csv`, `.yaml`/`.yml`, else JSON Lines (`.jsonl`, `.ndjson`, and
  /// `-` for standard input; an unknown extension is read as JSON Lines too, the common case).
  public init(path: String) {
    let lower = path.lowercased()
    if lower.hasSuffix(".csv") {
      self = .csv
    } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
      self = .yaml
    } else {
      self = .jsonLines
    }
  }
}
