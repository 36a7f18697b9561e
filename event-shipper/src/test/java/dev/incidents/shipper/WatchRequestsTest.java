package dev.incidents.shipper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WatchRequestsTest {
    @ParameterizedTest
    @CsvSource({
            "/api/v1/pods, pod",
            "/api/v1/namespaces/inference/pods, pod",
            "/apis/events.k8s.io/v1/namespaces/inference/events, event",
            "/api/v1/nodes, node",
            "/apis/apps/v1/replicasets, replicaset",
            "/apis/batch/v1/jobs, job",
            "/apis/example.com/v1/policies, policy"})
    void namesTheKindOfAWatchedPath(String path, String kind) {
        assertThat(WatchRequests.kindOf(path)).isEqualTo(kind);
    }
}
