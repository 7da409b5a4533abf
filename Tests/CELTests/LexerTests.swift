import CEL
import Testing

/// Each literal form of the cel-spec grammar, with the value it denotes (as `structure`
/// prints it: `5u` uint, `1.5d` double, `'s'` string, `b[..]` bytes).
let literalCases: [ParseCase] = [
  ParseCase(source: "0", expected: "0"),
  ParseCase(source: "42", expected: "42"),
  ParseCase(source: "9223372036854775807", expected: "9223372036854775807"),
  ParseCase(source: "0x1F", expected: "31"),
  ParseCase(source: "0Xff", expected: "255"),
  ParseCase(source: "-0x10", expected: "-16"),
  ParseCase(source: "42u", expected: "42u"),
  ParseCase(source: "42U", expected: "42u"),
  ParseCase(source: "0xFFu", expected: "255u"),
  ParseCase(source: "18446744073709551615u", expected: "18446744073709551615u"),
  ParseCase(source: "1.5", expected: "1.5d"),
  ParseCase(source: ".5", expected: "0.5d"),
  ParseCase(source: "1e3", expected: "1000.0d"),
  ParseCase(source: "1.5E-3", expected: "0.0015d"),
  ParseCase(source: "2e+2", expected: "200.0d"),
  ParseCase(source: "true", expected: "true"),
  ParseCase(source: "null", expected: "null"),
  ParseCase(source: "'single'", expected: "'single'"),
  ParseCase(source: "\"double\"", expected: "'double'"),
  ParseCase(source: "'''tri'ple\nline'''", expected: "'tri'ple\nline'"),
  ParseCase(source: "\"\"\"tri\"ple\"\"\"", expected: "'tri\"ple'"),
  ParseCase(source: "''", expected: "''"),
  ParseCase(source: "r'a\\nb'", expected: "'a\\nb'"),
  ParseCase(source: "R\"\\d+\"", expected: "'\\d+'"),
  ParseCase(source: "'\\a\\b\\f\\n\\r\\t\\v'", expected: "'\u{07}\u{08}\u{0C}\n\r\t\u{0B}'"),
  ParseCase(source: "'\\\\ \\' \\\" \\` \\?'", expected: "'\\ ' \" ` ?'"),
  ParseCase(source: "'\\101\\x42\\X43'", expected: "'ABC'"),
  ParseCase(source: "'\\u00e9\\U0001F600'", expected: "'é😀'"),
  ParseCase(source: "'é😀'", expected: "'é😀'"),
  ParseCase(source: "'\\377'", expected: "'ÿ'"),
  ParseCase(source: "b'abc'", expected: "b[97, 98, 99]"),
  ParseCase(source: "B\"\\xff\\000\"", expected: "b[255, 0]"),
  ParseCase(source: "b'\\377'", expected: "b[255]"),
  ParseCase(source: "b'é'", expected: "b[195, 169]"),
  ParseCase(source: "br'\\x'", expected: "b[92, 120]"),
  ParseCase(source: "Rb'''a\\'''", expected: "b[97, 92]"),
]

@Test(arguments: literalCases)
func decodesLiterals(_ c: ParseCase) throws {
  let (ast, diagnostics) = emptyEnvironment.parse(c.source)
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  #expect(structure(try #require(ast)) == c.expected)
}

/// Names that are not literals: string prefixes only count directly before a quote, and
/// reserved words and keywords stay usable as field and method names.
let nameCases: [ParseCase] = [
  ParseCase(source: "r", expected: "r"),
  ParseCase(source: "b + rb", expected: "_+_(b, rb)"),
  ParseCase(source: "bytes_count", expected: "bytes_count"),
  ParseCase(source: "x.if.while", expected: "x.if.while"),
  ParseCase(source: "_x1", expected: "_x1"),
  ParseCase(source: "a.`b-c`.`d e`", expected: "a.b-c.d e"),
  ParseCase(source: "in_range", expected: "in_range"),
]

@Test(arguments: nameCases)
func readsNames(_ c: ParseCase) throws {
  let (ast, diagnostics) = emptyEnvironment.parse(c.source)
  #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  #expect(structure(try #require(ast)) == c.expected)
}

@Test func printsLiteralsBackAsEquivalentSource() throws {
  for c in literalCases {
    let tree = try #require(emptyEnvironment.parse(c.source).ast)
    let reparsed = try #require(emptyEnvironment.parse(tree.sourceDescription).ast, "\(tree.sourceDescription)")
    #expect(structure(reparsed) == c.expected, "\(tree.sourceDescription)")
  }
}
