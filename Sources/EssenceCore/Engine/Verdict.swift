/// What Essence says about one event under one rule (SPEC §1, §3).
///
/// The cases are declared in report order (met, robotic, justified, pending, unjustified,
/// missed, error, answered, unanswered): JSON summaries list verdict keys in this order.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Comparable {
  case met, robotic, justified, pending, unjustified, missed, error, answered, unanswered

  /// The position in report order, for sorting and for counting in a fixed-size table.
  public var rank: Int {
    switch self {
    case .met: 0
    case .robotic: 1
    case .justified: 2
    case .pending: 3
    case .unjustified: 4
    case .missed: 5
    case .error: 6
    case .answered: 7
    case .unanswered: 8
    }
  }

  /// True for verdicts a leader need not act on: `met`, `justified` and `answered`.
  ///
  /// `--fail-on` ignores these, so a shift full of celebrated deviations still passes.
  public var isGood: Bool { self == .met || self == .justified || self == .answered }

  public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
}

/// Which section of a standards file a rule comes from.
public enum RuleKind: String, Sendable, Hashable, CaseIterable {
  case standard, signal, pattern
}
