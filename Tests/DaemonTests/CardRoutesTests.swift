// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import IDCard
import KioskTesting
import Reader
import Testing

@testable import Daemon

/// Taking a ticket with the card just read: elderly priority from the birth date, one ticket per person
/// per business per day, and nothing but masked data over the API.
struct CardRoutesTests {
    private static let card = EmulatorFixture.builtIn.card("resident")!

    private func read(into desk: CardDesk) throws -> CardDesk.Session {
        desk.accept(try TextBlock.decode(Self.card.textBlock), at: Date())
    }

    @Test func theCardOnTheReaderIsShownMaskedAndTicketsBindToIt() async throws {
        let harness = try APIHarness()
        let session = try read(into: harness.desk)
        try await harness.run { api async throws in
            let card = try await api.request(.get, "/api/v1/card")
            #expect(card.json["card"]?.stringValue == session.id)
            #expect(card.json["elderly"]?.boolValue == true)
            #expect(card.json.jsonText.contains(Self.card.number) == false)
            #expect(card.json.jsonText.contains(Self.card.name!) == false)

            let taken = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "card": "\#(session.id)"}"#)
            #expect(taken.status == 201)
            #expect(taken.json["priority"]?.stringValue == "elderly")
            let again = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "card": "\#(session.id)"}"#)
            #expect(again.status == 409)
            #expect(again.errorCode == "already_has_ticket")
            #expect(again.json["error"]?["ticket_number"]?.stringValue == taken.json["number"]?.stringValue)
            let other = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "housing", "card": "\#(session.id)"}"#)
            #expect(other.status == 201)
        }
    }

    @Test func anUnknownOrExpiredCardSessionIsRefused() async throws {
        try await APIHarness().run { api async throws in
            let refused = try await api.request(.post, "/api/v1/tickets", json: #"{"business": "social", "card": "nope"}"#)
            #expect(refused.status == 409)
            #expect(refused.errorCode == "card_expired")
            #expect(try await api.request(.get, "/api/v1/card").status == 204)
        }
    }

    @Test func theEmulatorTakesBuiltInTestCardsOnly() async throws {
        try await APIHarness().run { api async throws in
            #expect(try await api.request(.post, "/api/v1/emulator/card", json: #"{"card": "resident"}"#).status == 200)
            #expect(try await api.request(.post, "/api/v1/emulator/card", json: #"{"card": null}"#).status == 200)
            #expect(try await api.request(.post, "/api/v1/emulator/card", json: #"{"card": "forged"}"#).status == 400)
        }
    }

    @Test func aCardSessionExpiresAMinuteAfterTheCardIsRemoved() throws {
        let desk = CardDesk(lifetime: 180, graceAfterRemoval: 60)
        let now = Date()
        let session = desk.accept(try TextBlock.decode(Self.card.textBlock), at: now)
        desk.removed(at: now.addingTimeInterval(10))
        #expect(desk.session(session.id, at: now.addingTimeInterval(60)) != nil)
        #expect(desk.session(session.id, at: now.addingTimeInterval(71)) == nil)
        #expect(desk.current(at: now.addingTimeInterval(72)) == nil)
    }
}

/// The card's photo, through a site's WLT library (a stand-in compiled by the test), and never without one.
struct CardPhotoRoutesTests {
    @Test func withoutADecoderThePhotoIsNotOffered() async throws {
        let harness = try APIHarness()
        _ = harness.desk.accept(try TextBlock.decode(EmulatorFixture.builtIn.card("resident")!.textBlock), at: Date())
        try await harness.run { api async throws in
            let photo = try await api.request(.get, "/api/v1/card/photo")
            #expect(photo.status == 404)
            #expect(photo.errorCode == "no_photo_decoder")
        }
    }

    @Test func theCurrentCardsPhotoComesBackAsABitmap() async throws {
        let decoder = try PhotoDecoder(path: try await StandInPhotoDecoder.compile())
        let harness = try APIHarness(photoDecoder: decoder)
        try await harness.run { api async throws in
            #expect(try await api.request(.get, "/api/v1/card/photo").status == 204)
            let card = EmulatorFixture.builtIn.card("resident")!
            _ = harness.desk.accept(try TextBlock.decode(card.textBlock), photo: [0x04] + card.photo.dropFirst(), at: Date())
            let photo = try await api.request(.get, "/api/v1/card/photo")
            #expect(photo.status == 200)
            #expect(photo.contentType == "image/bmp")
            #expect(photo.body.count == 38_862)
            #expect(photo.body.prefix(2) == Data("BM".utf8))
            // A photo the library refuses (the stand-in refuses one starting FF) is a 422, not a 500.
            _ = harness.desk.accept(try TextBlock.decode(card.textBlock), photo: [0xFF] + card.photo.dropFirst(), at: Date())
            let refused = try await api.request(.get, "/api/v1/card/photo")
            #expect(refused.status == 422)
            #expect(refused.errorCode == "photo_undecodable")
        }
    }
}
