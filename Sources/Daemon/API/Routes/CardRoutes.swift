// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import IDCard
import Queue
import Reader

/// The card on the reader (masked), its photo through a site's decoder, and, when the reader is emulated,
/// presenting a test card.
struct CardRoutes {
    let desk: CardDesk
    let emulator: ReaderEmulator?
    let photoDecoder: PhotoDecoder?
    let configuration: HallConfiguration

    func register(on router: Router<KioskRequestContext>) {
        router.get("api/v1/card") { request, context -> Response in
            guard let session = desk.current(at: Date()) else { return Response(status: .noContent) }
            return try JSONResponse(CardView(session: session, configuration: configuration)).response(from: request, context: context)
        }
        router.get("api/v1/card/photo") { request, context -> Response in
            guard let photoDecoder else {
                throw APIError(.notFound, code: "no_photo_decoder", message: "没有配置身份证照片解码库（[reader] photo_decoder）")
            }
            guard let session = desk.current(at: Date()) else { return Response(status: .noContent) }
            let bitmap: [UInt8]
            do {
                bitmap = try photoDecoder.bitmap(fromPhoto: session.photo)
            } catch {
                throw APIError(.unprocessableContent, code: "photo_undecodable", message: "身份证照片无法解码")
            }
            var headers = HTTPFields()
            headers[.contentType] = "image/bmp"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bitmap)))
        }
        router.post("api/v1/emulator/card") { request, context in
            guard let emulator else {
                throw APIError(.notFound, code: "no_emulator", message: "阅读器不是模拟器，不能放入测试卡")
            }
            let body = try await request.decodeRequired(EmulatorCardBody.self, context: context)
            if let key = body.card {
                guard let card = EmulatorFixture.builtIn.card(key) else {
                    let known = EmulatorFixture.builtIn.cards.map(\.key).joined(separator: ", ")
                    throw APIError.badRequest("没有名为 \(key) 的测试卡；可用：\(known)")
                }
                emulator.present(card)
            } else {
                emulator.present(nil)
            }
            return JSONResponse(["card": body.card])
        }
    }
}

/// `POST /api/v1/emulator/card`: a built-in test card's key, or `null` to take the card away.
struct EmulatorCardBody: Decodable {
    var card: String?
}

/// A read card as the menu sees it: the session id and masked holder data only.
struct CardView: Encodable {
    let session: CardDesk.Session
    let configuration: HallConfiguration

    private enum Keys: String, CodingKey { case card, cardType, name, number, birthYear, elderly }

    func encode(to encoder: any Encoder) throws {
        let summary = session.identity.summary
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(session.id, forKey: .card)
        try container.encode(summary.cardType, forKey: .cardType)
        try container.encode(summary.maskedName, forKey: .name)
        try container.encode(summary.maskedNumber, forKey: .number)
        try container.encode(summary.birthYear, forKey: .birthYear)
        try container.encode(
            session.isElderly(age: configuration.priority.elderlyAge, timeZone: configuration.timeZone, now: Date()),
            forKey: .elderly)
    }
}
