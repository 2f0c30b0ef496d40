// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue

/// Small JSON texts written on every queue operation (event details, a window's businesses), built
/// directly: a `JSONEncoder` per row costs more than the rest of the row's write.
enum JSONText {
    /// `{"key":"value",…}` with keys sorted.
    static func object(_ dictionary: [String: String]) -> String {
        var text = "{"
        for (index, key) in dictionary.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            text += quoted(key) + ":" + quoted(dictionary[key]!)
        }
        return text + "}"
    }

    /// `[{"business":"…","weight":1},…]`.
    static func servedBusinesses(_ businesses: [ServedBusiness]) -> String {
        "[" + businesses.map { #"{"business":\#(quoted($0.business)),"weight":\#($0.weight)}"# }.joined(separator: ",") + "]"
    }

    /// A JSON string literal with quotes, backslashes and control characters escaped.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
