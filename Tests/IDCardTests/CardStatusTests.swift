// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct CardStatusTests {
    @Test(arguments: CardStatus.known)
    func everyStatusHasAChineseAndAnEnglishMessage(status: CardStatus) {
        #expect(status.isKnown)
        #expect(!status.chineseMessage.isEmpty && !status.chineseMessage.contains("未知状态"))
        #expect(status.chineseMessage.unicodeScalars.contains { $0.value >= 0x4E00 })
        #expect(!status.englishMessage.isEmpty && !status.englishMessage.contains("unknown status"))
        #expect(status.englishMessage.allSatisfy { $0.isASCII })
    }

    @Test func theTableHasEveryCodeOfTheNotesOnce() {
        let codes: Set<UInt8> = [
            0x90, 0x91, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80,
            0x81,
        ]
        #expect(Set(CardStatus.known.map(\.rawValue)) == codes)
        #expect(CardStatus.known.count == codes.count)
    }

    @Test func classificationFollowsTheNotes() {
        #expect([CardStatus.success, .cardFound, .noContent].allSatisfy { $0.classification == .success })
        #expect([CardStatus.cardNotFound, .selectFailed, .readFailed].allSatisfy { $0.classification == .retry })
        #expect(
            [CardStatus.readerRejectedByCard, .cardAuthenticationFailed, .verificationFailed, .unknownCardType]
                .allSatisfy { $0.classification == .cardError }
        )
        #expect([CardStatus.selfTestFailed, .notAuthorised].allSatisfy { $0.classification == .callTechnician })
    }

    @Test func anUnknownCodeKeepsItsValueAndIsRetried() {
        let status = CardStatus(rawValue: 0x55)
        #expect(!status.isKnown)
        #expect(status.englishMessage == "unknown status 0x55")
        #expect(status.chineseMessage == "未知状态 0x55")
        #expect(status.classification == .retry)
    }
}
