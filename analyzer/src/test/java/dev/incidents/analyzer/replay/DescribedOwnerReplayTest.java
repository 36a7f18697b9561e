package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A describe names the pod's owner (its {@code Controlled By:} line, or its place between the IPs and the containers
 * showing none: a pod created by hand), and that owner, not what the name suggests, is the workload of the pod and of
 * every event its Events table lists, even those older than the describe's own moment. A bare {@code web-19} is not
 * a StatefulSet's pod, a Job's {@code web-19} not a StatefulSet's either; a describe cut above its containers ({@code
 * ...}) says nothing of the owner, and the name decides.
 */
class DescribedOwnerReplayTest {

    static List<Incident> replayed(String betweenIpsAndContainers) {
        return replayed(betweenIpsAndContainers, "<none>");
    }

    static List<Incident> replayed(String betweenIpsAndContainers, String labels) {
        return Pastes.latest("""
                $ kubectl describe pod web-19
                Name:             web-19
                Namespace:        default
                Labels:           %s
                Node:             node-2/192.168.1.12
                Start Time:       Sat, 31 May 2025 10:10:00 +0000
                Status:           Pending
                IP:               10.244.1.9
                IPs:
                  IP:  10.244.1.9
                %sContainers:
                  web-19:
                    Image:          nginx:1.19.19
                    State:          Waiting
                      Reason:       ImagePullBackOff
                    Ready:          False
                    Restart Count:  0
                Events:
                  Type     Reason     Age               From               Message
                  ----     ------     ----              ----               -------
                  Normal   Scheduled  3m                default-scheduler  Successfully assigned default/web-19 to node-2
                  Warning  Failed     88s (x4 over 3m)  kubelet            Failed to pull image "nginx:1.19.19": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.19.19": failed to resolve reference "docker.io/library/nginx:1.19.19": docker.io/library/nginx:1.19.19: not found
                  Warning  Failed     60s (x6 over 3m)  kubelet            Error: ImagePullBackOff
                """.formatted(labels, betweenIpsAndContainers.replace("\\n", "\n")), Instant.parse("2025-05-31T10:13:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the place of Controlled By shown empty: created by hand
        "''|Pod|web-19",
        "Controlled By:  Job/web\\n|Job|web",
        "Controlled By:  StatefulSet/web\\n|StatefulSet|web",
        // cut where the owner would be: the name is all there is
        "...\\n|StatefulSet|web",
    })
    void theDescribedOwnerIsTheWorkloadOfThePodAndOfItsEvents(String line, String kind, String name) {
        assertThat(replayed(line)).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("IMAGE_NOT_FOUND");
            assertThat(i.getWorkload().getKind()).isEqualTo(kind);
            assertThat(i.getWorkload().getName()).isEqualTo(name);
        });
    }

    /**
     * {@code kubectl run} labels its pod {@code run=<the pod's name>}: a pod made by hand, whatever its name suggests,
     * even when the describe is cut where its owner line would be.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run=web-19|Pod|web-19",
        // kubectl run before 1.18 made a Deployment named after the run label; another pod's name proves nothing
        "run=web|StatefulSet|web",
        "app=web-19|StatefulSet|web",
    })
    void aPodLabelledRunWithItsOwnNameWasMadeByHand(String labels, String kind, String name) {
        assertThat(replayed("...\\n", labels)).singleElement().satisfies(i -> {
            assertThat(i.getWorkload().getKind()).isEqualTo(kind);
            assertThat(i.getWorkload().getName()).isEqualTo(name);
        });
    }
}
