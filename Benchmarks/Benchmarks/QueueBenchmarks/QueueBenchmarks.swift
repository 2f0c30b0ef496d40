// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Benchmark
import Daemon
import Foundation
import GRDB
import Logging
import Queue
import Store
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every benchmark runs in its own process (the plugin starts one per benchmark), so the per-process
// `scratch` below only ever holds one benchmark's temporary files and daemon.
//
// Timings are recorded in nanoseconds (not rounded to automatic units) so `ratios.sh` can divide
// them exactly; `make bench` prints the table in microseconds.

let benchmarks: @Sendable () -> Void = {
    let scratch = Scratch()

    // Pure CPU: many short iterations.
    let cpu = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .nanoseconds, warmupIterations: 100, maxDuration: .seconds(2), maxIterations: 20_000,
        teardown: { scratch.cleanUp() })
    // Each iteration is at least one fsync: fewer, longer iterations.
    let durable = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .nanoseconds, warmupIterations: 10, maxDuration: .seconds(4), maxIterations: 2_000,
        teardown: { scratch.cleanUp() })
    // Over HTTP against a real daemon; also samples the daemon's own peak resident memory.
    let http = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, BenchHTTP.serverPeakMemory],
        timeUnits: .nanoseconds, warmupIterations: 10, maxDuration: .seconds(4), maxIterations: 2_000,
        teardown: { scratch.cleanUp() })

    // MARK: Baseline

    Benchmark("Baseline:RawSQLiteInsertCommit", configuration: durable) { (_: Benchmark, pool: DatabasePool) throws in
        try RawSQLite.insertOneRow(into: pool)
    } setup: {
        try RawSQLite.open(in: scratch.makeDirectory())
    }

    // MARK: Engine (no I/O)

    Benchmark("Engine:TakeTicket", configuration: cpu) { (_: Benchmark, box: EngineBox) throws in
        blackHole(try box.engine.take(BenchHall.request, now: box.clock.now()))
    } setup: {
        try EngineBox(waiting: 0)
    }

    Benchmark("Engine:CallNext/10000", configuration: cpu) { (benchmark: Benchmark, box: EngineBox) throws in
        // Keep 10,000 waiting: refill one outside the measured part, then call one.
        blackHole(try box.engine.take(BenchHall.request, now: box.clock.now()))
        let now = box.clock.now()
        benchmark.startMeasurement()
        let call = try box.engine.callNext(window: BenchHall.window, now: now)
        benchmark.stopMeasurement()
        precondition(call.value != nil, "nobody waiting")
        blackHole(call)
    } setup: {
        try EngineBox(waiting: 10_000)
    }

    // MARK: Queue (engine + one durable transaction per operation, through the hall actor)

    // The store's share of a take: the engine's change written in one durable transaction, no actor.
    Benchmark("Store:ApplyTake", configuration: durable) { (benchmark: Benchmark, fixture: StoreFixture) throws in
        let change = try fixture.engine.take(BenchHall.request, now: fixture.clock.now()).change
        benchmark.startMeasurement()
        try fixture.store.apply(change)
        benchmark.stopMeasurement()
    } setup: {
        try StoreFixture(in: scratch.makeDirectory())
    }

    Benchmark("Queue:TakeTicket", configuration: durable) { (_: Benchmark, hall: HallFixture) async throws in
        blackHole(try await hall.service.take(BenchHall.request))
    } setup: {
        try await HallFixture(waiting: 0, in: scratch.makeDirectory())
    }

    for waiting in [10, 1_000, 10_000] {
        Benchmark("Queue:CallNext/\(waiting)", configuration: durable) { (benchmark: Benchmark, hall: HallFixture) async throws in
            // Keep `waiting` tickets waiting: take one outside the measured part, then call one.
            blackHole(try await hall.service.take(BenchHall.request))
            benchmark.startMeasurement()
            let call = try await hall.service.callNext(window: BenchHall.window)
            benchmark.stopMeasurement()
            precondition(call != nil, "nobody waiting")
            blackHole(call)
        } setup: {
            try await HallFixture(waiting: waiting, in: scratch.makeDirectory())
        }
    }

    // MARK: Card reads (CardReadBenchmarks.swift)

    cardReadBenchmarks(scratch: scratch)

    // MARK: Case capture (CaptureBenchmarks.swift)

    captureBenchmarks(scratch: scratch)

    // MARK: HTTP (a real `kioskd run` process, one keep-alive connection)

    Benchmark("HTTP:TakeTicket", configuration: http) { (benchmark: Benchmark, daemon: DaemonFixture) throws in
        benchmark.startMeasurement()
        let status = try daemon.takeTicket()
        benchmark.stopMeasurement()
        try BenchHTTP.expect(status, in: [201], "POST /api/v1/tickets")
        daemon.sampleServerMemory(benchmark)
    } setup: {
        try DaemonFixture.start(in: scratch.makeDirectory(), scratch: scratch)
    }

    Benchmark("HTTP:CallNext", configuration: http) { (benchmark: Benchmark, daemon: DaemonFixture) throws in
        // Keep the line non-empty: take one outside the measured part, then call one.
        try BenchHTTP.expect(try daemon.takeTicket(), in: [201], "POST /api/v1/tickets")
        benchmark.startMeasurement()
        let status = try daemon.callNext()
        benchmark.stopMeasurement()
        try BenchHTTP.expect(status, in: [200], "POST /api/v1/windows/1/call-next")
        daemon.sampleServerMemory(benchmark)
    } setup: {
        let daemon = try DaemonFixture.start(in: scratch.makeDirectory(), scratch: scratch)
        for _ in 0..<10 { try BenchHTTP.expect(try daemon.takeTicket(), in: [201], "POST /api/v1/tickets") }
        return daemon
    }
}

