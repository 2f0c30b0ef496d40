// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A site's vendor library that turns a card's 1,024-byte WLT photo into a picture, loaded at run time.
///
/// The WLT format is proprietary and no open decoder exists (research notes §5.3); sites that have a reader
/// vendor's SDK can point kioskd at its shared library. Every vendor names the function differently, so the
/// symbol and the integer the vendors pass as third argument are configurable; the shape is the one their
/// SDKs share: `int decode(const unsigned char *wlt, unsigned char *bmp, int argument)`, returning 1 on
/// success and filling a 24-bit BMP of 102 × 126 pixels (14 + 40 + 308 × 126 = 38,862 bytes, rows padded to 308
/// bytes, as [HXJ10A] allocates). The output is checked before it is returned. Without a decoder the photo
/// stays opaque bytes, and nothing else changes.
///
/// Vendor code is neither known to be thread-safe nor reentrant: calls are serialised on one lock, and a
/// decode runs on the caller's thread (it takes microseconds to milliseconds; callers on the cooperative
/// pool should not call it in a loop).
///
/// - Configuration keys (`[reader]`):
///   - `photo_decoder` (String, no default): the library's path; absent means no decoding.
///   - `photo_decoder_symbol` (String, default `unpack`): the function's name.
///   - `photo_decoder_argument` (Int, default 1): the third argument.
public final class PhotoDecoder: @unchecked Sendable {
    // @unchecked: the handle and function pointer never change after init; calls are serialised by `lock`.

    /// The size of the BMP the decoder fills.
    public static let bitmapSize = 14 + 40 + 308 * 126
    /// The size of a card's WLT photo.
    public static let photoSize = 1024

    private typealias DecodeFunction = @convention(c) (
        UnsafePointer<UInt8>?, UnsafeMutablePointer<UInt8>?, Int32
    ) -> Int32

    /// The library's path.
    public let path: String
    private let handle: UnsafeMutableRawPointer
    private let decode: DecodeFunction
    private let argument: Int32
    private let lock = Mutex(())

    /// Loads the library and finds the function.
    /// - Parameters:
    ///   - path: The shared library.
    ///   - symbol: The function's name.
    ///   - argument: The third argument passed on every call.
    /// - Throws: ``ReaderError/Code/photoDecoderUnavailable`` with `dlerror()`'s words.
    public init(path: String, symbol: String = "unpack", argument: Int32 = 1) throws {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ReaderError(.photoDecoderUnavailable, "\(path): \(Self.lastDynamicLinkerError())")
        }
        guard let address = dlsym(handle, symbol) else {
            let reason = Self.lastDynamicLinkerError()
            dlclose(handle)
            throw ReaderError(.photoDecoderUnavailable, "\(path): no function \(symbol) (\(reason))")
        }
        self.path = path
        self.handle = handle
        self.decode = unsafeBitCast(address, to: DecodeFunction.self)
        self.argument = argument
    }

    deinit {
        dlclose(handle)
    }

    /// Decodes one photo.
    /// - Parameter photo: The card's 1,024 WLT bytes.
    /// - Returns: A 24-bit BMP file of 102 × 126 pixels.
    /// - Throws: ``ReaderError/Code/photoUndecodable`` when the photo has the wrong size, the library
    ///   reports failure, or its output is not such a BMP.
    public func bitmap(fromPhoto photo: [UInt8]) throws -> [UInt8] {
        guard photo.count == Self.photoSize else {
            throw ReaderError(.photoUndecodable, "a WLT photo is \(Self.photoSize) bytes, not \(photo.count)")
        }
        // Slack after the BMP: some vendors write past the size they document.
        var output = [UInt8](repeating: 0, count: Self.bitmapSize + 1024)
        let result = lock.withLock { _ in
            photo.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { decode(input.baseAddress, $0.baseAddress, argument) }
            }
        }
        guard result == 1 else {
            throw ReaderError(.photoUndecodable, "\(path) returned \(result)")
        }
        let bitmap = Array(output.prefix(Self.bitmapSize))
        try Self.validate(bitmap)
        return bitmap
    }

    /// Checks the BMP header: `BM`, 102 × ±126 pixels, 24 bits per pixel, uncompressed.
    static func validate(_ bitmap: [UInt8]) throws {
        func integer(_ offset: Int, _ size: Int) -> Int64 {
            var value: Int64 = 0
            for index in (0..<size).reversed() { value = value << 8 | Int64(bitmap[offset + index]) }
            return size == 4 && value >= 0x8000_0000 ? value - 0x1_0000_0000 : value
        }
        guard bitmap.count >= 54, bitmap[0] == 0x42, bitmap[1] == 0x4D else {
            throw ReaderError(.photoUndecodable, "the decoder's output is not a BMP")
        }
        let width = integer(18, 4), height = integer(22, 4), bits = integer(28, 2), compression = integer(30, 4)
        guard width == 102, abs(height) == 126, bits == 24, compression == 0 else {
            throw ReaderError(
                .photoUndecodable,
                "the decoder's BMP is \(width) × \(height) at \(bits) bits (compression \(compression)), not 102 × 126 at 24")
        }
    }

    private static func lastDynamicLinkerError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}
