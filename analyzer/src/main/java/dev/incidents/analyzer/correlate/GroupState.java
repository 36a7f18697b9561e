package dev.incidents.analyzer.correlate;

/**
 * What a workload subject keeps of one of its gang objects (by the object's name): the size the gang needs, and how
 * its members stand as the object last said. Counts are -1 where the object does not say (a Kueue Workload has no
 * running count; a PodGroup before the scheduler wrote its status).
 */
public final class GroupState {
    /** kubectl's resource of the object, e.g. {@code podgroups.scheduling.x-k8s.io}. */
    public String resource;
    /** The name of the object's controller (a Volcano Job, a PyTorchJob), which the members' labels may name instead. */
    public String owner;
    public int minMember = -1;
    public int running = -1;
    public String phase;
    public long lastSeen;

    public GroupState() {
    }
}
