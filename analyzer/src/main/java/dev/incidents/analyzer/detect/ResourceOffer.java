package dev.incidents.analyzer.detect;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a cluster's nodes offer of one extended resource ({@code nvidia.com/gpu}), as the {@code nodes} and
 * {@code gpu-placements} global stores last showed them.
 *
 * <p>What is left free is worked out when first read ({@link #free()}, {@link #fragmentedFor}): every GPU pod's start
 * or end changes it, and an INSUFFICIENT_GPU incident, built far more often than the nodes change, reads only what
 * the nodes advertise; walking every advertising node for the free units was 5 % of a fleet replay. Within one
 * correlator call nothing changes between the offer and that read (live, the global thread may apply a placement in
 * between, as it may just before the offer).
 */
public final class ResourceOffer {

    public static final ResourceOffer NOTHING_KNOWN = new ResourceOffer(0, NodeUnits.NONE, 0, 0, 0, NodeUnits.NONE,
            0, 0);

    /**
     * The units left per node.
     *
     * @param byNode  the units left on each advertising node that has some left, by node name
     * @param largest the most units left on one node
     * @param total   the units left on all nodes together
     */
    public record Free(NodeUnits byNode, long largest, long total) {
    }

    private final int nodesObserved;
    private final NodeUnits advertised;
    private final long largest;
    private final long total;
    private final int placementsObserved;
    private Supplier<Free> freeSource;
    private Free free;

    /**
     * @param nodesObserved      how many nodes of the cluster are known, whatever they offer
     * @param advertised         the allocatable units of each node that has some, by node name
     * @param largest            the most units one node offers
     * @param total              the units all nodes offer together
     * @param placementsObserved how many pods are known to hold the resource on those nodes (0: free is not known)
     * @param free               what is left, worked out when first read
     */
    public ResourceOffer(int nodesObserved, NodeUnits advertised, long largest, long total, int placementsObserved,
                         Supplier<Free> free) {
        this.nodesObserved = nodesObserved;
        this.advertised = advertised;
        this.largest = largest;
        this.total = total;
        this.placementsObserved = placementsObserved;
        this.freeSource = free;
    }

    /** What is left, known already: {@link #NOTHING_KNOWN}, which stream threads share, so nothing is filled later. */
    private ResourceOffer(int nodesObserved, NodeUnits advertised, long largest, long total, int placementsObserved,
                          NodeUnits free, long largestFree, long freeTotal) {
        this(nodesObserved, advertised, largest, total, placementsObserved, null);
        this.free = new Free(free, largestFree, freeTotal);
    }

    public int nodesObserved() {
        return nodesObserved;
    }

    public NodeUnits advertised() {
        return advertised;
    }

    public long largest() {
        return largest;
    }

    public long total() {
        return total;
    }

    public int placementsObserved() {
        return placementsObserved;
    }

    public Free free() {
        if (free == null) {
            free = freeSource.get();
            freeSource = null;
        }
        return free;
    }

    public long largestFree() {
        return free().largest();
    }

    public long freeTotal() {
        return free().total();
    }

    /** {@code name (allocatable)} of each node with allocatable units, by node name. */
    public List<String> advertising() {
        return advertised.printed();
    }

    /** {@link #advertising()} of the first {@code limit} nodes only. */
    public List<String> advertising(int limit) {
        return advertised.printed(limit);
    }

    /** {@code name (free)} of each advertising node with units left, by node name. */
    public List<String> freeByNode() {
        return free().byNode().printed();
    }

    /**
     * Enough units are left in the cluster for {@code requested}, and one node could hold it when empty, but no node
     * has that many left: fragmentation. Only when placements are known (otherwise free is only allocatable).
     */
    public boolean fragmentedFor(long requested) {
        return placementsObserved > 0 && requested > 0 && requested <= largest && requested > largestFree()
                && requested <= freeTotal();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceOffer other && nodesObserved == other.nodesObserved
                && advertised.equals(other.advertised) && largest == other.largest && total == other.total
                && placementsObserved == other.placementsObserved && free().equals(other.free());
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodesObserved, advertised, largest, total, placementsObserved, free());
    }

    @Override
    public String toString() {
        return "ResourceOffer[nodesObserved=" + nodesObserved + ", advertised=" + advertised + ", largest=" + largest
                + ", total=" + total + ", placementsObserved=" + placementsObserved + ", free=" + free() + "]";
    }
}
