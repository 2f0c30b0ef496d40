// kioskd — self-service kiosk and queue-ticket daemon
// SPDX-License-Identifier: Apache-2.0

import Dispatch

/// A task executor with a serial dispatch queue of its own, for device emulators that must answer within a
/// device's timeout whatever else the process is doing.
///
/// Swift's default executor is a cooperative pool as wide as the machine has cores; when other work keeps
/// those threads busy (a test suite on two cores), an emulator's task may not run for seconds and the code
/// under test sees a device that does not answer. Run the emulator under
/// `withTaskExecutorPreference(executor) { … }` and its tasks run here instead.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: the queue is the only state and is thread-safe.
    private let queue: DispatchQueue

    /// Creates the executor and its queue.
    /// - Parameter label: The queue's label, for debuggers.
    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs a job on the executor's queue.
    /// - Parameter job: The job.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
