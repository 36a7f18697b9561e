package dev.incidents.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.PodSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pod's YAML laid flat by a page or a gist (josephrodriguez's pod-affinity gist): its nesting comes back. */
class FlatObjectYamlTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2022-09-16T15:00:00Z"));

    static final String FLAT = """
            apiVersion: v1
            kind: Pod
            metadata:
            labels:
            app.kubernetes.io/name: web
            name: pod-affinity-2
            namespace: default
            spec:
            affinity:
            nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
            - key: kubernetes.io/os
            operator: In
            values:
            - linux
            - key: kubernetes.io/disktype
            operator: In
            values:
            - ssd
            containers:
            - image: josephrodriguez/springboot-starterkit
            imagePullPolicy: Always
            ...
            status:
            conditions:
            - lastProbeTime: null
            lastTransitionTime: "2022-09-16T14:29:00Z"
            message: 0/4 nodes are available: 1 node(s) had untolerated taint node-role.kubernetes.io/control-plane:}, 4 node(s) didn't match Pod's node affinity/selector.
            reason: Unschedulable
            status: "False"
            type: PodScheduled
            phase: Pending
            qosClass: BestEffort
            """;

    @Test
    void aPodsYamlLaidFlatIsNestedAgain() {
        String nested = FlatObjectYaml.reindent(YamlObjects.withoutElisions(FLAT));
        assertThat(nested.lines().count()).as("no line added or removed").isEqualTo(FLAT.lines().count());
        assertThat(nested).contains("""
                metadata:
                  labels:
                    app.kubernetes.io/name: web
                  name: pod-affinity-2
                """).contains("""
                        - matchExpressions:
                          - key: kubernetes.io/os
                            operator: In
                            values:
                            - linux
                          - key: kubernetes.io/disktype
                """).contains("""
                status:
                  conditions:
                  - lastProbeTime: null
                """).contains("    message: '0/4 nodes are available: 1 node(s) had untolerated taint "
                        + "node-role.kubernetes.io/control-plane:}, 4 node(s) didn''t match Pod''s node affinity/selector.'");

        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> read = Recordings.read("pod.yaml", FLAT, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) read.get(0).value();
        assertThat(pod.getName()).isEqualTo("pod-affinity-2");
        assertThat(pod.getPhase()).isEqualTo("Pending");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> assertThat(c.getName())
                .as("the name line cut by the paste").isEqualTo(Unnamed.CONTAINER));
    }

    @Test
    void indentedYamlAndOtherTextAreLeftAlone() {
        String indented = """
                status:
                  phase: Pending
                """;
        assertThat(FlatObjectYaml.reindent(indented)).isSameAs(indented);
        String prose = "The pod stays Pending.\nstatus: no idea\n";
        assertThat(FlatObjectYaml.reindent(prose)).isSameAs(prose);
    }
}
