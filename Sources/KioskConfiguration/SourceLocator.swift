// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Finds the line of a key path such as `business[2].prefix` in TOML text.
///
/// TOMLKit reports positions only for syntax errors, so this searches the text, best effort: the n-th
/// `[[business]]` header, then the `prefix = …` line inside that section. A key the file does not contain
/// (a missing required key) gives the line of its section's header. Multi-line strings are not tracked.
struct SourceLocator {
    private struct Header {
        var name: String
        var isArray: Bool
        var line: Int
    }

    private let lines: [Substring]
    private let headers: [Header]

    /// Indexes the table headers of a TOML text.
    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var headers: [Header] = []
        for (index, line) in lines.enumerated() {
            if let header = SourceLocator.header(in: line) {
                headers.append(Header(name: header.name, isArray: header.isArray, line: index))
            }
        }
        self.headers = headers
    }

    /// The 1-based line of a key path, or `nil` when it cannot be found.
    func line(of keyPath: String) -> Int? {
        let components = SourceLocator.components(of: keyPath)
        guard let first = components.first else { return nil }
        let matches = headers.enumerated().filter {
            $0.element.name == first.name && $0.element.isArray == (first.index != nil)
        }
        let position = (first.index ?? 1) - 1
        if position < matches.count {
            let (headerIndex, header) = matches[position]
            let end = headerIndex + 1 < headers.count ? headers[headerIndex + 1].line : lines.count
            if components.count > 1, let line = keyLine(components[1].name, in: (header.line + 1)..<end) {
                return line + 1
            }
            return header.line + 1
        }
        // Not a section header: a root-level key, or a dotted key such as `hall.name = …`.
        let rootEnd = headers.first?.line ?? lines.count
        if components.count > 1, let line = keyLine(first.name + "." + components[1].name, in: 0..<rootEnd) {
            return line + 1
        }
        return keyLine(first.name, in: 0..<rootEnd).map { $0 + 1 }
    }

    private func keyLine(_ key: String, in range: Range<Int>) -> Int? {
        range.first { index in
            guard let equals = lines[index].firstIndex(of: "=") else { return false }
            let written = SourceLocator.normalizedKey(lines[index][..<equals])
            return written == key || written.hasPrefix(key + ".")
        }
    }

    private static func header(in line: Substring) -> (name: String, isArray: Bool)? {
        let text = line.drop { $0 == " " || $0 == "\t" }
        let isArray = text.hasPrefix("[[")
        guard text.hasPrefix("[") else { return nil }
        let opening = isArray ? "[[" : "["
        let closing = isArray ? "]]" : "]"
        let body = text.dropFirst(opening.count)
        guard let close = body.firstRange(of: closing) else { return nil }
        let name = body[..<close.lowerBound]
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "_-.\"' \t".contains($0) }
        guard allowed, !name.trimmingSpaces().isEmpty else { return nil }
        return (normalizedKey(name), isArray)
    }

    /// `"hall" . name ` → `hall.name`: quotes and spaces around dotted parts removed.
    private static func normalizedKey(_ text: Substring) -> String {
        text.split(separator: ".", omittingEmptySubsequences: false)
            .map { part in
                var part = part.trimmingSpaces()
                if part.count >= 2, let first = part.first, first == "\"" || first == "'", part.last == first {
                    part = part.dropFirst().dropLast()
                }
                return String(part)
            }
            .joined(separator: ".")
    }

    /// `business[2].prefix` → `[(business, 2), (prefix, nil)]`.
    private static func components(of keyPath: String) -> [(name: String, index: Int?)] {
        keyPath.split(separator: ".").map { part in
            guard let open = part.firstIndex(of: "["), part.last == "]" else { return (String(part), nil) }
            let number = part[part.index(after: open)..<part.index(before: part.endIndex)]
            return (String(part[..<open]), Int(number))
        }
    }
}
