// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        var start = startIndex
        var end = endIndex
        while start < end, isSpace(self[start]) { formIndex(after: &start) }
        while end > start, isSpace(self[index(before: end)]) { formIndex(before: &end) }
        return self[start..<end]
    }
}
