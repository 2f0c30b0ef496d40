// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// The waiting tickets of one business (or pinned to one window), one sorted list per priority class.
///
/// Each list is ordered by queue key then id, so its head is the one that has waited longest.
/// Calling looks only at the heads, so a call costs the same with 10 or 10,000 waiting.
public struct WaitingLine: Sendable {
    /// A waiting ticket's place.
    public struct Entry: Sendable, Hashable, Comparable {
        /// Its queue key (take time, or its place after a re-activation).
        public var key: Date
        /// The ticket id, breaking ties.
        public var id: Int64

        /// Creates an entry.
        public init(key: Date, id: Int64) {
            self.key = key
            self.id = id
        }

        /// Orders by key then id.
        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.key != rhs.key ? lhs.key < rhs.key : lhs.id < rhs.id
        }
    }

    private var lists: [PriorityClass: [Entry]] = [:]

    /// An empty line.
    public init() {}

    /// How many wait.
    public var count: Int { lists.values.reduce(0) { $0 + $1.count } }

    /// Whether nobody waits.
    public var isEmpty: Bool { lists.values.allSatisfy(\.isEmpty) }

    /// The longest-waiting entry of each class that has one.
    public var heads: [(priority: PriorityClass, entry: Entry)] {
        lists.compactMap { priority, list in list.first.map { (priority, $0) } }
    }

    /// Every waiting entry, in no particular order.
    public var entries: [Entry] { lists.values.flatMap { $0 } }

    /// The earliest queue key of anyone waiting.
    public var earliestKey: Date? {
        lists.values.compactMap(\.first?.key).min()
    }

    /// Adds a ticket in its place.
    public mutating func insert(_ entry: Entry, priority: PriorityClass) {
        // Mutate the stored array in place: copying it out would copy every entry (copy-on-write).
        let index = Self.insertionIndex(of: entry, in: lists[priority] ?? [])
        lists[priority, default: []].insert(entry, at: index)
    }

    /// Removes a ticket; returns whether it was there.
    @discardableResult
    public mutating func remove(_ entry: Entry, priority: PriorityClass) -> Bool {
        // No local copy of the array may be alive when it is mutated, or the removal copies it.
        guard lists[priority] != nil else { return false }
        let index = Self.insertionIndex(of: entry, in: lists[priority]!)
        guard index < lists[priority]!.count, lists[priority]![index] == entry else { return false }
        lists[priority]!.remove(at: index)
        return true
    }

    /// How many are ahead of an entry in strict order: every higher class, then earlier keys of its own.
    public func ahead(of entry: Entry, priority: PriorityClass) -> Int {
        var count = 0
        for (other, list) in lists where other > priority {
            count += list.count
        }
        return count + Self.insertionIndex(of: entry, in: lists[priority] ?? [])
    }

    /// The entry at strict position `index` (0 is the first to be called under strict order).
    public func entry(atStrictPosition index: Int) -> (priority: PriorityClass, entry: Entry)? {
        var remaining = index
        for priority in PriorityClass.allCases.reversed() {
            let list = lists[priority] ?? []
            if remaining < list.count { return (priority, list[remaining]) }
            remaining -= list.count
        }
        return nil
    }

    private static func insertionIndex(of entry: Entry, in list: [Entry]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < entry { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
