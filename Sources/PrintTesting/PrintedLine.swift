// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Printing

/// A printed line of text: its runs of equally styled characters and its alignment.
public struct PrintedLine: Sendable, Hashable {
    /// Characters printed with one set of attributes.
    public struct Run: Sendable, Hashable {
        /// The characters.
        public var text: String
        /// Font A columns at normal size: 1 per single-byte character, 2 per multi-byte one.
        public var columns: Int
        /// Whether emphasis was on (`ESC E`, `ESC !` bit 3).
        public var isBold: Bool
        /// Width magnification (`GS !` high nibble + 1, or `ESC !` bit 5).
        public var widthMagnification: Int
        /// Height magnification (`GS !` low nibble + 1, or `ESC !` bit 4).
        public var heightMagnification: Int
        /// Whether Chinese mode (`FS &`) was on.
        public var isChineseMode: Bool
    }

    /// The runs, left to right.
    public var runs: [Run]
    /// The alignment in effect at the start of the line (`ESC a`).
    public var alignment: TextStyle.Alignment
    /// The offset of the line's first byte.
    public var offset: Int

    /// The line's characters.
    public var text: String { runs.map(\.text).joined() }

    /// The width in font A columns, magnified.
    public var columns: Int { runs.reduce(0) { $0 + $1.columns * $1.widthMagnification } }

    /// The largest width magnification on the line.
    public var widthMagnification: Int { runs.map(\.widthMagnification).max() ?? 1 }

    /// The largest height magnification on the line.
    public var heightMagnification: Int { runs.map(\.heightMagnification).max() ?? 1 }

    /// Whether every run is emphasized.
    public var isBold: Bool { !runs.isEmpty && runs.allSatisfy(\.isBold) }
}
