// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CFuzzerDriver
import Glibc
import IDCard

/// Hands the command line to libFuzzer (SwiftPM's renamed `main` hides libFuzzer's own).
@main
enum FuzzFrameDecoderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFrameDecoder))
    }
}

/// libFuzzer's entry point: feeds the input to ``FrameDecoder`` whole and in chunks, and checks that
/// the events agree, that the decoder stays within its memory cap, and that every frame it yields
/// decodes again to itself. A broken property traps, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrameDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []

    var whole = FrameDecoder()
    let wholeEvents = whole.feed(bytes) + whole.finish()

    // The same stream in chunks whose sizes come from the input itself.
    var chunked = FrameDecoder()
    var chunkedEvents: [FrameDecoder.Event] = []
    var index = 0
    var chunkSize = 1
    while index < bytes.count {
        let end = min(bytes.count, index + chunkSize)
        chunkedEvents += chunked.feed(bytes[index..<end])
        precondition(chunked.bufferedByteCount <= Frame.headerSize + Frame.maximumLength, "buffer above the cap")
        chunkSize = Int(bytes[index] % 97) + 1
        index = end
    }
    chunkedEvents += chunked.finish()
    precondition(wholeEvents == chunkedEvents, "events depend on how the stream was split")

    for event in wholeEvents {
        guard case .frame(let frame) = event else { continue }
        let encoded = frame.encoded
        guard let again = try? Frame(decoding: encoded), again == frame else {
            preconditionFailure("a decoded frame does not decode again")
        }
        _ = Command(frame: frame).description
        if let response = try? Response(frame: frame) {
            precondition(response.encoded == encoded, "a response does not encode back")
            if let read = try? CardRead(textAndPhoto: response.data) {
                _ = read.description
            }
            if let read = try? CardRead(withFingerprint: response.data) {
                _ = read.description
            }
        }
    }
    return 0
}
