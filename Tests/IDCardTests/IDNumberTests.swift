// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import IDCard
import Testing

struct IDNumberTests {
    /// GB 11643-1999's worked example, and the example number of the Chinese Wikipedia article.
    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func publishedExamplesAreValid(number: String) throws {
        #expect(try IDNumber(number).revealed == number)
    }

    @Test func checkCharacterIsComputedByMOD11Dash2() {
        #expect(IDNumber.checkCharacter(forFirst17: Array("11010519491231002".utf8)) == "X")
        #expect(IDNumber.checkCharacter(forFirst17: Array("44052418800101001".utf8)) == "4")
        #expect(IDNumber.checkCharacter(forFirst17: Array("4405241880010100".utf8)) == nil)
    }

    @Test(arguments: ["110105194912310021", "440524188001010015", "11010519491231002Y"])
    func aWrongCheckCharacterIsRejected(number: String) {
        #expect(throws: IDCardError.self) { try IDNumber(number) }
    }

    @Test func aBadCheckDigitHasItsOwnCode() {
        #expect(throws: IDCardError(.badCheckDigit)) { try IDNumber("440524188001010015") }
        #expect(throws: IDCardError(.invalidIDNumber)) { try IDNumber("44052418800101001") }
        #expect(throws: IDCardError(.invalidIDNumber)) { try IDNumber("4405241880010100１4") }
    }

    @Test func lowercaseXIsStoredUppercase() throws {
        #expect(try IDNumber("11010519491231002x").revealed == "11010519491231002X")
    }

    @Test func everyPrintedFormIsMaskedToFirstFourAndLastFour() throws {
        let number = try IDNumber("440524188001010014")
        #expect(number.masked == "4405**********0014")
        var dumped = ""
        dump(number, to: &dumped)
        let json = String(decoding: try JSONEncoder().encode([number]), as: UTF8.self)
        for text in [String(describing: number), String(reflecting: number), "\(number)", dumped, json] {
            #expect(text.contains("4405**********0014"))
            #expect(!text.contains("188001010"))
        }
    }

    @Test func errorsNeverContainTheNumber() {
        do {
            _ = try IDNumber("440524188001010015")
            Issue.record("accepted a bad check digit")
        } catch {
            #expect(!String(describing: error).contains("4405241880"))
            #expect(!String(reflecting: error).contains("4405241880"))
        }
    }
}
