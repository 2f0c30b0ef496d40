// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import IDCard
import Testing

struct CommandTests {
    static let sessionCommands: [Command] = [
        .resetSAM, .samStatus, .readSAMID, .findCard, .selectCard, .readTextAndPhoto, .readWithFingerprint,
        .readAdditionalAddress, .setLineSpeed(.baud9600), .setMaximumRFBytes(),
    ]

    @Test(arguments: sessionCommands)
    func everySessionCommandIsKnownWithBothNames(command: Command) {
        #expect(command.isKnown)
        #expect(!command.name.contains("unknown"))
        #expect(!command.chineseName.contains("未知"))
    }

    @Test func commandBytesMatchTheNotes() {
        #expect((Command.findCard.code, Command.findCard.parameter) == (0x20, 0x01))
        #expect((Command.readWithFingerprint.code, Command.readWithFingerprint.parameter) == (0x30, 0x10))
        #expect(Command.setMaximumRFBytes().data == [0x50])
        #expect(Command.findCard.name == "find card")
        #expect(Command.findCard.chineseName == "寻找证/卡")
    }

    @Test func anUnknownVendorCommandIsKeptAndNamedAsUnknown() throws {
        let command = try Command(code: 0x00, parameter: 0x81)
        #expect(!command.isKnown)
        #expect(command.name == "unknown command 0x00 0x81")
        #expect(try Frame(decoding: command.encoded).inferredDirection == .response)
    }

    @Test func commandDataIsBoundedByTheFrameCap() {
        #expect(throws: IDCardError(.dataTooLong)) {
            try Command(code: 0x30, parameter: 0x01, data: [UInt8](repeating: 0, count: Frame.maximumLength))
        }
    }

    @Test func lineSpeedsMapToTheirCodes() {
        #expect(LineSpeed.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(LineSpeed.allCases.map(\.bitsPerSecond) == [115_200, 57_600, 38_400, 19_200, 9_600])
        #expect(LineSpeed(rawValue: 5) == nil)
    }
}
