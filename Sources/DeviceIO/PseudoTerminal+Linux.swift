// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Glibc

/// A new pty pair: the master descriptor and the slave's path, with the line in raw mode.
///
/// Emulators serve the master side (wrap ``master`` in a ``DescriptorLink``); the code under test opens
/// ``slavePath`` as it would open a USB-serial device.
public struct PseudoTerminal: Sendable {
    /// The master side, `O_NONBLOCK`; owned by whoever wraps it in a link.
    public let master: CInt
    /// A descriptor on the slave kept open by the owner, so the master never reads `EIO` while no client
    /// has the slave open; the line settings are applied through it.
    public let slave: CInt
    /// The slave's path, e.g. `/dev/pts/3`.
    public let slavePath: String

    /// Opens a pty with `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r`, and puts it in raw mode.
    /// - Throws: ``DeviceIOError/Code/openFailed``.
    public init() throws(DeviceIOError) {
        let calls = try PTYCalls()
        let master = calls.openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard master >= 0 else { throw DeviceIOError(.openFailed, "posix_openpt: errno \(errno)") }
        var name = [CChar](repeating: 0, count: 128)
        guard calls.grantpt(master) == 0, calls.unlockpt(master) == 0,
            calls.ptsname(master, &name, name.count) == 0
        else {
            let error = errno
            _ = Glibc.close(master)
            throw DeviceIOError(.openFailed, "pty set-up: errno \(error)")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard slave >= 0 else {
            let error = errno
            _ = Glibc.close(master)
            throw DeviceIOError(.openFailed, "\(path): open: errno \(error)")
        }
        do throws(DeviceIOError) {
            // Raw mode on the line: no echo back to the master, no CR/LF translation of frame bytes.
            try SerialLine.configure(slave, path: path, settings: .standard)
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
    public func closeSlave() {
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

    init() throws(DeviceIOError) {
        func symbol<T>(_ name: String, as type: T.Type) throws(DeviceIOError) -> T {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
                throw DeviceIOError(.openFailed, "libc has no \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        openpt = try symbol("posix_openpt", as: (@convention(c) (CInt) -> CInt).self)
        grantpt = try symbol("grantpt", as: (@convention(c) (CInt) -> CInt).self)
        unlockpt = try symbol("unlockpt", as: (@convention(c) (CInt) -> CInt).self)
        ptsname = try symbol("ptsname_r", as: (@convention(c) (CInt, UnsafeMutablePointer<CChar>?, Int) -> CInt).self)
    }
}
