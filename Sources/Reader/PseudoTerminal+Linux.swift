// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A new pty pair: the master descriptor and the slave's path, with the line in raw mode.
struct PseudoTerminal {
    /// The master side, `O_NONBLOCK`.
    let master: CInt
    /// A descriptor on the slave kept open by the owner, so the master never reads `EIO` while no client
    /// has the slave open; the line settings are applied through it.
    let slave: CInt
    /// The slave's path, e.g. `/dev/pts/3`.
    let slavePath: String

    /// Opens a pty with `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r`, and puts it in raw mode.
    /// - Throws: ``ReaderError/Code/openFailed``.
    init() throws {
        let calls = try PTYCalls()
        let master = calls.openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard master >= 0 else { throw ReaderError(.openFailed, "posix_openpt: errno \(errno)") }
        var name = [CChar](repeating: 0, count: 128)
        guard calls.grantpt(master) == 0, calls.unlockpt(master) == 0,
            calls.ptsname(master, &name, name.count) == 0
        else {
            let error = errno
            _ = Glibc.close(master)
            throw ReaderError(.openFailed, "pty set-up: errno \(error)")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard slave >= 0 else {
            let error = errno
            _ = Glibc.close(master)
            throw ReaderError(.openFailed, "\(path): open: errno \(error)")
        }
        do {
            // Raw mode on the line: no echo back to the master, no CR/LF translation of frame bytes.
            try SerialTransport.configure(slave, path: path, settings: .standard)
        } catch {
            _ = Glibc.close(slave)
            _ = Glibc.close(master)
            throw error
        }
        self.master = master
        self.slave = slave
        self.slavePath = path
    }

    /// Closes the slave descriptor kept by the owner (the master is owned by a transport).
    func closeSlave() {
        _ = Glibc.close(slave)
    }
}

/// The libc pty calls, looked up with `dlsym`: the Glibc module hides them behind `_XOPEN_SOURCE` and this
/// target has no C shim (`ioctl(TIOCSPTLCK)` is variadic and not callable from Swift either).
private struct PTYCalls {
    let openpt: @convention(c) (CInt) -> CInt
    let grantpt: @convention(c) (CInt) -> CInt
    let unlockpt: @convention(c) (CInt) -> CInt
    let ptsname: @convention(c) (CInt, UnsafeMutablePointer<CChar>?, Int) -> CInt

    init() throws {
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw ReaderError(.openFailed, "libc has no \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        openpt = try symbol("posix_openpt", as: (@convention(c) (CInt) -> CInt).self)
        grantpt = try symbol("grantpt", as: (@convention(c) (CInt) -> CInt).self)
        unlockpt = try symbol("unlockpt", as: (@convention(c) (CInt) -> CInt).self)
        ptsname = try symbol("ptsname_r", as: (@convention(c) (CInt, UnsafeMutablePointer<CChar>?, Int) -> CInt).self)
    }
}

/// A connected pair of stream sockets, both `O_NONBLOCK`: the in-process link between a host and the emulator.
enum SocketPair {
    /// Creates the pair.
    /// - Returns: Two descriptors.
    /// - Throws: ``ReaderError/Code/openFailed``.
    static func make() throws -> (CInt, CInt) {
        var descriptors: [CInt] = [-1, -1]
        let type = CInt(SOCK_STREAM.rawValue) | CInt(SOCK_NONBLOCK.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &descriptors) == 0 else {
            throw ReaderError(.openFailed, "socketpair: errno \(errno)")
        }
        return (descriptors[0], descriptors[1])
    }
}
