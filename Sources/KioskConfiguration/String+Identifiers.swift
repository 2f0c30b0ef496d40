// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension String {
    /// Whether this is 1…`maxLength` characters, each an ASCII lowercase letter, digit or one of `extra`
    /// (`social-security`, `green_channel`).
    func isLowercaseCode(maxLength: Int, extra: Set<UInt8> = [UInt8(ascii: "-")]) -> Bool {
        (1...maxLength).contains(count)
            && allSatisfy { character in
                guard let ascii = character.asciiValue else { return false }
                return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) || extra.contains(ascii)
            }
    }

    /// Whether this is a window id: 1–16 ASCII letters, digits or `-`.
    var isWindowID: Bool {
        (1...16).contains(count)
            && allSatisfy { character in
                guard let ascii = character.asciiValue else { return false }
                return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) || ascii == UInt8(ascii: "-")
            }
    }

    /// Whether this is a ticket prefix: 1–2 ASCII uppercase letters.
    var isTicketPrefix: Bool {
        (1...2).contains(count)
            && allSatisfy { character in
                character.asciiValue.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? false
            }
    }

    /// Whether this can be a staff token: 8–128 printable ASCII characters, no spaces.
    var isStaffToken: Bool {
        (8...128).contains(count)
            && allSatisfy { character in
                character.asciiValue.map { $0 > 0x20 && $0 < 0x7F } ?? false
            }
    }
}
