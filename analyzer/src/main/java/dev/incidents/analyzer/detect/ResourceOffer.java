package dev.incidents.analyzer.detect;

import java.util.List;

/**
 * What a cluster's nodes offer of one extended resource ({@code nvidia.com/gpu}), as the {@code nodes} and
 * {@code gpu-placements} global stores last showed them.
 *
 * @param nodesObserved      how many nodes of the cluster are known, whatever they offer
 * @param advertised         the allocatable units of each node that has some, by node name
 * @param largest            the most units one node offers
 * @param total              the units all nodes offer together
 * @param placementsObserved how many pods are known to hold the resource on those nodes (0: free is not known)
 * @param free               the units left on each advertising node that has some left, by node name
 * @param largestFree        the most units left on one node
 * @param freeTotal          the units left on all nodes together
 */
public record ResourceOffer(int nodesObserved, NodeUnits advertised, long largest, long total,
                            int placementsObserved, NodeUnits free, long largestFree, long freeTotal) {

    public static final ResourceOffer NOTHING_KNOWN = new ResourceOffer(0, NodeUnits.NONE, 0, 0, 0, NodeUnits.NONE,
            0, 0);

    /** {@code name (allocatable)} of each node with allocatable units, by node name. */
    public List<String> advertising() {
        return advertised.printed();
    }

    /** {@code name (free)} of each advertising node with units left, by node name. */
    public List<String> freeByNode() {
        return free.printed();
    }

    /**
     * Enough units are left in the cluster for {@code requested}, and one node could hold it when empty, but no node
     * has that many left: fragmentation. Only when placements are known (otherwise free is only allocatable).
     */
    public boolean fragmentedFor(long requested) {
        return placementsObserved > 0 && requested > 0 && requested <= largest && requested > largestFree
                && requested <= freeTotal;
    }
}
