/// How much a finding matters; `--fail-on` compares against it.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
  case info, minor, major, critical

  private var rank: Int {
    switch self {
    case .info: 0
    case .minor: 1
    case .major: 2
    case .critical: 3
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
