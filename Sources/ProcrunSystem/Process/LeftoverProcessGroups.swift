import Glibc

/// The process groups of a run's steps that still had processes after their step ended (a
/// background process nobody waited for). When the run ends they are ended, as CI runners end
/// orphan processes: SIGTERM, then SIGKILL after the grace to what is left. Shared by the
/// procedures a run calls.
package final class LeftoverProcessGroups {
    /// A group and the step that started it (`procedure › step`).
    package struct Entry {
        package var group: Int32
        package var step: String
    }

    private(set) var entries: [Entry] = []

    /// No groups yet.
    package init() {}
    /// How long the groups have between SIGTERM and SIGKILL (as for a step's timeout).
    static let grace: Duration = .seconds(2)

    /// Remembers `group`, left by `step`.
    package func add(_ group: Int32, step: String) {
        entries.append(Entry(group: group, step: step))
    }

    /// Takes over the groups `other` remembers (those a parallel group's step left).
    package func adopt(_ other: LeftoverProcessGroups) {
        entries += other.entries
        other.entries = []
    }

    /// Ends every remembered group that still has a running process; returns those it ended.
    package func endAll(grace: Duration = grace) -> [Entry] {
        let running = entries.filter { kill(-$0.group, 0) == 0 && ProcessGroup.hasRunningMember($0.group) }
        let ended = entries
        entries = []
        // Ended now, they need no watching should procrun die.
        defer { for entry in ended { ProcessRunner.releaseGroup(entry.group) } }
        guard !running.isEmpty else { return [] }
        for entry in running { kill(-entry.group, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        var left = running
        while !left.isEmpty, ContinuousClock.now < deadline {
            usleep(20_000)
            left = left.filter { ProcessGroup.hasRunningMember($0.group) }
        }
        for entry in left { kill(-entry.group, SIGKILL) }
        return running
    }
}
