package dev.incidents.shipper;

import dev.incidents.schemas.Topics;

/** The three input topics the shipper writes; defaults from {@link Topics}. */
public record TopicNames(String events, String pods, String nodes) {
    public static final TopicNames DEFAULTS = new TopicNames(Topics.EVENTS, Topics.PODS, Topics.NODES);
}
