// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` in its own process group, so that it and its helpers can be killed
/// together. Foundation's `Process` cannot hand a child extra descriptors (Chromium's DevTools pipe is fd 3 and 4).
struct ChildProcess: Sendable {
    /// The child's process id, which is also its process-group id.
    let pid: pid_t

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - executable: An absolute path.
    ///   - arguments: The arguments, without `argv[0]`.
    ///   - environment: The complete environment, as `KEY=value` strings.
    ///   - descriptors: Descriptors to give the child: `child fd ← parent fd`. Every other descriptor above
    ///     stderr is closed in the child.
    ///   - outputPath: The file that receives the child's stdout and stderr (appended).
    /// - Throws: ``KioskTestingError/Code/launchFailed`` with the `errno` text.
    static func spawn(
        executable: String,
        arguments: [String],
        environment: [String],
        descriptors: [(child: CInt, parent: CInt)],
        outputPath: String
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        // The parent descriptors are all above the highest child descriptor (see `system_moveAbove`), so no dup2
        // overwrites a source that a later dup2 still needs. dup2 clears FD_CLOEXEC on the copy.
        for (child, parent) in descriptors {
            posix_spawn_file_actions_adddup2(&actions, parent, child)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let firstUnused = (descriptors.map(\.child).max() ?? 2) + 1
        system_addCloseFrom(&actions, firstUnused)

        // A new process group, default signal handlers (the test runner may ignore SIGPIPE), nothing blocked.
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = CInt(POSIX_SPAWN_SETPGROUP) | CInt(POSIX_SPAWN_SETSIGDEF) | CInt(POSIX_SPAWN_SETSIGMASK)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw KioskTestingError(.launchFailed, "posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid)
    }

    /// Reaps the child if it has exited, without blocking.
    /// - Returns: `true` once the child has been reaped (or was already reaped).
    func reapIfExited() -> Bool {
        var status: CInt = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid || (result == -1 && errno == ECHILD)
    }

    /// Kills the whole process group with `SIGKILL` and reaps the child.
    func killAndReap() {
        system_killGroup(pid)
        var status: CInt = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}
