package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code get pods} row of a pod Running but not Ready, never restarted: its container's only start followed the pod's
 * creation, so a pod older than any start-up takes (cert-manager/istio-csr#36: {@code 0/1   Running   0   20d}) has
 * been running unready that long at most, and READINESS_FAILING opens; a young one may still be starting.
 */
class NotReadyListingReplayTest {

    static List<Incident> replayed(String age) {
        return Pastes.latest("""
                kubectl get po -n cert-manager
                NAME                                     READY   STATUS    RESTARTS   AGE
                cert-manager-istio-csr-79ffc5bfd-dm7mv   1/1     Running   0          7d17h
                cert-manager-istio-csr-79ffc5bfd-mv7wj   0/1     Running   0          %s
                """.formatted(age), Instant.parse("2021-03-10T12:00:00Z"));
    }

    @Test
    void aPodNeverReadyForDaysWithoutARestartIsReadinessFailing() {
        assertThat(replayed("20d")).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("READINESS_FAILING");
            assertThat(i.getWorkload().getName()).isEqualTo("cert-manager-istio-csr");
        });
    }

    @Test
    void aPodUnreadyForLessThanAStartUpTakesOpensNothing() {
        assertThat(replayed("3m")).isEmpty();
    }

    /** A pod being deleted (kkamji's blog: {@code 0/1   Terminating   0   45h}) is out of its endpoints on purpose. */
    @Test
    void aTerminatingPodIsNoReadinessFailure() {
        assertThat(Pastes.latest("""
                NAME                  READY   STATUS        RESTARTS   AGE
                simple-webapp-color   0/1     Terminating   0          45h
                """, Instant.parse("2021-03-10T12:00:00Z"))).isEmpty();
    }

    static List<Incident> listedTwice(String secondReady, String secondRestarts) {
        return Pastes.latest("""
                $ kubectl get pod readiness-demo
                NAME             READY   STATUS    RESTARTS   AGE
                readiness-demo   1/1     Running   0          10s
                $ kubectl exec readiness-demo -- mv /usr/share/nginx/html/index.html /tmp/
                $ kubectl get pod readiness-demo
                NAME             READY   STATUS    RESTARTS   AGE
                readiness-demo   %s     Running   %s          28s
                """.formatted(secondReady, secondRestarts), Instant.parse("2025-06-01T10:21:00Z"));
    }

    /**
     * A pod listed Ready ({@code 1/1}), then unready with no restart ({@code 0/1 Running 0}): it had started, so no
     * start-up explains losing readiness however young it is; it stays so past the category's grace (the paste's end).
     */
    @Test
    void aPodReadyBeforeAndUnreadyNowWithoutARestartIsReadinessFailing() {
        assertThat(listedTwice("0/1", "0")).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("READINESS_FAILING");
            assertThat(i.getWorkload().getName()).isEqualTo("readiness-demo");
        });
    }

    /**
     * antrea#871: an agent container unready beside a ready one, restarted once and running unready since its last
     * start long before the paste: READINESS_FAILING, whatever ended its run before; its run begun minutes ago after
     * the restart may be a crash loop's, and opens nothing.
     */
    @Test
    void aContainerUnreadyLongSinceItsLastStartBesideAReadyOneIsReadinessFailing() {
        String paste = """
                antrea-agent-ghxvn   1/2     Running   7          40h    10.170.168.35   node-a   <none>   <none>

                  antrea-agent:
                    State:          Running
                      Started:      Thu, 25 Jun 2020 %s -0700
                    Ready:          False
                    Restart Count:  1

                  antrea-ovs:
                    State:          Running
                      Started:      Thu, 25 Jun 2020 06:09:26 -0700
                    Ready:          True
                    Restart Count:  6
                """;
        Instant now = Instant.parse("2020-06-25T14:10:00Z");
        assertThat(Pastes.latest(paste.formatted("06:08:49"), now)).singleElement()
                .satisfies(i -> assertThat(i.getCategory()).isEqualTo("READINESS_FAILING"));
        assertThat(Pastes.latest(paste.formatted("07:07:00"), now)).isEmpty();
    }

    /** Ready again, or restarted between (a crash or a liveness kill, which other categories read): nothing here. */
    @Test
    void readyAgainOrRestartedBetweenIsNoLostReadiness() {
        assertThat(listedTwice("1/1", "0")).isEmpty();
        assertThat(listedTwice("0/1", "1")).isEmpty();
    }

    static List<Incident> describedRunning(String readyLine) {
        return Pastes.latest("""
                Name:             kubebb-controller-manager-5679668d9f-pfcnj
                Namespace:        kubebb-system
                Node:             kubebb-core-control-plane/172.18.0.2
                Start Time:       Fri, 27 Oct 2023 08:47:10 +0000
                Status:           Running
                Controlled By:  ReplicaSet/kubebb-controller-manager-5679668d9f
                Containers:
                  manager:
                    Image:         kubebb/core:example-e2e
                    State:          Running
                      Started:      Fri, 27 Oct 2023 08:49:49 +0000
                    Last State:     Terminated
                      Reason:       OOMKilled
                %s""".formatted(readyLine), Instant.parse("2023-10-27T12:00:00Z"));
    }

    /**
     * kubebb-core#386: a describe cut after its container's last state, before any {@code Ready:} line and without
     * its Conditions table, does not say the pod is unready: only the OOM kill it shows opens. The same describe with
     * {@code Ready: False} hours after the start is a pod running unready.
     */
    @Test
    void aDescribeCutBeforeItsReadyLineSaysNothingOfReadiness() {
        assertThat(describedRunning("")).extracting(Incident::getCategory).containsExactly("OOM_KILLED");
        assertThat(describedRunning("    Ready:          False\n")).extracting(Incident::getCategory)
                .containsExactlyInAnyOrder("OOM_KILLED", "READINESS_FAILING");
    }
}
