package dev.incidents.shipper;

import dev.incidents.schemas.Topics;

/** The input topics the shipper writes; defaults from {@link Topics}. */
public record TopicNames(String events, String pods, String nodes, String podGroups) {
    public static final TopicNames DEFAULTS = new TopicNames(Topics.EVENTS, Topics.PODS, Topics.NODES, Topics.PODGROUPS);

    /**
     * The three topics of DESIGN.md section 3; gang objects (an input added later, watched only where their CRDs are
     * served) go to the default {@code k8s.podgroups}.
     */
    public TopicNames(String events, String pods, String nodes) {
        this(events, pods, nodes, Topics.PODGROUPS);
    }
}
