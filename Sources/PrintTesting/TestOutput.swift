// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import Foundation

/// Where tests leave files for a person to look at: `<package root>/.build/test-output/`.
public enum TestOutput {
    /// The output directory, created if missing; the package root is the nearest directory above the test
    /// file that holds `Package.swift`.
    /// - Parameter filePath: The test file's path (`#filePath`).
    /// - Returns: The directory.
    /// - Throws: ``PrintTestingError/Code-swift.struct/packageRootNotFound``, or
    ///   ``PrintTestingError/Code-swift.struct/imageWriteFailed`` when the directory cannot be created.
    public static func directory(forTestFile filePath: String = #filePath) throws(PrintTestingError) -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let parent = directory.deletingLastPathComponent()
            guard parent.path != directory.path else {
                throw PrintTestingError(.packageRootNotFound, "above \(filePath)")
            }
            directory = parent
        }
        let output = directory.appendingPathComponent(".build/test-output", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw PrintTestingError(.imageWriteFailed, "cannot create \(output.path)")
        }
        return output
    }
}
