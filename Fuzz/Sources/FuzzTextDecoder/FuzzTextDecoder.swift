// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import CFuzzerDriver
import Glibc
import IDCard

/// Hands the command line to libFuzzer (SwiftPM's renamed `main` hides libFuzzer's own).
@main
enum FuzzTextDecoderMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTextDecoder))
    }
}

/// libFuzzer's entry point: decodes the first 256 bytes as a text block and the whole input as both
/// read payloads. Checks that an identity encodes and decodes back to itself and that no printed form
/// shows its clear 18-digit number. A broken property traps, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []

    if bytes.count >= TextBlock.size, let identity = try? TextBlock.decode(bytes.prefix(TextBlock.size)) {
        check(identity)
    }
    if let read = try? CardRead(textAndPhoto: bytes) {
        check(read.identity)
        precondition(read.responseData(withFingerprint: false).count == bytes.count, "payload size changed")
    }
    if let read = try? CardRead(withFingerprint: bytes) {
        check(read.identity)
    }
    return 0
}

private func check(_ identity: CardIdentity) {
    guard let again = try? TextBlock.decode(TextBlock.encode(identity)), again == identity else {
        preconditionFailure("an identity does not survive encoding")
    }
    let number = identity.revealedNumber
    if number.count == 18 {
        var dumped = ""
        dump(identity, to: &dumped)
        for text in [identity.description, String(reflecting: identity), dumped, identity.summary.description] {
            precondition(!text.contains(number), "a clear number was printed")
        }
    }
}
