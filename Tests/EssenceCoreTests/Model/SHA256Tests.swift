import Testing

@testable import EssenceCore

/// The hand-written SHA-256 against FIPS 180-4's examples and `sha256sum`.
@Suite struct SHA256Tests {
  struct Vector: Sendable, CustomTestStringConvertible {
    let message: String
    let digest: String
    var testDescription: String { "\(message.utf8.count) bytes" }
  }

  /// The alphabet three times, cut to `count` bytes.
  static func letters(_ count: Int) -> String { String(String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 3).prefix(count)) }

  static let vectors = [
    // FIPS 180-4's examples (NIST's "SHA-256" example file).
    Vector(message: "", digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    Vector(message: "abc", digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    Vector(
      message: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    Vector(
      message: "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    // Either side of where the padding takes a second block, from `sha256sum`.
    Vector(message: letters(55), digest: "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"),
    Vector(message: letters(56), digest: "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"),
    Vector(message: letters(63), digest: "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"),
    Vector(message: letters(64), digest: "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"),
    Vector(message: letters(65), digest: "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"),
  ]

  @Test(arguments: vectors) func digestsAMessageWhole(_ vector: Vector) {
    var hasher = SHA256()
    hasher.update(vector.message.utf8)
    #expect(hasher.finalize() == vector.digest)
  }

  /// A million `a`s in pieces of 1 to 100 bytes, so that blocks fill across pieces.
  @Test func digestsAMillionBytesFedInUnevenPieces() {
    var hasher = SHA256()
    var fed = 0
    var size = 1
    while fed < 1_000_000 {
      let piece = min(size, 1_000_000 - fed)
      hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
      fed += piece
      size = size % 100 + 7
    }
    #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Finalizing reads the hash without ending it: more bytes can follow.
  @Test func finalizingLeavesTheHasherAsItWas() {
    var hasher = SHA256()
    hasher.update("ab".utf8)
    _ = hasher.finalize()
    hasher.update("c".utf8)
    #expect(hasher.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
