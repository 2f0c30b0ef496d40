// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// Builds an ESC/POS byte stream, sending alignment, emphasis and size only when they change.
///
/// The commands and their bytes are those of research/printing-cups.md §3 (Epson, python-escpos, HPRT
/// TP80K and SPRT manuals).
struct ESCPOSWriter {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []
    private var alignment = TextStyle.Alignment.left
    private var isBold = false
    private var magnification = 1

    /// Lines fed before a cut so the last printed line clears the cutter (4 × 1/6 inch ≈ 17 mm).
    static let linesBeforeCut: UInt8 = 4

    /// `ESC @`: resets the printer to left alignment, normal weight and size.
    mutating func initialize() {
        bytes += [0x1B, 0x40]
        alignment = .left
        isBold = false
        magnification = 1
    }

    /// `ESC a n` when the alignment changes.
    mutating func setAlignment(_ alignment: TextStyle.Alignment) {
        guard alignment != self.alignment else { return }
        bytes += [0x1B, 0x61, UInt8(alignment.rawValue)]
        self.alignment = alignment
    }

    /// `ESC E n` when emphasis changes.
    mutating func setBold(_ isBold: Bool) {
        guard isBold != self.isBold else { return }
        bytes += [0x1B, 0x45, isBold ? 1 : 0]
        self.isBold = isBold
    }

    /// `GS ! n` when the magnification changes: width − 1 in the high nibble, height − 1 in the low one.
    mutating func setMagnification(_ magnification: Int) {
        guard magnification != self.magnification else { return }
        let factor = UInt8(min(max(magnification, 1), 8) - 1)
        bytes += [0x1D, 0x21, factor << 4 | factor]
        self.magnification = magnification
    }

    /// A line of GB18030 text and `LF`, between `FS &` and `FS .` when it holds multi-byte characters.
    mutating func printLine(_ encoded: [UInt8]) {
        let isChinese = encoded.contains { $0 >= 0x80 }
        if isChinese { bytes += [0x1C, 0x26] }
        bytes += encoded
        if isChinese { bytes += [0x1C, 0x2E] }
        bytes.append(0x0A)
    }

    /// `ESC d n`: feeds whole lines.
    mutating func feed(lines: Int) {
        var remaining = max(lines, 0)
        while remaining > 0 {
            let step = min(remaining, 255)
            bytes += [0x1B, 0x64, UInt8(step)]
            remaining -= step
        }
    }

    /// `GS v 0 0 xL xH yL yH d…`: a raster image at the left margin, `bytesPerRow` bytes per row.
    mutating func printImage(_ bitmap: MonochromeBitmap) {
        setAlignment(.left)
        let rows = bitmap.height
        bytes += [0x1D, 0x76, 0x30, 0x00]
        bytes += [
            UInt8(bitmap.bytesPerRow & 0xFF), UInt8(bitmap.bytesPerRow >> 8), UInt8(rows & 0xFF), UInt8(rows >> 8),
        ]
        bytes += bitmap.bytes
    }

    /// A centred native QR code: `GS ( k` model 2, module size, error correction M, store, print.
    mutating func printQRCode(_ payload: [UInt8], moduleDots: Int) {
        setAlignment(.center)
        let stored = payload.count + 3
        bytes += [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(min(max(moduleDots, 1), 16))]
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31]
        bytes += [0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + payload
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
    }

    /// Feeds past the cutter, then `GS V 0` (full) or `GS V 1` (partial); without a cutter only feeds.
    mutating func cut(_ cut: PrinterProfile.Cut) {
        feed(lines: Int(Self.linesBeforeCut))
        switch cut {
        case .full: bytes += [0x1D, 0x56, 0x00]
        case .partial: bytes += [0x1D, 0x56, 0x01]
        case .none: break
        }
    }
}
