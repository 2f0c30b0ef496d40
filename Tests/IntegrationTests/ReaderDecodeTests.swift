// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

/// `kioskd reader decode`: captured streams of both directions, printed frame by frame, identities masked.
struct ReaderDecodeTests {
    // MARK: Vectors

    /// The published request frames (research notes §5.1), in order.
    static let requests: [[UInt8]] = [
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED],  // SAM status
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE],  // read SAM id
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22],  // find card
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21],  // select card
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32],  // read text+photo
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23],  // read text+photo+fingerprint
        [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x61, 0xFF, 0x50, 0xCA],  // set max RF bytes
    ]

    /// The published find-card success response (§5.2).
    static let findResponse: [UInt8] = [
        0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97,
    ]

    /// The published select-card success response (§5.2).
    static let selectResponse: [UInt8] = [
        0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x0C, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x9C,
    ]

    /// A session as a sniffer sees it: find, its answer, select, its answer.
    static var session: [UInt8] { requests[2] + findResponse + requests[3] + selectResponse }

    /// The test card's clear data, which must never appear in the output.
    static let clearName = "张三丰"
    static let clearNumber = "11010519491231002X"
    static let clearBirthDate = "19491231"
    static let clearAddress = "北京市西城区复兴门外大街1号"

    /// A resident card's 256-byte text block, laid out by hand from the notes §3.4 (UCS-2 LE, space padded).
    static var textBlock: [UInt8] {
        var block = [UInt8](repeating: 0, count: 256)
        func write(_ text: String, at offset: Int, length: Int) {
            var units = Array(text.utf16)
            units += Array(repeating: 0x0020, count: length / 2 - units.count)
            for (index, unit) in units.enumerated() {
                block[offset + 2 * index] = UInt8(unit & 0xFF)
                block[offset + 2 * index + 1] = UInt8(unit >> 8)
            }
        }
        write(clearName, at: 0, length: 30)
        write("1", at: 30, length: 2)
        write("01", at: 32, length: 4)
        write(clearBirthDate, at: 36, length: 16)
        write(clearAddress, at: 52, length: 70)
        write(clearNumber, at: 122, length: 36)
        write("北京市公安局西城分局", at: 158, length: 30)
        write("20100101", at: 188, length: 16)
        write("长期", at: 204, length: 16)
        write("", at: 220, length: 36)
        return block
    }

    /// A photo stand-in with a recognisable pattern.
    static let photo = [UInt8]((0..<1024).map { UInt8(truncatingIfNeeded: $0 * 7 + 0x41) })

    /// Wraps a body in the preamble, the big-endian length and the XOR checksum (notes §1).
    static func frame(body: [UInt8]) -> [UInt8] {
        let length = body.count + 1
        let header: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xFF)]
        let checksum = (header + body).reduce(0, ^)
        return [0xAA, 0xAA, 0xAA, 0x96, 0x69] + header + body + [checksum]
    }

    /// The `30 01` answer: the published 14-byte header `… 05 08 00 00 90 01 00 04 00`, text, photo (§3.2).
    static var readResponse: [UInt8] {
        frame(body: [0x00, 0x00, 0x90, 0x01, 0x00, 0x04, 0x00] + textBlock + photo)
    }

    /// The `30 10` answer with a 512-byte fingerprint (§3.3).
    static var fingerprintResponse: [UInt8] {
        frame(body: [0x00, 0x00, 0x90, 0x01, 0x00, 0x04, 0x00, 0x02, 0x00] + textBlock + photo
            + [UInt8](repeating: 0x5A, count: 512))
    }

    static func hexText(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
    }

    // MARK: Running the binary

    static func decode(_ bytes: [UInt8], hex: Bool = false, _ name: String) async throws -> (
        status: Int32, output: String, error: String
    ) {
        let directory = try TestDirectory("reader-decode")
        let file = try directory.input(name)
        try Data(bytes).write(to: file)
        return try await runKioskd(["reader", "decode"] + (hex ? ["--hex"] : []) + [file.path], binary: DaemonProcess.binary)
    }

    // MARK: Tests

    @Test func publishedFramesAsHexTextDecodeBothDirections() async throws {
        // A copied sniffer dump: 0x prefixes, colons, dashes, comments, line breaks inside a frame.
        let text = """
            # SAM status, then find and select with their answers
            0xAA 0xAA 0xAA 0x96 0x69 0x00 0x03 0x11 0xFF 0xED
            AA:AA:AA:96:69:00:03:20:01:22   // find card
            AA-AA-AA-96-69-00-08-00-00-9F
            00 00 00 00 97
            AAAAAA9669 0003 2002 21
            aa aa aa 96 69 00 0c 00 00 90 00 00 00 00 00 00 00 00 9c
            \(Self.hexText(Self.requests[6]))
            """
        let result = try await Self.decode(Array(text.utf8), hex: true, "dump.txt")
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let output = result.output
        #expect(output.contains("frame at offset 0: command 0x11 0xFF\n  SAM status / SAM状态检测\n"))
        #expect(output.contains("  length 3, checksum 0xED valid, data 0 bytes"))
        #expect(output.contains("frame at offset 10: command 0x20 0x01\n  find card / 寻找证/卡\n"))
        #expect(output.contains("frame at offset 20: response 0x00 0x00 0x9F\n  寻找证/卡成功 / card found (success)\n"))
        #expect(output.contains("  length 8, checksum 0x97 valid, data 4 bytes"))
        #expect(output.contains("frame at offset 35: command 0x20 0x02\n  select card / 选取证/卡\n"))
        #expect(output.contains("frame at offset 45: response 0x00 0x00 0x90\n  操作成功 / success (success)\n"))
        #expect(output.contains("  length 12, checksum 0x9C valid, data 8 bytes"))
        #expect(output.contains("frame at offset 64: command 0x61 0xFF\n  set maximum RF bytes / 设置射频适配器最大通信字节数\n"))
        #expect(output.contains("  length 4, checksum 0xCA valid, data 1 bytes"))
        #expect(output.hasSuffix("summary: 6 frames (4 commands, 2 responses), 0 garbage bytes, 0 invalid frames\n"))
    }

    @Test func publishedFramesAsRawBytesWithGarbageBetween() async throws {
        let noise: [UInt8] = [0x00, 0xFF, 0xAA, 0x13]
        var stream: [UInt8] = []
        for request in Self.requests { stream += request }
        stream += noise + Self.session + noise
        let result = try await Self.decode(stream, "capture.bin")
        #expect(result.status == 0, "garbage alone is allowed: \(result.output)")
        let output = result.output
        for name in [
            "SAM status / SAM状态检测", "read SAM id / 读SAM管理信息", "find card / 寻找证/卡", "select card / 选取证/卡",
            "read text and photo / 读基本信息", "read text, photo and fingerprint / 读全部信息",
            "set maximum RF bytes / 设置射频适配器最大通信字节数",
        ] {
            #expect(output.contains(name), "\(name)")
        }
        let requestBytes = Self.requests.reduce(0) { $0 + $1.count }
        #expect(output.contains("skipped 4 bytes of garbage at offset \(requestBytes)\n"))
        #expect(output.contains("frame at offset \(requestBytes + 4): command 0x20 0x01"))
        #expect(output.contains("寻找证/卡成功 / card found (success)"))
        #expect(output.contains("操作成功 / success (success)"))
        #expect(output.contains("skipped 4 bytes of garbage at offset \(stream.count - 4)\n"))
        #expect(output.hasSuffix("summary: 11 frames (9 commands, 2 responses), 8 garbage bytes, 0 invalid frames\n"))
    }

    @Test func statusMeaningAndClassificationOfAFailure() async throws {
        // No card (00 00 80) and SAM self-test failed (00 00 60), built with the published layout.
        let stream = Self.frame(body: [0x00, 0x00, 0x80]) + Self.frame(body: [0x00, 0x00, 0x60])
        let result = try await Self.decode(stream, "failures.bin")
        #expect(result.status == 0)
        #expect(result.output.contains("response 0x00 0x00 0x80\n  搜寻身份证失败 / no card found (retry)\n"))
        #expect(result.output.contains("  阅读器自检失败,不能接收任何命令 / reader self-test failed; it takes no commands (call a technician)\n"))
    }

    @Test func flippedChecksumIsRejectedAndExitsOne() async throws {
        var find = Self.requests[2]
        find[find.count - 1] ^= 0x01
        let result = try await Self.decode(find + Self.findResponse, "bad-checksum.bin")
        #expect(result.status == 1)
        let output = result.output
        #expect(output.contains("rejected frame at offset 0: bad_checksum (length field 3, expected 0x22, found 0x23)\n"))
        #expect(output.contains("  looks like command find card / 寻找证/卡, length 3\n"))
        #expect(output.contains("skipped 5 bytes of garbage at offset 5 (inside the rejected frame at offset 0)\n"))
        #expect(output.contains("frame at offset 10: response 0x00 0x00 0x9F"), "resynchronised on the next preamble")
        #expect(output.hasSuffix("summary: 1 frames (0 commands, 1 responses), 5 garbage bytes, 1 invalid frames\n"))
    }

    @Test func truncatedFinalFrameExitsOne() async throws {
        let stream = Self.session.dropLast(6)
        let result = try await Self.decode(Array(stream), "truncated.bin")
        #expect(result.status == 1)
        #expect(result.output.contains("rejected frame at offset 35: truncated_frame (stream ended 13 bytes into a frame)\n"))
        #expect(result.output.hasSuffix("summary: 3 frames (2 commands, 1 responses), 0 garbage bytes, 1 invalid frames\n"))
    }

    @Test func impossibleLengthExitsOne() async throws {
        let stream: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF, 0x00] + Self.requests[0]
        let result = try await Self.decode(stream, "impossible.bin")
        #expect(result.status == 1)
        #expect(result.output.contains("rejected frame at offset 0: impossible_length (length field 65535)\n"))
        #expect(result.output.contains("frame at offset 8: command 0x11 0xFF"))
    }

    @Test func readResponseShowsTheIdentityMaskedOnly() async throws {
        let response = Self.readResponse
        #expect(response.count == 1295)
        #expect(Array(response.prefix(14)) == [0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x05, 0x08, 0x00, 0x00, 0x90, 0x01, 0x00, 0x04, 0x00])
        let stream = Self.session + Self.requests[4] + response
        for hex in [false, true] {
            let bytes = hex ? Array(Self.hexText(stream).utf8) : stream
            let result = try await Self.decode(bytes, hex: hex, hex ? "read.txt" : "read.bin")
            #expect(result.status == 0, "\(result.output)\(result.error)")
            let output = result.output
            #expect(output.contains("frame at offset 64: response 0x00 0x00 0x90\n  操作成功 / success (success)\n"))
            #expect(output.contains("  length 1288, checksum 0x"))
            #expect(output.contains("data 1284 bytes\n"))
            #expect(output.contains(
                "  identity (masked): resident, name 张**, number 1101**********002X, sex male, born 1949, valid until 长期\n"))
            #expect(output.contains("  photo 1024 bytes (WLT, not shown), fingerprint 0 bytes (not shown)\n"))
            #expect(!output.contains(Self.clearNumber), "the clear ID number leaked")
            #expect(!output.contains(Self.clearName), "the clear name leaked")
            #expect(!output.contains("三丰"))
            #expect(!output.contains(Self.clearBirthDate))
            #expect(!output.contains("复兴门"))
            #expect(!result.error.contains(Self.clearNumber) && !result.error.contains(Self.clearName))
        }
    }

    @Test func fingerprintResponseWithoutItsCommandIsRecognised() async throws {
        let response = Self.fingerprintResponse
        #expect(response.count == 1809)
        let result = try await Self.decode(response, "fingerprint.bin")
        #expect(result.status == 0)
        #expect(result.output.contains("identity (masked): resident, name 张**, number 1101**********002X"))
        #expect(result.output.contains("  photo 1024 bytes (WLT, not shown), fingerprint 512 bytes (not shown)\n"))
        #expect(!result.output.contains(Self.clearNumber))
        #expect(!result.output.contains(Self.clearName))
    }

    @Test func standardInputWithADash() async throws {
        let raw = try await runKioskd(["reader", "decode", "-"], input: Self.session)
        #expect(raw.status == 0)
        #expect(raw.output.contains("find card / 寻找证/卡"))
        #expect(raw.output.hasSuffix("summary: 4 frames (2 commands, 2 responses), 0 garbage bytes, 0 invalid frames\n"))

        let hex = try await runKioskd(
            ["reader", "decode", "--hex", "-"], input: Array(Self.hexText(Self.requests[2] + Self.readResponse).utf8))
        #expect(hex.status == 0)
        #expect(hex.output.contains("number 1101**********002X"))
        #expect(!hex.output.contains(Self.clearNumber))
        #expect(!hex.output.contains(Self.clearName))
    }

    @Test func unreadableFileExits66AndBadHexExits65() async throws {
        let directory = try TestDirectory("reader-decode")
        let missing = try await runKioskd(
            ["reader", "decode", directory.file("absent.bin").path], binary: DaemonProcess.binary)
        #expect(missing.status == 66)
        #expect(missing.error.contains("cannot read the file"))

        let bad = try await Self.decode(Array("AA AA AA 96 69 00 03 2G 01 22".utf8), hex: true, "bad.txt")
        #expect(bad.status == 65)
        #expect(bad.error.contains("line 1: '2G' is not hex bytes"))
    }
}
