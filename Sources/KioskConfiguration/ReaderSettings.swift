// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// The `[reader]` table: which ID-card reader, what a read fetches, and a site's photo decoder.
///
/// - Configuration keys:
///   - `reader.device` (string, default `auto`): `auto` (a USB reader a device file describes, on the bus or
///     plugged in later, else a udev-named serial reader under `/dev/kioskd/`, else the emulator), `usb`
///     (USB readers only, waiting for one), `emulator`, `none`, or an absolute device path.
///   - `reader.fingerprint` (bool, default `false`): read the fingerprint templates too (`30 10`).
///   - `reader.additional_address` (bool, default `false`): read the newest 追加住址 after each read (`30 03`).
///   - `reader.photo_decoder` (string, optional): a vendor WLT library to decode card photos with; without
///     it photos stay opaque bytes. A configured library that cannot be loaded stops the start.
///   - `reader.photo_decoder_symbol` (string, default `unpack`), `reader.photo_decoder_argument` (integer,
///     default `1`): the library's function and the integer passed as its third argument.
public struct ReaderSettings: Sendable, Hashable {
    /// `auto`, `usb`, `emulator`, `none` or a device path.
    public var device: String
    /// Whether reads fetch fingerprint templates.
    public var readsFingerprint: Bool
    /// Whether reads fetch the newest additional address.
    public var readsAdditionalAddress: Bool
    /// The vendor WLT library's path, or `nil`.
    public var photoDecoder: String?
    /// The library's function.
    public var photoDecoderSymbol: String
    /// The function's third argument.
    public var photoDecoderArgument: Int

    /// Creates settings; the defaults are those of a missing `[reader]` table.
    /// - Parameters:
    ///   - device: Which reader.
    ///   - readsFingerprint: Whether reads fetch fingerprint templates.
    ///   - readsAdditionalAddress: Whether reads fetch the additional address.
    ///   - photoDecoder: The vendor WLT library, or `nil`.
    ///   - photoDecoderSymbol: Its function.
    ///   - photoDecoderArgument: The function's third argument.
    public init(
        device: String = "auto", readsFingerprint: Bool = false, readsAdditionalAddress: Bool = false,
        photoDecoder: String? = nil, photoDecoderSymbol: String = "unpack", photoDecoderArgument: Int = 1
    ) {
        self.device = device
        self.readsFingerprint = readsFingerprint
        self.readsAdditionalAddress = readsAdditionalAddress
        self.photoDecoder = photoDecoder
        self.photoDecoderSymbol = photoDecoderSymbol
        self.photoDecoderArgument = photoDecoderArgument
    }
}
