// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Collects an HTTP/1.1 response as it arrives and tells when it is whole: after `Content-Length` body bytes,
/// after the last chunk of a chunked body, or right after the head of a 204 or 304. Interim 1xx responses are not
/// told apart: the servers behind this proxy do not send them.
struct ResponseEnd {
    private var bytes: [UInt8] = []

    /// Whether any byte arrived.
    var hasBytes: Bool { !bytes.isEmpty }

    /// Adds bytes read from the server.
    mutating func append(_ chunk: some Sequence<UInt8>) {
        bytes.append(contentsOf: chunk)
    }

    /// Whether a whole response has arrived.
    var isComplete: Bool {
        guard let headEnd = headEnd else { return false }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
        let lines = head.split(separator: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        if status == 204 || status == 304 { return true }
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces }
            guard parts.count == 2 else { continue }
            if parts[0] == "content-length", let length = Int(parts[1]) {
                return bytes.count - (headEnd + 4) >= length
            }
            if parts[0] == "transfer-encoding" && parts[1].contains("chunked") {
                return bytes.count >= headEnd + 9 && bytes.suffix(5).elementsEqual("0\r\n\r\n".utf8)
            }
        }
        return false
    }

    /// The offset of the blank line that ends the head.
    private var headEnd: Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { index in
            bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
