// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The on-screen keypad: buttons `digit-0` … `digit-9`, `delete` and `confirm` (Enter), shared by the
/// booking code, the ticket number, the PIN and the phone.
enum Keypad {
    /// The digit buttons, in keypad order, with their keys.
    static let digits: [Button] = (Array(1...9) + [0]).map {
        Button(id: "digit-\($0)", label: "\($0)", key: Character("\($0)"))
    }

    /// The text after a keypad button.
    /// - Parameters:
    ///   - typed: The text so far.
    ///   - id: The button.
    ///   - limit: The most characters the field takes.
    /// - Returns: The new text, or `nil` when the button is not a digit or delete.
    static func edit(_ typed: String, with id: String, limit: Int) -> String? {
        if id == "delete" { return String(typed.dropLast()) }
        guard id.hasPrefix("digit-"), let digit = id.last, digit.isNumber else { return nil }
        return typed.count < limit ? typed + String(digit) : typed
    }
}
