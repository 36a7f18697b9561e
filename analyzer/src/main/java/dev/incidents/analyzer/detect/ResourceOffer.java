package dev.incidents.analyzer.detect;

import java.util.List;

/**
 * What a cluster's nodes offer of one extended resource ({@code nvidia.com/gpu}), as the {@code nodes} global store
 * last showed them.
 *
 * @param nodesObserved how many nodes of the cluster are known, whatever they offer
 * @param advertising   {@code name (allocatable)} of each node with allocatable units, by node name
 * @param largest       the most units one node offers
 * @param total         the units all nodes offer together
 */
public record ResourceOffer(int nodesObserved, List<String> advertising, long largest, long total) {

    public static final ResourceOffer NOTHING_KNOWN = new ResourceOffer(0, List.of(), 0, 0);
}
