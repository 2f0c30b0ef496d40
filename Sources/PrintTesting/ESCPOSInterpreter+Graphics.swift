// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Printing

extension ESCPOSInterpreter.Machine {
    /// `GS ( k pL pH cn fn …` with `cn` = 49 (QR code): functions 165, 167, 169, 180 and 181.
    mutating func twoDimensionalCode(_ start: Int) throws(PrintTestingError) {
        let header = try parameters(3, command: start, commandLength: 2)
        guard header.first == 0x6B else {
            throw PrintTestingError(.unknownCommand, at: start, "GS ( \(Self.hex(header.prefix(1))))")
        }
        let length = Int(header[header.startIndex + 1]) + Int(header[header.startIndex + 2]) * 256
        guard length >= 2 else { throw PrintTestingError(.malformedCommand, at: start, "GS ( k length \(length)") }
        let body = try parameters(length, command: start, commandLength: 5)
        let cn = body[body.startIndex]
        let function = body[body.startIndex + 1]
        let arguments = body.dropFirst(2)
        guard cn == 0x31 else { throw PrintTestingError(.unknownCommand, at: start, "GS ( k cn \(cn)") }
        func malformed() -> PrintTestingError {
            PrintTestingError(.malformedCommand, at: start, "GS ( k fn \(function) \(Self.hex(arguments.prefix(4)))")
        }
        switch function {
        case 0x41:
            guard arguments.count == 2, let model = arguments.first, (49...51).contains(model), arguments.last == 0
            else { throw malformed() }
            settings.qrModel = Int(model) - 48
        case 0x43:
            guard arguments.count == 1, let size = arguments.first, (1...16).contains(size) else { throw malformed() }
            settings.qrModuleSize = Int(size)
        case 0x45:
            guard arguments.count == 1, let level = arguments.first, (48...51).contains(level) else {
                throw malformed()
            }
            settings.qrErrorCorrection = Array("LMQH")[Int(level) - 48]
        case 0x50:
            guard arguments.first == 0x30 else { throw malformed() }
            settings.qrData = Array(arguments.dropFirst())
        case 0x51:
            guard arguments.count == 1, arguments.first == 0x30 else { throw malformed() }
            try requireLineStart(start, "GS ( k print")
            guard let qrData = settings.qrData, !qrData.isEmpty else {
                throw PrintTestingError(.missingQRData, at: start)
            }
            let code = PrintedQRCode(
                payload: qrData, model: settings.qrModel, moduleSize: settings.qrModuleSize,
                errorCorrection: settings.qrErrorCorrection,
                alignment: settings.alignment, offset: start
            )
            document.items.append(.qrCode(code))
        default:
            throw PrintTestingError(.unknownCommand, at: start, "GS ( k fn \(function)")
        }
    }

    /// `GS v 0 m xL xH yL yH d…`.
    mutating func rasterImage(_ start: Int) throws(PrintTestingError) {
        try requireLineStart(start, "GS v 0")
        let header = try parameters(6, command: start, commandLength: 2)
        let values = Array(header)
        guard values[0] == 0x30 else { throw PrintTestingError(.unknownCommand, at: start, "GS v \(values[0])") }
        let mode = values[1] >= 48 ? values[1] - 48 : values[1]
        let bytesPerRow = Int(values[2]) + Int(values[3]) * 256
        let rows = Int(values[4]) + Int(values[5]) * 256
        guard mode <= 3, bytesPerRow > 0, rows > 0 else {
            throw PrintTestingError(.malformedCommand, at: start, "GS v 0 \(Self.hex(header.dropFirst()))")
        }
        let data = try parameters(bytesPerRow * rows, command: start, commandLength: 8)
        let image = PrintedImage(
            bitmap: MonochromeBitmap(bytesPerRow: bytesPerRow, height: rows, bytes: data), mode: mode,
            alignment: settings.alignment, offset: start
        )
        document.items.append(.image(image))
    }
}
