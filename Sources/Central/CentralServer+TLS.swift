// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

public import HummingbirdTLS

extension CentralServer.Configuration {
    /// Reads a PEM certificate chain and its PEM private key into a server TLS configuration.
    /// - Parameters:
    ///   - certificateFile: The chain, server certificate first.
    ///   - keyFile: The private key.
    /// - Returns: The TLS configuration.
    /// - Throws: ``CentralError/Code/configuration`` naming the file that cannot be read.
    public static func tls(certificateFile: String, keyFile: String) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw CentralError(.configuration, "cannot read the TLS certificate \(certificateFile)", underlying: error)
        }
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw CentralError(.configuration, "cannot read the TLS key \(keyFile)", underlying: error)
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
