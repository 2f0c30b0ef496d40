// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// Conversion between Swift strings and GB18030 bytes through glibc's `iconv`.
package enum GB18030 {
    /// The GB18030 bytes of a text: one byte per ASCII character, two or four per other character.
    /// - Throws: ``PrintingError/Code-swift.struct/encodingFailed`` when iconv cannot convert.
    package static func encode(_ text: String) throws(PrintingError) -> [UInt8] {
        try convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// The text of GB18030 bytes.
    /// - Throws: ``PrintingError/Code-swift.struct/encodingFailed`` when the bytes are not valid GB18030.
    package static func decode(_ bytes: [UInt8]) throws(PrintingError) -> String {
        String(decoding: try convert(bytes, from: "GB18030", to: "UTF-8"), as: UTF8.self)
    }

    private static func convert(_ input: [UInt8], from source: String, to target: String) throws(PrintingError)
        -> [UInt8]
    {
        guard let descriptor = iconv_open(target, source), descriptor != iconv_t(bitPattern: -1) else {
            throw PrintingError(.encodingFailed, "iconv_open \(source) to \(target): errno \(errno)")
        }
        defer { iconv_close(descriptor) }
        var input = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        let (result, produced, failure) = input.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                var inputPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inputLeft = inputBuffer.count
                var outputLeft = outputBuffer.count
                let result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                let failure = errno
                return (result, outputBuffer.count - outputLeft, failure)
            }
        }
        guard result != -1 else {
            throw PrintingError(.encodingFailed, "\(source) to \(target): errno \(failure)")
        }
        return Array(output.prefix(produced))
    }
}
