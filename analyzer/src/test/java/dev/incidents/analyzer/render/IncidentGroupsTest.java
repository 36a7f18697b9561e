package dev.incidents.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.render.IncidentGroups.Group;
import dev.incidents.analyzer.render.IncidentGroups.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents grouped as the README's Alertmanager route groups them: cluster, category, namespace, overlapping times. */
class IncidentGroupsTest {

    private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

    private static Member workload(String cluster, String namespace, String name, String category, int fromMinute,
                                   int toMinute) {
        return new Member(cluster + "/" + namespace + "/Deployment/" + name + "/" + category, cluster, namespace,
                category, namespace + "/Deployment/" + name, T0.plus(Duration.ofMinutes(fromMinute)),
                T0.plus(Duration.ofMinutes(toMinute)));
    }

    private static Member node(String cluster, String name, String category, int minute) {
        return new Member(cluster + "/node/" + name + "/" + category, cluster, null, category, "node/" + name,
                T0.plus(Duration.ofMinutes(minute)), T0.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void workloads_of_a_namespace_failing_alike_at_once_are_one_group() {
        List<Group> groups = IncidentGroups.of(List.of(
                workload("prod", "sentry", "sentry-web", "CONFIG_ERROR", 0, 5),
                workload("prod", "sentry", "sentry-cron", "CONFIG_ERROR", 1, 6),
                workload("prod", "sentry", "sentry-worker", "CRASH_LOOP", 1, 6),
                workload("prod", "relay", "relay", "CONFIG_ERROR", 2, 6),
                workload("staging", "sentry", "sentry-web", "CONFIG_ERROR", 0, 5)));

        assertThat(groups).extracting(g -> g.members().size()).containsExactly(2, 1, 1, 1);
        assertThat(groups.get(0).describe())
                .isEqualTo("CONFIG_ERROR in sentry (cluster prod): 2 alike: Deployment/sentry-web, Deployment/sentry-cron");
    }

    @Test
    void nodes_of_a_cluster_are_grouped_without_a_namespace() {
        List<Group> groups = IncidentGroups.of(List.of(node("prod", "k8s-2", "NODE_NOT_READY", 0),
                node("prod", "k8s-3", "NODE_NOT_READY", 0), node("prod", "k8s-4", "NODE_DISK_PRESSURE", 0)));

        assertThat(groups).extracting(g -> g.members().size()).containsExactly(2, 1);
        assertThat(groups.get(0).describe()).isEqualTo("NODE_NOT_READY (cluster prod): 2 alike: node/k8s-2, node/k8s-3");
    }

    @Test
    void a_large_group_names_its_first_members_and_counts_the_rest() {
        List<Member> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            nodes.add(node("prod", String.format("gpu-%02d", i), "NODE_NOT_READY", 0));
        }
        String line = IncidentGroups.of(nodes).get(0).describe();

        assertThat(line).startsWith("NODE_NOT_READY (cluster prod): 25 alike: node/gpu-00, node/gpu-01, ")
                .endsWith(", node/gpu-09 and 15 more");
        assertThat(line.split(", ")).hasSize(IncidentGroups.NAMED);
    }

    @Test
    void the_same_failure_again_after_a_quiet_period_is_a_new_group() {
        List<Group> groups = IncidentGroups.of(List.of(
                workload("prod", "ml", "triton", "CRASH_LOOP", 0, 10),
                workload("prod", "ml", "vllm", "CRASH_LOOP", 25, 30),
                workload("prod", "ml", "tgi", "CRASH_LOOP", 50, 60)));

        assertThat(groups).extracting(g -> g.members().size()).containsExactly(2, 1);
        assertThat(groups.get(1).members()).extracting(Member::subject).containsExactly("ml/Deployment/tgi");
    }
}
