// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Finds the known key a mistyped one was probably meant to be (`capcity` → `capacity`).
enum KeySuggestion {
    /// The closest known key, or `nil` when none is close enough to be a plausible typo.
    ///
    /// Case, `_` and `-` are ignored (`TimeZone` → `time_zone`); then at most two edits are allowed,
    /// and fewer than half the key's letters.
    ///
    /// - Parameters:
    ///   - key: The unknown key as written.
    ///   - candidates: The keys the table accepts, in schema order (ties go to the first).
    static func nearest(to key: String, in candidates: [String]) -> String? {
        let written = normalized(key)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(written, normalized(candidate))
            if distance <= 2, distance * 2 < max(written.count, 2), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func normalized(_ key: String) -> [Character] {
        Array(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    private static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