// MARK: - The hall under test

/// One business with an 8-digit number series (so no run exhausts it) served by one window.
enum BenchHall {
    static let business = "bench"
    static let window = "1"
    static let token = "bench-token-1"
    static let request = TakeRequest(business: business)

    static let configuration = HallConfiguration(
        name: "基准测试大厅",
        businesses: [Business(code: business, name: "基准业务", prefix: "A", numberWidth: 8)],
        windows: [Window(id: window, name: "1号窗口", businesses: [ServedBusiness(business: business)])])

    /// The same hall as a kioskd TOML file (the file format caps `width` at 5: 99,999 tickets a day).
    static let toml = """
        [hall]
        name = "基准测试大厅"

        [[business]]
        code = "\(business)"
        name = "基准业务"
        prefix = "A"
        width = 5

        [[window]]
        id = "\(window)"
        name = "1号窗口"
        businesses = ["\(business)"]
        token = "\(token)"

        """
}

/// A deterministic clock: 09:00 Beijing time on a Monday, advancing 1 ms per reading,
/// so no run ever crosses the hall's midnight (which would expire the waiting line).
final class SteppingClock: Sendable {
    private let readings = Mutex<Int64>(0)
    private static let start = Date(timeIntervalSince1970: 1_772_413_200)  // 2026-03-02T09:00:00+08:00

    func now() -> Date {
        let reading = readings.withLock { value in
            value += 1
            return value
        }
        return Self.start.addingTimeInterval(Double(reading) / 1000)
    }
}

/// The pure engine with `waiting` tickets already in line.
final class EngineBox {
    let clock = SteppingClock()
    var engine: QueueEngine

    init(waiting: Int) throws(QueueError) {
        engine = QueueEngine(configuration: BenchHall.configuration, now: clock.now())
        for _ in 0..<waiting {
            _ = try engine.take(BenchHall.request, now: clock.now())
        }
    }
}

/// An engine and an on-disk store, driven directly (no hall actor).
final class StoreFixture {
    let clock = SteppingClock()
    let store: QueueStore
    var engine: QueueEngine

    init(in directory: URL) throws {
        store = try QueueStore(path: directory.appendingPathComponent("kioskd.sqlite").path)
        engine = QueueEngine(configuration: BenchHall.configuration, now: clock.now())
    }
}

/// A `HallService` on a fresh on-disk store with `waiting` tickets already in line.
final class HallFixture: Sendable {
    let service: HallService

