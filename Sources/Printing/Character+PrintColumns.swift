// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

extension Character {
    /// Font A columns this character takes at normal size: 1 for ASCII, 2 for anything else.
    ///
    /// That is how a GB18030 printer prints: single-byte codes in the 12×24 font A, multi-byte codes as
    /// 24×24 glyphs. The raster path draws on the same grid so both modes wrap identically.
    package var printColumns: Int { isASCII ? 1 : 2 }

    /// Whether a line must not start with this character (closing punctuation, 行首禁则).
    var forbidsBreakBefore: Bool { "，。、；：？！）》」』】〕”’…—％".contains(self) }

    /// Whether a line must not end with this character (opening punctuation, 行尾禁则).
    var forbidsBreakAfter: Bool { "（《「『【〔“‘".contains(self) }
}

extension StringProtocol {
    /// Font A columns this text takes at normal size.
    package var printColumns: Int { reduce(0) { $0 + $1.printColumns } }
}
