// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Queue
import TOMLKit

/// The `[priority]`, `[calling]`, `[alarm]` and `[estimate]` tables; absent tables and keys take the defaults
/// of ``PriorityRules``, ``CallingPolicy``, ``WindowRules``, ``AlarmThresholds`` and ``EstimateSettings``.
extension KioskConfiguration {
    static func readPriority(_ priority: TableReader?) throws(ConfigurationError) -> PriorityRules {
        var rules = PriorityRules()
        guard let priority else { return rules }
        try priority.rejectUnknownKeys(allowed: ["elderly_age", "green_channel", "aged_weights"])
        if let age = try priority.integer("elderly_age", in: 1...120) {
            rules.elderlyAge = age
        }
        if let categories = try priority.strings("green_channel") {
            try checkCodes(categories, at: "green_channel", in: priority)
            rules.greenChannelCategories = categories
        }
        if let weights = try priority.table("aged_weights") {
            try weights.rejectUnknownKeys(allowed: PriorityClass.allCases.map(\.rawValue))
            for priorityClass in PriorityClass.allCases {
                guard let weight = try weights.number(priorityClass.rawValue) else { continue }
                guard weight > 0, weight.isFinite else {
                    throw weights.error(.invalidValue, priorityClass.rawValue, "expected a number > 0, found \(weight)")
                }
                rules.agedWeights[priorityClass] = weight
            }
        }
        return rules
    }

    static func readCalling(
        _ calling: TableReader?
    ) throws(ConfigurationError) -> (policy: CallingPolicy, rules: WindowRules) {
        var rules = WindowRules()
        let defaultPolicy = CallingPolicy.interleave(priority: 2, normal: 1)
        guard let calling else { return (defaultPolicy, rules) }
        try calling.rejectUnknownKeys(
            allowed: ["policy", "interleave", "max_recalls", "reactivate_places", "outcomes"])

        let policyName = try calling.string("policy") ?? "interleave"
        let interleave = try calling.string("interleave")
        let policy: CallingPolicy
        switch policyName {
        case "strict": policy = .strict
        case "aged": policy = .aged
        case "interleave": policy = try readInterleave(interleave, in: calling)
        default:
            throw calling.error(
                .invalidValue, "policy",
                "expected \"strict\", \"aged\" or \"interleave\", found \(TableReader.quoted(policyName))")
        }
        if interleave != nil, policyName != "interleave" {
            throw calling.error(
                .invalidValue, "interleave",
                "`interleave` applies only when policy = \"interleave\" (policy is \"\(policyName)\"); remove it")
        }

        if let recalls = try calling.integer("max_recalls", in: 0...100) {
            rules.maxRecalls = recalls
        }
        if let places = try calling.integer("reactivate_places", in: 0...1000) {
            rules.reactivatePlaces = places
        }
        if let outcomes = try calling.strings("outcomes") {
            guard !outcomes.isEmpty else {
                throw calling.error(
                    .invalidValue, "outcomes", "expected at least one outcome (the first is the default), found []")
            }
            try checkCodes(outcomes, at: "outcomes", in: calling)
            rules.outcomes = outcomes
        }
        return (policy, rules)
    }

    private static func readInterleave(_ text: String?, in calling: TableReader) throws(ConfigurationError)
        -> CallingPolicy
    {
        guard let text else { return .interleave(priority: 2, normal: 1) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let priority = Int(parts[0]), let normal = Int(parts[1]),
            (1...100).contains(priority), (1...100).contains(normal)
        else {
            throw calling.error(
                .invalidValue, "interleave",
                "expected \"priority:normal\" with whole numbers from 1 to 100, e.g. \"2:1\", "
                    + "found \(TableReader.quoted(text))")
        }
        return .interleave(priority: priority, normal: normal)
    }

    static func readAlarm(_ alarm: TableReader?) throws(ConfigurationError) -> AlarmThresholds {
        var thresholds = AlarmThresholds()
        guard let alarm else { return thresholds }
        try alarm.rejectUnknownKeys(allowed: ["waiting_count", "longest_wait_minutes"])
        if let counts = try fourAscending("waiting_count", in: alarm, integers: true) {
            thresholds.waitingCount = counts.map { Int($0) }
        }
        if let minutes = try fourAscending("longest_wait_minutes", in: alarm, integers: false) {
            // A threshold of 0 would make a business without waiting tickets green; 1 s means "any wait".
            thresholds.longestWaitSeconds = minutes.map { max(1, $0 * 60) }
        }
        return thresholds
    }

    /// Four strictly ascending values ≥ 0: where green, yellow, orange and red start.
    private static func fourAscending(
        _ key: String,
        in alarm: TableReader,
        integers: Bool
    ) throws(ConfigurationError) -> [Double]? {
        let kind = integers ? "integers" : "numbers"
        let values: [Double]
        if integers {
            guard let array = try alarm.array(key, of: "an array of 4 integers") else { return nil }
            var integers: [Double] = []
            for (index, element) in array.enumerated() {
                guard let integer = element.int else {
                    throw alarm.wrongType("\(key)[\(index + 1)]", "an integer", element.tomlValue)
                }
                integers.append(Double(integer))
            }
            values = integers
        } else {
            guard let numbers = try alarm.numbers(key) else { return nil }
            values = numbers
        }
        let shown = "[" + values.map(format).joined(separator: ", ") + "]"
        guard values.count == 4 else {
            throw alarm.error(
                .invalidValue, key,
                "expected 4 ascending \(kind) (where green, yellow, orange and red start), "
                    + "found \(values.count) value\(values.count == 1 ? "" : "s") \(shown)")
        }
        guard values.allSatisfy({ $0 >= 0 && $0.isFinite }), zip(values, values.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw alarm.error(
                .invalidValue, key,
                "expected 4 strictly ascending \(kind) ≥ 0 (where green, yellow, orange and red start), found \(shown)")
        }
        return values
    }

    static func readEstimate(_ estimate: TableReader?) throws(ConfigurationError) -> EstimateSettings {
        var settings = EstimateSettings()
        guard let estimate else { return settings }
        try estimate.rejectUnknownKeys(allowed: ["sample_size", "prior_weight"])
        if let size = try estimate.integer("sample_size", in: 1...1000) {
            settings.sampleSize = size
        }
        if let weight = try estimate.integer("prior_weight", in: 0...1000) {
            settings.priorWeight = weight
        }
        return settings
    }

    /// Checks a list of short codes (outcomes, green-channel categories): `[a-z0-9_-]{1,32}`, each once.
    private static func checkCodes(_ codes: [String], at key: String, in table: TableReader) throws(ConfigurationError)
    {
        for (index, code) in codes.enumerated() {
            let elementKey = "\(key)[\(index + 1)]"
            guard code.isLowercaseCode(maxLength: 32, extra: [UInt8(ascii: "-"), UInt8(ascii: "_")]) else {
                throw table.error(
                    .invalidValue, elementKey,
                    "expected 1–32 lowercase letters, digits, `-` or `_`, found \(TableReader.quoted(code))")
            }
            if let first = codes[..<index].firstIndex(of: code) {
                throw table.error(
                    .duplicate, elementKey, "\(TableReader.quoted(code)) is listed twice (also \(key)[\(first + 1)])")
            }
        }
    }

    /// `15` for whole numbers, `7.5` otherwise.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
