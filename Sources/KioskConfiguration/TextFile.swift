// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Reads a whole UTF-8 text file, explaining a failure in words a technician can act on.
enum TextFile {
    /// Why a file could not be read, e.g. `no such file`.
    struct Failure: Error {
        /// The reason, in English, without the path.
        var reason: String
    }

    /// The file's contents.
    ///
    /// - Parameter path: The file; a relative path is relative to the working directory.
    /// - Throws: ``Failure`` when the file is missing, a directory, unreadable or not UTF-8.
    static func read(_ path: String) throws(Failure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw Failure(reason: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Failure(reason: "permission denied (check the file's owner and mode)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(reason: "the file could not be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(reason: "the file is not UTF-8 text")
        }
        return text
    }
}
