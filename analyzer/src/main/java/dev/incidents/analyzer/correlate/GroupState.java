package dev.incidents.analyzer.correlate;

/**
 * What a workload subject keeps of one of its gang objects (by the object's name): the size the gang needs, and whose
 * it is, so that its members' group (a label or annotation value) finds it.
 */
public final class GroupState {
    /** The name of the object's controller (a Volcano Job, a PyTorchJob), which the members' labels may name instead. */
    public String owner;
    /** The members the gang needs placed together; -1 where the object does not say. */
    public int minMember = -1;
    /** Event time of the object's last snapshot: the least recent goes first when a workload has too many. */
    public long lastSeen;

    public GroupState() {
    }
}
