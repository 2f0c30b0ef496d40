// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTesting
import IDCard
import Logging
import PersonalData
import Printing
import Queue
import Reader
import Store
import Testing

@testable import Daemon

/// The daemon's router over a fresh on-disk store and a hand-moved clock; every response is checked
/// against the OpenAPI description before the test sees it.
struct APIHarness {
    static let tokens = ["1": "token-window-1", "2": "token-window-2", "3": "token-window-3"]
    static let spec: OpenAPIDocument = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Sources/Daemon/Resources/openapi.yaml")
        return try! OpenAPIDocument(contentsOf: file.standardized)
    }()

    let clock = TestClock()
    let hall: HallService
    let broadcaster = EventBroadcaster()
    let directory: URL
    let desk = CardDesk()
    let dataKey: DataKey
    /// The emulated printer tickets go to; its jobs are files under `directory/printed`.
    let printedTickets: EmulatedPrinter
    let printer: TicketPrinter

    /// The photo decoder the card routes use, if any.
    let photoDecoder: PhotoDecoder?
    /// Proxy cases over the same database; agents' sessions end after 5 idle minutes of ``clock``.
    let cases: CaseService

    init(configuration: HallConfiguration = DaemonTestHall.configuration(), photoDecoder: PhotoDecoder? = nil) throws {
        self.photoDecoder = photoDecoder
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-api-\(UUID().uuidString)")
        let store = try QueueStore(path: directory.appendingPathComponent("kioskd.sqlite").path)
        dataKey = try DataKey.openOrCreate(at: directory.appendingPathComponent("kioskd.key").path, recordedFingerprint: nil).0
        let clock = clock
        hall = try HallService(
            configuration: configuration, store: store, broadcaster: broadcaster, logger: Logger(label: "test"),
            now: { clock.now() })
        printedTickets = EmulatedPrinter(directory: directory.appendingPathComponent("printed"))
        printer = TicketPrinter(
            output: printedTickets,
            setup: .init(
                profile: .chinese80, font: nil, hallName: configuration.name, timeZone: configuration.timeZone,
                statusURL: { "https://hall.example/t/\($0)" }, jobTimeout: .seconds(5)),
            broadcaster: broadcaster, logger: Logger(label: "test"))
        cases = CaseService(
            store: CaseStore(store: store, dataKey: dataKey, deviceID: "K0007"),
            sessions: AgentSessions(idleTimeout: 300, now: { clock.now() }), desk: desk, printer: printer,
            hall: configuration, now: { clock.now() }, logger: Logger(label: "test"))
    }

    /// Runs `body` against the router in process.
    func run(_ body: @Sendable (APIClient) async throws -> Void) async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cards = KioskDaemon.Cards(desk: desk, dataKey: dataKey, emulator: ReaderEmulator(logger: Logger(label: "test")), photoDecoder: photoDecoder)
        let router = KioskDaemon.makeRouter(
            hall: hall, broadcaster: broadcaster, tokens: Self.tokens, assets: try PageAssets(), cards: cards,
            printer: printer, cases: cases)
        let application = Application(router: router)
        try await application.test(.router) { client in
            try await body(APIClient(client: client))
        }
    }
}

/// A response: status and parsed JSON (`.null` when the body is empty).
struct APIResponse {
    let status: Int
    let json: JSONValue
    /// The raw body, for answers that are not JSON (a photo).
    var body = Data()
    /// The `Content-Type` header.
    var contentType: String? = nil

    var errorCode: String? { json["error"]?["code"]?.stringValue }
}

/// Sends requests and checks each response against the OpenAPI description.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, token: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.executeRequest(
            uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        let data = Data(response.body.readableBytesView)
        do {
            try APIHarness.spec.validate(method: method.rawValue, path: path, status: Int(response.status.code), body: data)
        } catch {
            Issue.record("\(method) \(path) → \(response.status.code) does not match the OpenAPI file: \(error)", sourceLocation: sourceLocation)
        }
        #expect(response.status.code < 500, "\(method) \(path) answered \(response.status.code)", sourceLocation: sourceLocation)
        let contentType = response.headers[.contentType]
        let isJSON = contentType?.hasPrefix("application/json") ?? true
        let parsed = data.isEmpty || !isJSON ? JSONValue.null : try JSONValue(parsing: data)
        return APIResponse(status: Int(response.status.code), json: parsed, body: data, contentType: contentType)
    }

    /// Takes a ticket and returns its number.
    func take(_ business: String = "social", extra: String = "") async throws -> String {
        let response = try await request(.post, "/api/v1/tickets", json: #"{"business": "\#(business)"\#(extra)}"#)
        #expect(response.status == 201)
        return try #require(response.json["number"]?.stringValue)
    }

    /// A window operation with that window's token.
    @discardableResult
    func window(_ id: String, _ operation: String, json: String? = nil, method: HTTPRequest.Method = .post) async throws -> APIResponse {
        let path = operation.isEmpty ? "/api/v1/windows/\(id)" : "/api/v1/windows/\(id)/\(operation)"
        return try await request(method, path, json: json, token: APIHarness.tokens[id])
    }
}

/// The hall the API tests use: two businesses, three windows.
enum DaemonTestHall {
    static func configuration(capacity: Int? = nil) -> HallConfiguration {
        HallConfiguration(
            name: "测试大厅",
            businesses: [
                Business(code: "social", name: "社保业务", prefix: "A", dailyCapacity: capacity),
                Business(code: "housing", name: "不动产登记", prefix: "B"),
            ],
            windows: [
                Window(id: "1", name: "1号窗口", businesses: [ServedBusiness(business: "social")]),
                Window(id: "2", name: "2号窗口", businesses: [ServedBusiness(business: "housing")]),
                Window(id: "3", name: "3号综合窗口", businesses: [ServedBusiness(business: "social"), ServedBusiness(business: "housing")]),
            ],
            callingPolicy: .strict)
    }
}
