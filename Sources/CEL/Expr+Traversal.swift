/// Walking a tree: traces are keyed by node id, and explanations need the node behind an id.
extension Expr {
  /// The direct sub-expressions, in source order (a macro's parts in expansion order).
  public var children: [Expr] {
    switch kind {
    case .literal, .ident: []
    case .select(let operand, _, _): [operand]
    case .call(_, let target, let args): (target.map { [$0] } ?? []) + args
    case .list(let items): items
    case .map(let entries): entries.flatMap { [$0.key, $0.value] }
    case .comprehension(let c): [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]
    }
  }

  /// The node with this id in the tree rooted here, or nil.
  public func node(id: Int) -> Expr? {
    if self.id == id { return self }
    for child in children {
      if let found = child.node(id: id) { return found }
    }
    return nil
  }
}
