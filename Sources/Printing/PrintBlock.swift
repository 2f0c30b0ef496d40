// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// One element of a ``PrintLayout``.
public enum PrintBlock: Sendable, Hashable {
    /// Text that wraps at the paper's width; `\n` starts a new line.
    ///
    /// Control characters other than `\n` print as spaces. A word or number that cannot fit on one line at
    /// the style's size steps the size down; one too long even at normal size is broken between characters.
    case text(String, TextStyle = TextStyle())

    /// A label and its value: on one line with the value at the right edge when both fit, otherwise the
    /// value wraps in a hanging indent after the label.
    case keyValue(String, String, TextStyle = TextStyle())

    /// A list item: the marker (`1.`, `·`), then the text wrapping in a hanging indent after it.
    case listItem(String, String, TextStyle = TextStyle())

    /// A dashed rule across the paper.
    case rule

    /// A QR code of the payload, centred, with error correction M. An empty payload or one too long for a
    /// QR code is an error, never cut short.
    case qrCode(String)

    /// A label followed by a line to sign on, to the right edge.
    case signatureLine(String)

    /// Blank paper: this many text lines of normal height.
    case feed(lines: Int)

    /// Feed past the cutter and cut as the printer can (or only feed to the tear bar).
    case cut
}
