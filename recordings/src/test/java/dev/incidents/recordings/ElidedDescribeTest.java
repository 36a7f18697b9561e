package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A describe the reporter cut, marking each cut in their own words ({@code ...省略...}, {@code ...(省略)...}, ICTSC's
 * Japanese write-ups; {@code [snip]}): the mark is no line of output and no prose ending it, and fields left without
 * the line above them belong where kubectl prints them.
 */
class ElidedDescribeTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private static List<Recorded> read(String text) {
        return Fixtures.pasted(text, NOW);
    }

    @Test
    void anElisionMarkInAnotherScriptDoesNotEndTheDescribe() {
        for (String mark : List.of("...省略...", "…(省略)…", "[snip]", "（省略）", "... omitted ...")) {
            List<Recorded> records = read("""
                    user@server-02:~$ kubectl describe rs web-server-7d5b6cfc77 -n web-server
                    Name:           web-server-7d5b6cfc77
                    Namespace:      web-server

                    %s

                    Events:
                      Type     Reason        Age   From                   Message
                      ----     ------        ----  ----                   -------
                      Warning  FailedCreate  49m   replicaset-controller  Error creating: pods "web-server-7d5b6cfc77-r7cjz" is forbidden: ValidatingAdmissionPolicy 'require-container-resources' with binding 'bind-require-container-resources' denied request: All containers must have requests/limits
                    """.formatted(mark));
            assertThat(records).as(mark).filteredOn(r -> r.value() instanceof KubeEvent).singleElement()
                    .satisfies(r -> assertThat(((KubeEvent) r.value()).getNamespace()).isEqualTo("web-server"));
        }
        assertThat(PastedText.isElision("... and then the pod restarted twice")).isFalse();
        assertThat(PastedText.isElision("Причина: не найден")).isFalse();
    }

    /** {@code Containers:}, then a cut, then the container's own fields: one container, its name not pasted. */
    @Test
    void aContainersFieldsWithoutItsNameAreOneUnnamedContainer() {
        List<Recorded> records = read("""
                user@6752-control-plane:~$ kubectl describe pod/client-696b6bccb6-4p6w7
                Name:             client-696b6bccb6-4p6w7
                Namespace:        default
                ...(省略)...
                Containers:
                ...(省略)...
                    Ready:          False
                    Restart Count:  0
                    Readiness:      exec [wget -q -O /dev/null http://webserver/] delay=0s timeout=1s period=10s #success=1 #failure=3
                    Environment:    <none>
                Conditions:
                  Type                        Status
                  Ready                       False
                """);

        PodSnapshot pod = (PodSnapshot) records.stream().filter(r -> r.value() instanceof PodSnapshot).findFirst()
                .orElseThrow().value();
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo(Unnamed.CONTAINER);
            assertThat(c.getReady()).isFalse();
            assertThat(c.getProbes()).singleElement().satisfies(p -> assertThat(p.getKind()).isEqualTo("readiness"));
        });
    }

    /**
     * gnomad-browser#1410 class: {@code Name:}, the reporter's {@code <snip>}, then a container's state at its own
     * indentation, no {@code Containers:} line: the state of the pod's one container, its name not pasted.
     */
    @Test
    void aStateCutFromItsHeadIsThePodsOneContainers() {
        PodSnapshot pod = describedPod("""
                % kubectl describe pod gnomad-api-blue-775f4c6d7d-25fwx
                Name:             gnomad-api-blue-775f4c6d7d-25fwx
                <snip>
                    State:          Running
                      Started:      Wed, 07 Feb 2024 10:15:12 -0500
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Wed, 07 Feb 2024 05:47:49 -0500
                      Finished:     Wed, 07 Feb 2024 10:15:11 -0500
                """);
        assertThat(pod.getName()).isEqualTo("gnomad-api-blue-775f4c6d7d-25fwx");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo(Unnamed.CONTAINER);
            assertThat(c.getState().getKind()).isEqualTo("running");
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLastState().getExitCode()).isEqualTo(137);
        });
    }

    /**
     * kyma#3381 class: a listing's row without a NAMESPACE column, then the pod's describe cut after its head: the head
     * says where the listed pod is.
     */
    @Test
    void aDescribeHeadPlacesTheListedPod() {
        PodSnapshot pod = describedPod("""
                test-monitoring                                                   0/1     OOMKilled   0          6m48s

                Name:               test-monitoring
                Namespace:          kyma-system
                """);
        assertThat(pod.getName()).isEqualTo("test-monitoring");
        assertThat(pod.getNamespace()).isEqualTo("kyma-system");
    }

    /**
     * cincinnati#281 class: a CI hook's describe cut to its Status line and one container's state, no Name: at all:
     * the pod's one unnamed container, its OOM kill kept.
     */
    @Test
    void aStateCutUnderTheStatusLineIsTheUnnamedPodsContainer() {
        PodSnapshot pod = describedPod("""
                + oc describe pods --selector=app=cincinnati
                ...
                Status:       Running
                ...
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Thu, 14 May 2020 19:06:49 +0000
                      Finished:     Thu, 14 May 2020 19:07:17 +0000
                    Ready:          False
                    Restart Count:  4
                """);
        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getRestartCount()).isEqualTo(4);
        });
    }

    private static PodSnapshot describedPod(String text) {
        return (PodSnapshot) read(text).stream().filter(r -> r.value() instanceof PodSnapshot).findFirst()
                .orElseThrow().value();
    }

    /**
     * kubebb-core#386 class: a describe cut after a container's state, before its {@code Ready:} line, with no
     * Conditions table: its readiness is not shown, a Ready condition {@code Unknown}; one line of it shown is read.
     */
    @Test
    void aDescribeCutBeforeAnyReadyLineShowsNoReadiness() {
        String cut = """
                Name:         vllm-llama3-8b-6d4f9c7b5-x2k8q
                Namespace:    inference
                Node:         gpu-node-3/10.0.4.13
                Status:       Running
                Containers:
                  vllm:
                    Image:      vllm/vllm-openai:v0.6.3
                    Limits:
                      nvidia.com/gpu:  1
                    State:      Running
                      Started:  Tue, 03 Dec 2024 10:15:02 +0000
                """;
        assertThat(describedPod(cut).getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("Unknown");
            assertThat(c.getReason()).isEqualTo(DescribePod.READINESS_NOT_SHOWN);
        });
        assertThat(describedPod(cut + "    Ready:          False\n").getConditions()).isEmpty();
        assertThat(describedPod(cut + "Conditions:\n  Type    Status\n  Ready   False\n").getConditions())
                .singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    }
}
