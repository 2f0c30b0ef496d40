// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// A small OpenAPI 3.1 document shaped like the hall API, with one of each construct the checker supports.
enum OpenAPIFixture {
    static let yaml = """
        openapi: 3.1.0
        info: {title: fixture, version: "1"}
        servers:
          - url: https://kiosk.example/api/v1
        paths:
          /api/v1/status:
            get:
              responses:
                "200":
                  description: the hall
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Hall"}
          /api/v1/tickets/{number}:
            get:
              responses:
                "200":
                  description: one ticket
                  content:
                    application/json; charset=utf-8:
                      schema: {$ref: "#/components/schemas/Ticket"}
                "404": {$ref: "#/components/responses/Problem"}
            delete:
              responses:
                "204": {description: cancelled}
          /api/v1/tickets/next:
            post:
              responses:
                "201":
                  description: the called ticket
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Ticket"}
                default: {$ref: "#/components/responses/Problem"}
          /api/v1/events:
            get:
              responses:
                "200":
                  description: event stream
                  content:
                    text/event-stream: {}
          /calls:
            get:
              responses:
                "200":
                  description: a call, by channel
                  content:
                    application/json:
                      schema:
                        oneOf:
                          - type: object
                            required: [window]
                            properties: {window: {type: integer}}
                            additionalProperties: false
                          - type: object
                            required: [speaker]
                            properties: {speaker: {type: string}}
                            additionalProperties: false
        components:
          responses:
            Problem:
              description: an error
              content:
                application/problem+json:
                  schema:
                    type: object
                    required: [title, status]
                    properties:
                      title: {type: string}
                      status: {type: integer, minimum: 400, maximum: 599}
          schemas:
            Hall:
              type: object
              required: [open, businesses, updated_at]
              additionalProperties: false
              properties:
                open: {type: boolean}
                updated_at: {type: string, format: date-time}
                note: {type: [string, "null"]}
                businesses:
                  type: array
                  items: {$ref: "#/components/schemas/Business"}
            Business:
              type: object
              required: [code, waiting, alarm_level]
              properties:
                code: {type: string, pattern: "^[A-Z]$"}
                waiting: {type: integer, minimum: 0}
                alarm_level: {type: string, enum: [green, yellow, red]}
                window: {type: integer, nullable: true}
                tags:
                  type: object
                  additionalProperties: {type: string}
            Ticket:
              allOf:
                - type: object
                  required: [number]
                  properties:
                    number: {type: string, minLength: 2}
                - type: object
                  required: [state]
                  properties:
                    state: {type: string, enum: [waiting, called, done]}
                    called_at:
                      anyOf:
                        - {type: string, format: date-time}
                        - {type: "null"}
        """
}
