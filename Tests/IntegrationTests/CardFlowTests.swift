// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A card swipe on the (emulated) reader reaches the event stream masked, binds a ticket to its holder,
/// and leaves no clear name or number in the log or the database files.
@Suite(.serialized)
struct CardFlowTests {
    /// The built-in `resident` test card of the reader emulator (Sources/Reader/EmulatorFixture.swift).
    private let number = "320102195608151233"
    private let name = "王测试"

    @Test func aSwipedCardGivesAnElderlyTicketOncePerBusinessAndNoClearDataAnywhere() async throws {
        let directory = try TestDirectory("card")
        let database = directory.file("k.sqlite")
        let daemon = try await DaemonProcess(database: database, logFile: directory.file("log"))
        let url = { (path: String) in daemon.baseURL.appendingPathComponent(path) }
        let stream = try EventStreamReader(port: daemon.baseURL.port!)

        let presented = try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": "resident"}"#)
        #expect(presented.status == 200)
        let read = try stream.next(event: "card_read")
        #expect(!read.data.contains(number) && !read.data.contains(name))
        #expect(read.data.contains(#""elderly":true"#))
        let card = try #require(try JSONValue(parsing: Data(read.data.utf8))["card"]?.stringValue)

        let taken = try await HTTPClient.post(url("api/v1/tickets"), json: #"{"business": "social-security", "card": "\#(card)"}"#)
        #expect(taken.status == 201)
        #expect(taken.json["priority"]?.stringValue == "elderly")
        let again = try await HTTPClient.post(url("api/v1/tickets"), json: #"{"business": "social-security", "card": "\#(card)"}"#)
        #expect(again.status == 409)
        #expect(again.json["error"]?["ticket_number"]?.stringValue == taken.json["number"]?.stringValue)

        _ = try await HTTPClient.post(url("api/v1/emulator/card"), json: #"{"card": null}"#)
        _ = try stream.next(event: "card_removed")
        stream.close()
        try await daemon.stop(signal: SIGTERM)

        // Every byte the daemon wrote: its log, the database, its WAL and shared-memory files.
        var written = [directory.file("log")]
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database.path + suffix) {
            written.append(URL(fileURLWithPath: database.path + suffix))
        }
        for file in written {
            let bytes = try Data(contentsOf: file)
            for secret in [number, name, String(number.prefix(17))] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file.lastPathComponent) holds \(secret) in clear")
                let utf16 = Data(secret.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
                #expect(bytes.range(of: utf16) == nil, "\(file.lastPathComponent) holds \(secret) as UCS-2")
            }
        }
    }
}
