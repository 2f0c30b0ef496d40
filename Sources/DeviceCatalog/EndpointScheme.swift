// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// How GA 467 frames travel over a device's endpoints.
///
/// - Configuration keys (`scheme` in `[usb]`, addresses in `[usb.endpoints]`, each an integer such as
///   `0x02` or a hex string such as `"0x02"`):
///   - `scheme = "split"`: `out_header`, `out_body`, `in_header`, `in_body`, all required. The host sends
///     `preamble + length` on `out_header` and `command + parameter + data + checksum` on `out_body`; the
///     reader answers the same way on `in_header` and `in_body` (the SAM USB module, e.g. 0400:c35a).
///   - `scheme = "single"`: `out` and `in`, both optional. Whole frames go out on one endpoint and come
///     back on one; an absent address means the interface's first OUT (or IN) endpoint of the transfer type.
public enum EndpointScheme: Hashable, Sendable {
    /// Header and body on separate endpoint pairs.
    case split(outHeader: UInt8, outBody: UInt8, inHeader: UInt8, inBody: UInt8)
    /// Whole frames on one OUT and one IN endpoint; `nil` means discover it from the interface.
    case single(out: UInt8?, in: UInt8?)

    /// `split` or `single`, as written in the file.
    public var name: String {
        switch self {
        case .split: "split"
        case .single: "single"
        }
    }

    /// A short technician-readable summary, e.g. `split: OUT 0x02/0x06, IN 0x81/0x85`.
    public var summary: String {
        switch self {
        case let .split(outHeader, outBody, inHeader, inBody):
            return "split: OUT \(EndpointScheme.hex(outHeader))/\(EndpointScheme.hex(outBody)), "
                + "IN \(EndpointScheme.hex(inHeader))/\(EndpointScheme.hex(inBody))"
        case .single(nil, nil):
            return "single: the interface's first OUT and IN endpoints"
        case let .single(out, `in`):
            let outText = out.map(EndpointScheme.hex) ?? "the first found"
            let inText = `in`.map(EndpointScheme.hex) ?? "the first found"
            return "single: OUT \(outText), IN \(inText)"
        }
    }

    /// `0x02`.
    static func hex(_ address: UInt8) -> String {
        let digits = String(address, radix: 16)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
