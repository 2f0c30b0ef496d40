// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Reader
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// After every other scenario of the suite has run, no byte kioskd wrote — daemon logs, command output,
/// SQLite files with their WAL, anything else under `.build/test-output/runs/` — holds a test card's
/// ID number, name, English name or address in clear, in UTF-8, in the card's own UCS-2 or in GB18030
/// (what a printer is sent).
///
/// `make test` runs this suite in a second pass, after the first has finished, with `KIOSKD_PII_SCAN=1`;
/// without it (a plain `swift test`) it is skipped, since it would race the scenarios that write the files.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KIOSKD_PII_SCAN"] == "1"))
struct PersonalDataScanTests {
    @Test func noTestCardDataInClearInAnythingTheSuiteWrote() throws {
        let files = try Self.writtenFiles()
        let logs = files.filter { $0.lastPathComponent.hasSuffix("log") }
        let databases = files.filter { $0.lastPathComponent.contains(".sqlite") }
        // Not vacuous: the scenarios ran and left their logs and databases, a card was read among them.
        #expect(logs.count >= 10, "only \(logs.count) log files under \(TestDirectory.runs.path)")
        #expect(databases.count >= 5, "only \(databases.count) database files")
        let contents = try files.map { try Data(contentsOf: $0) }
        #expect(contents.contains { $0.range(of: Data("Card read".utf8)) != nil }, "no scenario read a card")

        let secrets = try Self.secrets()
        #expect(secrets.count >= 20)
        #expect(Self.gb18030("王测试") == Data([0xCD, 0xF5, 0xB2, 0xE2, 0xCA, 0xD4]), "iconv GB18030 is not usable")
        var hits: [String] = []
        for (file, bytes) in zip(files, contents) {
            for secret in secrets {
                for (encoding, form) in Self.encodings(of: secret) where bytes.range(of: form) != nil {
                    hits.append("\(file.path): \(encoding) of a test card's \(secret.field)")
                }
            }
        }
        #expect(hits.isEmpty, "personal data in clear:\n\(hits.joined(separator: "\n"))")
    }

    /// One clear value of a test card, and which field it is (for the report; the value is never printed).
    struct Secret {
        let field: String
        let value: String
    }

    /// Every identifying value of the emulator's built-in cards and of the reader tests' fixture file.
    static func secrets() throws -> [Secret] {
        let fixtureFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ReaderTests/Fixtures/cards.json").standardized
        let cards = EmulatorFixture.builtIn.cards + (try EmulatorFixture(contentsOf: fixtureFile.path)).cards
        return cards.flatMap { card in
            [
                Secret(field: "ID number", value: card.number),
                Secret(field: "ID number without its check digit", value: String(card.number.dropLast())),
                card.name.map { Secret(field: "name", value: $0) },
                card.englishName.map { Secret(field: "English name", value: $0) },
                card.address.map { Secret(field: "address", value: $0) },
                card.additionalAddress.map { Secret(field: "additional address", value: $0) },
            ].compactMap { $0 }
        }
    }

    /// The byte forms a value could take in a file: UTF-8, UCS-2 little-endian (the card's text block), and
    /// GB18030 (printer text) — the last equal to UTF-8 for ASCII values.
    static func encodings(of secret: Secret) -> [(String, Data)] {
        var forms = [
            ("UTF-8", Data(secret.value.utf8)),
            ("UCS-2", Data(secret.value.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ]
        if let gb18030 = gb18030(secret.value), gb18030 != forms[0].1 {
            forms.append(("GB18030", gb18030))
        }
        return forms
    }

    /// The value in GB18030 through glibc's iconv, or `nil` if iconv lacks the encoding.
    static func gb18030(_ value: String) -> Data? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(value.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 4)
        let converted = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        return converted.map { Data(output.prefix($0).map { UInt8(bitPattern: $0) }) }
    }

    /// Every regular file under the runs folder except test inputs.
    static func writtenFiles() throws -> [URL] {
        let root = TestDirectory.runs
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in walker {
            if url.lastPathComponent == TestDirectory.inputFolder {
                walker.skipDescendants()
                continue
            }
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true { files.append(url) }
        }
        return files
    }
}
