// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

/// What every part of one parse shares: the file's name for messages and the line finder.
struct ParseContext {
    /// The configuration file as given, e.g. `/etc/kioskd/kioskd.toml`.
    let file: String
    /// Finds the lines of key paths in the file's text.
    let locator: SourceLocator

    /// An error at a key path, with the key's line when it can be found.
    ///
    /// - Parameters:
    ///   - code: The kind of problem.
    ///   - keyPath: The full key path, e.g. `business[2].prefix`, or `nil` for the whole file.
    ///   - message: What was expected and what was found; never a secret.
    func error(_ code: ConfigurationError.Code, at keyPath: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(
            code: code,
            file: file,
            line: keyPath.flatMap { locator.line(of: $0) },
            key: keyPath,
            message: message
        )
    }
}
