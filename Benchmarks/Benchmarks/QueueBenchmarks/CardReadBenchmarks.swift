// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Benchmark
import Foundation
import IDCard
import PersonalData

/// The host's work for one card read, from the reader's bytes to what the daemon keeps and shows:
/// decode the `30 01` answer frame, validate it (checksum, status, lengths, text block, ID check digit),
/// build the masked summary and its JSON for the menu, hash the ID number for the per-person limit and
/// seal the text block for storage. `ratios.sh` compares its p99 with the 112.4 ms the frame's
/// 1,295 bytes take on a 115200-baud serial line.
func cardReadBenchmarks(scratch: Scratch) {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .nanoseconds, warmupIterations: 100, maxDuration: .seconds(2), maxIterations: 20_000,
        teardown: { scratch.cleanUp() })

    Benchmark("Card:DecodeValidateMaskSeal", configuration: configuration) { (_: Benchmark, fixture: CardReadFixture) throws in
        var decoder = FrameDecoder()
        let events = decoder.feed(fixture.bytes)
        guard events.count == 1, case .frame(let frame) = events[0] else {
            throw BenchError("expected one frame, got \(events.count) events")
        }
        let response = try Response(frame: frame)
        guard response.status == .success else { throw BenchError("status \(response.status)") }
        let read = try CardRead(textAndPhoto: response.data)
        let summary = try JSONEncoder().encode(read.identity.summary)
        let holder = fixture.key.holderKey(idNumber: read.identity.revealedNumber)
        // The clear text block (after the two lengths) is what a stored identity seals.
        let sealed = try fixture.key.seal(Data(response.data[4..<(4 + TextBlock.size)]), context: "bench/card-read")
        blackHole(summary)
        blackHole(holder)
        blackHole(sealed)
        blackHole(read.photo)
    } setup: {
        try CardReadFixture(in: scratch.makeDirectory())
    }
}

/// One complete `30 01` (read text and photo) answer frame and a data key in a temporary folder.
final class CardReadFixture: Sendable {
    /// Preamble, length, SW1 SW2 SW3 = `00 00 90`, text and photo lengths, 256-byte text, 1024-byte photo, checksum.
    let bytes: [UInt8]
    let key: DataKey

    /// The frame's size on the wire: 5 preamble + 2 length + 3 status + 4 lengths + 256 + 1024 + 1 checksum.
    static let wireSize = 1_295

    init(in directory: URL) throws {
        let identity = CardIdentity.resident(
            ResidentIdentity(
                name: PersonName("张三丰"),
                sex: .male,
                ethnicity: .han,
                birthDate: try CardDate(year: 1949, month: 12, day: 31),
                address: Address("北京市朝阳区建国路88号院3号楼2单元501室"),
                idNumber: try IDNumber("11010519491231002X"),
                issuingAuthority: Address("北京市公安局朝阳分局"),
                validity: ValidityPeriod(start: try CardDate(year: 2015, month: 6, day: 1), end: .longTerm)))
        let photo = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let read = CardRead(identity: identity, photo: photo)
        let response = try Response(sw1: 0, sw2: 0, status: .success, data: read.responseData(withFingerprint: false))
        bytes = response.encoded
        guard bytes.count == Self.wireSize else {
            throw BenchError("the read frame is \(bytes.count) bytes, expected \(Self.wireSize)")
        }
        (key, _) = try DataKey.openOrCreate(at: directory.appendingPathComponent("kioskd.key").path, recordedFingerprint: nil)
    }
}