    init(waiting: Int, in directory: URL) async throws {
        let clock = SteppingClock()
        let store = try QueueStore(path: directory.appendingPathComponent("kioskd.sqlite").path)
        if waiting > 0 {
            // Prefill without fsync (setup only), through the same engine and store code as the daemon.
            try await store.writer.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = OFF") }
            var engine = QueueEngine(configuration: BenchHall.configuration, now: clock.now())
            for _ in 0..<waiting {
                try store.apply(engine.take(BenchHall.request, now: clock.now()).change)
            }
            try await store.writer.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        }
        service = try HallService(
            configuration: BenchHall.configuration, store: store, broadcaster: EventBroadcaster(),
            logger: Logger(label: "kioskd.bench", factory: { _ in SwiftLogNoOpLogHandler() }), now: { clock.now() })
        // The window's first call has nothing to finish; make every measured call finish one ticket.
        _ = try await service.take(BenchHall.request)
        _ = try await service.callNext(window: BenchHall.window)
    }
}

/// Raw SQLite through GRDB, as durable as the store: WAL (a pool) and `synchronous = FULL`.
enum RawSQLite {
    static func open(in directory: URL) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: directory.appendingPathComponent("raw.sqlite").path, configuration: configuration)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE ticket (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, service_day TEXT NOT NULL, number TEXT NOT NULL,
                        sequence INTEGER NOT NULL, business TEXT NOT NULL, priority TEXT NOT NULL,
                        status TEXT NOT NULL, taken_at REAL NOT NULL, detail TEXT NOT NULL)
                    """)
        }
        return pool
    }

    /// Inserts one ticket row in its own durable transaction.
    static func insertOneRow(into pool: DatabasePool) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ticket (service_day, number, sequence, business, priority, status, taken_at, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: ["2026-03-02", "A00000001", 1, "social-security", "normal", "waiting", 1_772_413_200.0, "{}"])
        }
    }
}

// MARK: - Temporary files and child processes

/// What one benchmark process created: removed (and stopped) by the configuration's teardown.
final class Scratch: Sendable {
    private struct State {
        var directories: [URL] = []
        var daemons: [pid_t] = []
    }

    private let state = Mutex(State())

    func makeDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kioskd-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        state.withLock { $0.directories.append(url) }
        return url
    }

    func track(daemon pid: pid_t) {
        state.withLock { $0.daemons.append(pid) }
    }

    func cleanUp() {
        let (directories, daemons) = state.withLock { state in
            defer { state = State() }
            return (state.directories, state.daemons)
        }
        for pid in daemons {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        for directory in directories {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

/// A `kioskd run` process on a free loopback port, with its own configuration and database,
/// and one keep-alive HTTP connection to it.
final class DaemonFixture {
    let process: Process
    let connection: HTTPConnection
    private let takeBody = Array(#"{"business":"\#(BenchHall.business)"}"#.utf8)

    private init(process: Process, connection: HTTPConnection) {
        self.process = process
        self.connection = connection
    }

    static func start(in directory: URL, scratch: Scratch) throws -> DaemonFixture {
        let binary = try BenchHTTP.kioskdBinary()
        let config = directory.appendingPathComponent("kioskd.toml")
        try BenchHall.toml.write(to: config, atomically: true, encoding: .utf8)
        let port = try BenchHTTP.freePort()
        let log = directory.appendingPathComponent("kioskd.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = directory
        process.arguments = [
            "run", "--config", config.path, "--listen", "127.0.0.1:\(port)",
            "--database", directory.appendingPathComponent("kioskd.sqlite").path, "--log-level", "warning",
        ]
        // The plugin preloads its malloc interposer into us; the daemon should run as deployed.
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = nil
        process.environment = environment
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        scratch.track(daemon: process.processIdentifier)

        let deadline = Date().addingTimeInterval(30)
        while true {
            if !process.isRunning {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw BenchError("kioskd exited with status \(process.terminationStatus):\n\(text)")
            }
            if let connection = try? HTTPConnection(port: port),
                let response = try? connection.request("GET", "/api/v1/status"), response.status == 200
            {
                return DaemonFixture(process: process, connection: connection)
            }
            guard Date() < deadline else { throw BenchError("kioskd did not answer on port \(port) within 30 s") }
            usleep(50_000)
        }
    }

    func takeTicket() throws -> Int {
        try connection.request("POST", "/api/v1/tickets", headers: ["Content-Type: application/json"], body: takeBody).status
    }

    func callNext() throws -> Int {
        try connection.request(
            "POST", "/api/v1/windows/\(BenchHall.window)/call-next", headers: ["Authorization: Bearer \(BenchHall.token)"]
        ).status
    }

    /// Records the daemon's peak resident set (VmHWM, from /proc) as a custom metric, in bytes.
    func sampleServerMemory(_ benchmark: Benchmark) {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return }
        benchmark.measurement(BenchHTTP.serverPeakMemory, kib * 1024)
    }
}

enum BenchHTTP {
    static let serverPeakMemory = BenchmarkMetric.custom("kioskdPeakMemoryResident", polarity: .prefersSmaller, useScalingFactor: false)

    static func expect(_ status: Int, in expected: Set<Int>, _ what: String) throws {
        guard expected.contains(status) else { throw BenchError("\(what) answered \(status), expected \(expected.sorted())") }
    }

    /// `$KIOSKD_BINARY`, else the main package's release build, else its debug build.
    static func kioskdBinary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["KIOSKD_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        // This file is <repo>/Benchmarks/Benchmarks/QueueBenchmarks/QueueBenchmarks.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for configuration in ["release", "debug"] {
            let candidate = root.appendingPathComponent(".build/\(configuration)/kioskd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BenchError("no kioskd binary: run `swift build -c release --product kioskd` at \(root.path) or set KIOSKD_BINARY")
    }

    /// A port the kernel just handed out on 127.0.0.1 (released again for the daemon to bind).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw BenchError("bind: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw BenchError("getsockname: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}

extension sockaddr_in {
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// A minimal blocking HTTP/1.1 client on one keep-alive TCP connection: just enough for the benchmark
/// (Content-Length and chunked bodies, reconnect when the server closes), with no client-side framework cost.
final class HTTPConnection {
    private let port: UInt16
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        self.port = port
        try open()
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    private func open() throws {
        if fd >= 0 { close(fd) }
        buffer.removeAll(keepingCapacity: true)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            fd = -1
            throw BenchError("connect to 127.0.0.1:\(port): errno \(code)")
        }
    }

    /// Sends one request and reads the whole response.
    func request(_ method: String, _ path: String, headers: [String] = [], body: [UInt8] = []) throws -> (status: Int, body: [UInt8]) {
        if fd < 0 { try open() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for header in headers { head += header + "\r\n" }
        if method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try write(Array(head.utf8) + body)

        let headerEnd = try readUntilHeaderEnd()
        let headText = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        let lines = headText.split(separator: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw BenchError("bad status line: \(headText.prefix(80))")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var responseBody: [UInt8] = []
        if let length = fields["content-length"].flatMap(Int.init) {
            responseBody = try take(length)
        } else if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
            while true {
                let lineEnd = try readUntil([13, 10])
                let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                buffer.removeFirst(lineEnd + 2)
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    throw BenchError("bad chunk size \(sizeText)")
                }
                if size == 0 {
                    let trailerEnd = try readUntil([13, 10])  // no trailers expected: just the final CRLF
                    buffer.removeFirst(trailerEnd + 2)
                    break
                }
                responseBody += try take(size)
                _ = try take(2)
            }
        }
        if fields["connection"]?.lowercased() == "close" {
            close(fd)
            fd = -1
        }
        return (status, responseBody)
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else {
                let code = errno
                close(fd)
                fd = -1
                throw BenchError("send: errno \(code)")
            }
            offset += sent
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            let code = errno
            close(fd)
            fd = -1
            throw BenchError(count == 0 ? "server closed the connection" : "recv: errno \(code)")
        }
        buffer += chunk[..<count]
    }

    private func readUntilHeaderEnd() throws -> Int {
        try readUntil([13, 10, 13, 10])
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= marker.count {
                var index = searchFrom
                while index + marker.count <= buffer.count {
                    if buffer[index] == marker[0] && Array(buffer[index..<index + marker.count]) == marker { return index }
                    index += 1
                }
                searchFrom = max(0, buffer.count - marker.count + 1)
            }
            try fill()
        }
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
