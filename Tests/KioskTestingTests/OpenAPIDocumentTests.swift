// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation
import KioskTesting
import Testing

struct OpenAPIDocumentTests {
    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument(yaml: OpenAPIFixture.yaml)
    }

    /// A valid hall: three businesses, one with every optional member.
    static let hall = """
        {"open": true, "updated_at": "2025-03-01T08:30:00+08:00", "note": null, "businesses": [
          {"code": "A", "waiting": 3, "alarm_level": "green", "window": null},
          {"code": "B", "waiting": 0, "alarm_level": "yellow", "window": 4, "tags": {"zh": "社保"}},
          {"code": "C", "waiting": 12, "alarm_level": "red"}
        ]}
        """

    /// Runs `validate` and returns the error it throws, failing the test if it throws nothing.
    private func failure(
        _ method: String = "GET",
        _ path: String = "/api/v1/status",
        status: Int = 200,
        body: String?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> KioskTestingError? {
        #expect(throws: KioskTestingError.self, sourceLocation: sourceLocation) {
            try document.validate(method: method, path: path, status: status, body: body.map { Data($0.utf8) })
        }
    }

    /// A hall with one business replaced by `business`.
    private func hall(withBusiness business: String) -> String {
        Self.hall.replacingOccurrences(of: #"{"code": "C", "waiting": 12, "alarm_level": "red"}"#, with: business)
    }

    @Test func acceptsValidResponses() throws {
        try document.validate(method: "GET", path: "/api/v1/status", status: 200, body: Data(Self.hall.utf8))
        try document.validate(
            method: "get", path: "/api/v1/tickets/A012?verbose=1", status: 200,
            body: Data(#"{"number": "A012", "state": "called", "called_at": "2025-03-01T00:30:00.125Z"}"#.utf8)
        )
        try document.validate(
            method: "GET", path: "/api/v1/tickets/A012", status: 404,
            body: Data(#"{"title": "no such ticket", "status": 404}"#.utf8)
        )
        try document.validate(method: "DELETE", path: "/api/v1/tickets/A012", status: 204, body: nil)
        try document.validate(method: "GET", path: "/api/v1/events", status: 200, body: Data("data: {}\n\n".utf8))
        try document.validate(method: "GET", path: "/calls", status: 200, body: Data(#"{"window": 3}"#.utf8))
    }

    @Test func prefersLiteralPathSegmentsOverTemplates() throws {
        // `/tickets/next` has a POST; `/tickets/{number}` does not, so a template match would fail.
        try document.validate(
            method: "POST", path: "/api/v1/tickets/next", status: 201,
            body: Data(#"{"number": "A013", "state": "called", "called_at": null}"#.utf8)
        )
    }

    @Test func usesTheDefaultResponseForUndocumentedStatuses() throws {
        try document.validate(
            method: "POST", path: "/api/v1/tickets/next", status: 409,
            body: Data(#"{"title": "queue empty", "status": 409}"#.utf8)
        )
        let error = failure("POST", "/api/v1/tickets/next", status: 500, body: #"{"title": "boom", "status": 600}"#)
        #expect(error?.message == "$.status: 600 is above the maximum 599")
    }

    @Test func reportsAWrongTypeWithItsPath() {
        let error = failure(body: hall(withBusiness: #"{"code": "C", "waiting": "12", "alarm_level": "red"}"#))
        #expect(error?.code == .responseMismatch)
        #expect(error?.message == #"$.businesses[2].waiting: expected integer, got string "12""#)
    }

    @Test func reportsAFractionWhereAnIntegerIsRequired() {
        let error = failure(body: hall(withBusiness: #"{"code": "C", "waiting": 1.5, "alarm_level": "red"}"#))
        #expect(error?.message == "$.businesses[2].waiting: expected integer, got number 1.5")
    }

    @Test func reportsAMissingRequiredProperty() {
        let error = failure(body: #"{"open": true, "businesses": []}"#)
        #expect(error?.message == "$.updated_at: missing required property")
    }

    @Test func reportsAPropertyThatAdditionalPropertiesForbids() {
        let body = #"{"open": true, "businesses": [], "updated_at": "2025-03-01T08:30:00Z", "extra": 1}"#
        let error = failure(body: body)
        #expect(error?.message == "$.extra: property not allowed (additionalProperties: false)")
    }

    @Test func checksAdditionalPropertiesAgainstTheirSchema() {
        let business = #"{"code": "C", "waiting": 1, "alarm_level": "red", "tags": {"zh": 7}}"#
        let error = failure(body: hall(withBusiness: business))
        #expect(error?.message == "$.businesses[2].tags.zh: expected string, got number 7")
    }

    @Test func reportsAValueOutsideTheEnumThroughARef() {
        let error = failure(body: hall(withBusiness: #"{"code": "C", "waiting": 1, "alarm_level": "purple"}"#))
        #expect(error?.message == #"$.businesses[2].alarm_level: "purple" not in enum ["green","yellow","red"]"#)
    }

    @Test func reportsEveryViolationOnItsOwnLine() {
        let error = failure(body: hall(withBusiness: #"{"code": "cc", "waiting": -1, "window": "4"}"#))
        let lines = error?.message.split(separator: "\n").map(String.init) ?? []
        #expect(
            lines == [
                "$.businesses[2].alarm_level: missing required property",
                #"$.businesses[2].code: "cc" does not match pattern ^[A-Z]$"#,
                "$.businesses[2].waiting: -1 is below the minimum 0",
                #"$.businesses[2].window: expected integer, got string "4""#,
            ]
        )
    }

    @Test func acceptsNullOnlyWhereTheSchemaAllowsIt() {
        let error = failure(body: #"{"open": null, "businesses": [], "updated_at": "2025-03-01T08:30:00Z"}"#)
        #expect(error?.message == "$.open: expected boolean, got null null")
    }

    @Test(arguments: ["2025-03-01 08:30:00Z", "2025-03-01T08:30:00", "2025-13-01T08:30:00Z", "yesterday"])
    func rejectsTimestampsThatAreNotRFC3339(timestamp: String) {
        let error = failure(body: #"{"open": true, "businesses": [], "updated_at": "\#(timestamp)"}"#)
        #expect(error?.message == #"$.updated_at: "\#(timestamp)" is not a valid date-time"#)
    }

    @Test func reportsAllOfAndAnyOfViolations() {
        let error = failure(
            "GET", "/api/v1/tickets/A1", body: #"{"number": "A", "state": "lost", "called_at": 5}"#
        )
        let lines = error?.message.split(separator: "\n").map(String.init) ?? []
        #expect(
            lines == [
                #"$.number: "A" is shorter than minLength 2"#,
                "$.called_at: matches no anyOf schema (#0: $.called_at: expected string, got number 5; "
                    + "#1: $.called_at: expected null, got number 5)",
                #"$.state: "lost" not in enum ["waiting","called","done"]"#,
            ]
        )
    }

    @Test func reportsOneOfMatchingNoneOrSeveral() {
        let none = failure("GET", "/calls", body: #"{"window": "3"}"#)
        #expect(none?.message.hasPrefix("$: matches no oneOf schema") == true)
        let loose = try? OpenAPIDocument(
            yaml: OpenAPIFixture.yaml.replacingOccurrences(  // Only the two oneOf branches are indented this deep.
                of: "\n" + String(repeating: " ", count: 20) + "additionalProperties: false",
                with: ""
            )
        )
        let body = Data(#"{"window": 1, "speaker": "a"}"#.utf8)
        let several = #expect(throws: KioskTestingError.self) {
            try loose?.validate(method: "GET", path: "/calls", status: 200, body: body)
        }
        #expect(several?.message == "$: matches 2 oneOf schemas, expected exactly one")
    }

    @Test func reportsAnUndocumentedStatus() {
        let error = failure(status: 500, body: "{}")
        #expect(error?.code == .statusNotDocumented)
        #expect(error?.message == "GET /api/v1/status: status 500 is not documented")
    }

    @Test func reportsAnUnknownPathOrMethod() {
        let path = failure("GET", "/api/v1/windows", body: "{}")
        #expect(path?.code == .operationNotFound)
        #expect(path?.message == "no path in the document matches GET /api/v1/windows")
        let method = failure("PUT", "/api/v1/status", body: "{}")
        #expect(method?.code == .operationNotFound)
        #expect(method?.message == "/api/v1/status has no PUT operation")
    }

    @Test func matchesPathsRelativeToTheServerURL() throws {
        try document.validate(method: "GET", path: "/api/v1/calls", status: 200, body: Data(#"{"speaker": "a"}"#.utf8))
    }

    @Test func requiresAnEmptyBodyFor204() {
        let error = failure("DELETE", "/api/v1/tickets/A012", status: 204, body: "{}")
        #expect(error?.code == .responseMismatch)
        #expect(error?.message == "$: a 204 response must have an empty body, got 2 bytes")
    }

    @Test func rejectsABodyThatIsNotJSON() {
        let error = failure(body: "<html>")
        #expect(error?.message.hasPrefix("$: GET /api/v1/status 200: the body is not JSON") == true)
    }

    @Test func rejectsAnUnresolvableReference() throws {
        let broken = try OpenAPIDocument(
            yaml: OpenAPIFixture.yaml.replacingOccurrences(of: "#/components/schemas/Business", with: "#/nowhere")
        )
        #expect(throws: KioskTestingError(.invalidDocument, "")) {
            try broken.validate(method: "GET", path: "/api/v1/status", status: 200, body: Data(Self.hall.utf8))
        }
    }

    @Test func readsYAML12ScalarsAsOpenAPIToolsDo() throws {
        let document = try OpenAPIDocument(yaml: "paths: {}\nx: [yes, no, on, true, 2025-03-01, 7, 1.5, ~, \"8\"]")
        #expect(document.root["x"] == ["yes", "no", "on", true, "2025-03-01", 7, 1.5, nil, "8"])
    }
}
