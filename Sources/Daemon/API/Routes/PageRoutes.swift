// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Queue

/// The pages the daemon serves (window staff page, hall display), the OpenAPI file and `/healthz`.
struct PageRoutes {
    let hall: HallService
    let assets: PageAssets
    let version: String

    func register(on router: Router<KioskRequestContext>) {
        router.get("/") { _, _ in try assets.response(for: "index.html") }
        router.get("window") { _, _ in try assets.response(for: "window.html") }
        router.get("display") { _, _ in try assets.response(for: "display.html") }
        router.get("pages/:file") { _, context in try assets.response(for: try context.parameters.require("file")) }
        router.get("api/v1/openapi.yaml") { _, _ in try assets.response(for: "openapi.yaml") }
        router.get("healthz") { _, _ in
            let picture = try await hall.picture()
            return JSONResponse(["status": "ok", "service_day": picture.engine.serviceDay.text, "version": version])
        }
    }
}

/// The static files, read once at start from the daemon's resource bundle.
struct PageAssets: Sendable {
    private let files: [String: (type: String, data: Data)]

    /// Loads `pages/*` and `openapi.yaml` from the bundle.
    init() throws {
        // Foundation treats a bundle's `Resources` folder as its resource folder on some platforms
        // and not on others, so look for the copied folder either way.
        let candidates = [Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources")]
        guard
            let root = candidates.compactMap({ $0 }).first(where: {
                FileManager.default.fileExists(atPath: $0.appendingPathComponent("openapi.yaml").path)
            })
        else {
            throw APIError(.internalServerError, code: "internal", message: "resource bundle missing")
        }
        var files: [String: (String, Data)] = [:]
        let pages = root.appendingPathComponent("pages")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? [] {
            files[name] = (Self.contentType(of: name), try Data(contentsOf: pages.appendingPathComponent(name)))
        }
        files["openapi.yaml"] = ("application/yaml; charset=utf-8", try Data(contentsOf: root.appendingPathComponent("openapi.yaml")))
        self.files = files
    }

    func response(for name: String) throws -> Response {
        guard let file = files[name] else {
            throw APIError(.notFound, code: "not_found", message: "没有这个页面")
        }
        return Response(
            status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}
