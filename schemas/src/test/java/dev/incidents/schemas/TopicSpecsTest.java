package dev.incidents.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicSpecsTest {

    @Test
    void defaultsAreTheDesignTopicsWithTheirCleanupPolicies() {
        Map<String, TopicSpec> topics = TopicSpecs.defaults(3).stream()
                .collect(Collectors.toMap(TopicSpec::name, t -> t));

        assertThat(topics).containsOnlyKeys(Topics.EVENTS, Topics.PODS, Topics.NODES, Topics.PODGROUPS, Topics.INCIDENTS,
                Topics.INCIDENTS_JSON, Topics.INCIDENTS_DLQ);
        assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(3));
        assertThat(topics.get(Topics.EVENTS).configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "604800000");
        assertThat(topics.get(Topics.INCIDENTS_DLQ).configs()).containsEntry("retention.ms", "1209600000");
        for (String compacted : List.of(Topics.PODS, Topics.NODES, Topics.PODGROUPS, Topics.INCIDENTS, Topics.INCIDENTS_JSON)) {
            assertThat(topics.get(compacted).configs()).containsEntry("cleanup.policy", "compact");
        }
    }

    @Test
    void inputsAndTheDeadLettersAreKeptFromTheirArrivalNotFromTheirEventTime() {
        Map<String, TopicSpec> topics = TopicSpecs.defaults(1).stream()
                .collect(Collectors.toMap(TopicSpec::name, t -> t));

        for (String kept : List.of(Topics.EVENTS, Topics.PODS, Topics.NODES, Topics.PODGROUPS, Topics.INCIDENTS_DLQ)) {
            assertThat(topics.get(kept).configs()).as(kept).containsEntry("message.timestamp.type", "LogAppendTime");
        }
        // The analyzer writes incidents with their own times; compaction keeps the latest per id whatever its age.
        for (String own : List.of(Topics.INCIDENTS, Topics.INCIDENTS_JSON)) {
            assertThat(topics.get(own).configs()).as(own).doesNotContainKey("message.timestamp.type");
        }
    }

    @Test
    void renamingOrAddingAConfigKeepsTheRest() {
        TopicSpec events = TopicSpec.deletedAfter(Topics.EVENTS, 2, java.time.Duration.ofDays(1));

        TopicSpec renamed = events.named("staging.events").with("segment.ms", "60000");

        assertThat(renamed.name()).isEqualTo("staging.events");
        assertThat(renamed.partitions()).isEqualTo(2);
        assertThat(renamed.configs()).containsEntry("retention.ms", "86400000").containsEntry("segment.ms", "60000");
        assertThat(events.configs()).doesNotContainKey("segment.ms");
        assertThatThrownBy(() -> TopicSpec.compacted("t", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
