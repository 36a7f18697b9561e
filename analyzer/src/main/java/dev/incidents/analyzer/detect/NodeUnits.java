package dev.incidents.analyzer.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Units of one resource per node, by node name, as a {@link ResourceOffer} holds them. Printed ({@code gpu-a (4)})
 * only when an incident's text needs them: an offer is recomputed after every placement or allocatable change of
 * its cluster, and building the strings each time was a tenth of a fleet replay's time.
 */
public final class NodeUnits {
    public static final NodeUnits NONE = new NodeUnits(new String[0], new long[0], 0);

    private final String[] nodes;
    private final long[] units;
    private final int size;
    /** {@link #printed}, once: a cluster's advertised units are the same for every incident built until a node changes. */
    private List<String> printed;

    /** The first {@code size} entries of the arrays; they are not copied, the caller hands them over. */
    public NodeUnits(String[] nodes, long[] units, int size) {
        this.nodes = nodes;
        this.units = units;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The {@code i}th node's name, by node name. */
    public String node(int i) {
        return nodes[i];
    }

    /** The {@code i}th node's units. */
    public long units(int i) {
        return units[i];
    }

    /** {@code name (units)} of each node, by node name. */
    public List<String> printed() {
        if (printed == null) {
            List<String> lines = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                lines.add(line(i));
            }
            printed = List.copyOf(lines);
        }
        return printed;
    }

    /**
     * {@code name (units)} of the first {@code limit} nodes, by node name: what an evidence line names of a cluster of
     * thousands ({@link CauseEvidence#listed(List, int)}), without printing the rest.
     */
    public List<String> printed(int limit) {
        if (printed != null || size <= limit) {
            List<String> all = printed();
            return all.subList(0, Math.min(limit, all.size()));
        }
        List<String> lines = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            lines.add(line(i));
        }
        return lines;
    }

    private String line(int i) {
        return nodes[i] + " (" + units[i] + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeUnits other && size == other.size
                && Arrays.equals(nodes, 0, size, other.nodes, 0, size)
                && Arrays.equals(units, 0, size, other.units, 0, size);
    }

    @Override
    public int hashCode() {
        int hash = size;
        for (int i = 0; i < size; i++) {
            hash = 31 * (31 * hash + nodes[i].hashCode()) + Long.hashCode(units[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        return printed().toString();
    }
}
