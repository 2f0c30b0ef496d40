// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Finds the line of a key path such as `usb.endpoints.in_body` or `source[2].facts` in a device file.
///
/// TOMLKit reports positions only for syntax errors, so this searches the text, best effort: the table
/// header (`[usb.endpoints]`, the n-th `[[source]]`), then the `key = …` line inside it. A key the file does
/// not contain gives the line of its table's header. Device files are small and flat; dotted keys written
/// inline (`usb.vendor_id = …` at the top) are found too.
struct KeyLocator {
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
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("[") else { continue }
            let isArray = trimmed.hasPrefix("[[")
            let body = trimmed.dropFirst(isArray ? 2 : 1)
            guard let close = body.firstIndex(of: "]") else { continue }
            let name = body[..<close].split(separator: ".").map { KeyLocator.bare($0) }.joined(separator: ".")
            headers.append(Header(name: name, isArray: isArray, line: index))
        }
        self.headers = headers
    }

    /// The 1-based line of a key path, or `nil` when it cannot be found.
    func line(of keyPath: String) -> Int? {
        // `source[2].facts` → table `source`, element 2, key `facts`.
        var tablePath = ""
        var element = 1
        var isArray = false
        var key = keyPath
        if let open = keyPath.firstIndex(of: "["), let close = keyPath.firstIndex(of: "]") {
            tablePath = String(keyPath[..<open])
            element = Int(keyPath[keyPath.index(after: open)..<close]) ?? 1
            isArray = true
            key = String(keyPath[close...].dropFirst().drop { $0 == "." })
        }
        if isArray {
            let matches = headers.filter { $0.name == tablePath && $0.isArray }
            guard element - 1 < matches.count else { return nil }
            return keyLine(key, after: matches[element - 1].line) ?? matches[element - 1].line + 1
        }
        // The longest table header that is a prefix of the key path, e.g. `usb.endpoints` for `usb.endpoints.in`.
        let parts = keyPath.split(separator: ".").map(String.init)
        for count in stride(from: parts.count, through: 1, by: -1) {
            let table = parts.prefix(count).joined(separator: ".")
            guard let header = headers.first(where: { $0.name == table && !$0.isArray }) else { continue }
            let rest = parts.dropFirst(count).joined(separator: ".")
            if rest.isEmpty { return header.line + 1 }
            return keyLine(rest, after: header.line) ?? header.line + 1
        }
        return keyLine(keyPath, after: -1)
    }

    /// The 1-based line of `key = …` in the table whose header is on 0-based line `header` (-1: the root).
    private func keyLine(_ key: String, after header: Int) -> Int? {
        let end = headers.first { $0.line > header }?.line ?? lines.count
        guard header + 1 < end else { return nil }
        for index in (header + 1)..<end {
            guard let equals = lines[index].firstIndex(of: "=") else { continue }
            let written = lines[index][..<equals].split(separator: ".").map { KeyLocator.bare($0) }
                .joined(separator: ".")
            if written == key || written.hasPrefix(key + ".") { return index + 1 }
        }
        return nil
    }

    /// A key part without spaces and quotes.
    private static func bare(_ part: Substring) -> String {
        var part = part.drop { $0 == " " || $0 == "\t" }
        while let last = part.last, last == " " || last == "\t" { part = part.dropLast() }
        if part.count >= 2, let first = part.first, first == "\"" || first == "'", part.last == first {
            part = part.dropFirst().dropLast()
        }
        return String(part)
    }
}
