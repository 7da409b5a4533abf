// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Essence",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "essence", targets: ["essence"]),
    .library(name: "EssenceCore", targets: ["EssenceCore"]),
    .library(name: "CEL", targets: ["CEL"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // C libraries, each behind the smallest surface Swift needs.
    .systemLibrary(
      name: "CLibYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
    .target(
      name: "CRE2",
      cxxSettings: [.unsafeFlags(["-std=c++17"])],
      linkerSettings: [.linkedLibrary("re2")]),
    .target(
      name: "CSimdJSON",
      cxxSettings: [.unsafeFlags(["-std=c++17", "-O3"])],
      linkerSettings: [.linkedLibrary("simdjson")]),
    .target(name: "CFileSpace"),

    // The expression language; knows nothing of standards or shifts.
    .target(name: "CEL", dependencies: ["CRE2"]),

    // Standards, shift logs, the rule engine and its reports.
    .target(
      name: "EssenceCore",
      dependencies: ["CEL", "CLibYAML", "CSimdJSON", "CFileSpace"]),

    .executableTarget(
      name: "essence",
      dependencies: [
        "EssenceCore", "CEL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .executableTarget(name: "essence-bench", dependencies: ["CEL", "EssenceCore"], path: "Benchmarks/essence-bench"),
    .executableTarget(
      name: "log-read-bench", dependencies: ["CEL", "CSimdJSON", "EssenceCore"], path: "Benchmarks/log-read-bench"),

    .target(name: "_EssenceTestSupport", dependencies: ["EssenceCore", "CEL"], path: "Tests/_EssenceTestSupport"),
    .testTarget(name: "CELTests", dependencies: ["CEL", "_EssenceTestSupport"], exclude: ["conformance-failures.txt"]),
    .testTarget(
      name: "EssenceCoreTests", dependencies: ["EssenceCore", "_EssenceTestSupport"],
      exclude: ["Reports/Snapshots"], resources: [.copy("Fixtures")]),
    .testTarget(name: "EssenceCLITests", dependencies: ["essence", "_EssenceTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
