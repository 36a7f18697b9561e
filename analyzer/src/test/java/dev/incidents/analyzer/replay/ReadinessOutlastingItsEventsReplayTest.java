package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kubelet's event recorder lets 25 events through per object and source, then one in five minutes: a readiness
 * probe failing every 5 s shows {@code 2m57s (x25 over 4m47s)}, its last event three minutes old, beside a pod still
 * not Ready (bossm0n5t3r's notes on a break-it exercise: the probe on 8081, the server on 8080). The failure lasts to
 * the describe's moment, not to its last event; a pod Ready by then, or failing for less than a start-up takes, opens
 * nothing.
 */
class ReadinessOutlastingItsEventsReplayTest {

    static List<Incident> replayed(String ready, String age) {
        return Pastes.latest("""
                Name:             hello-server-54577b6988-w6bsk
                Namespace:        default
                Node:             kind-control-plane/172.20.0.2
                Status:           Running
                Controlled By:  ReplicaSet/hello-server-54577b6988
                Containers:
                  hello-server:
                    Image:          blux2/hello-server:1.6
                    State:          Running
                    Ready:          %s
                    Restart Count:  0
                    Readiness:      http-get http://:8081/health delay=5s timeout=1s period=5s #success=1 #failure=3
                Conditions:
                  Type              Status
                  Ready             %s
                Events:
                  Type     Reason     Age    From               Message
                  ----     ------     ----   ----               -------
                  Normal   Scheduled  5m1s   default-scheduler  Successfully assigned default/hello-server-54577b6988-w6bsk to kind-control-plane
                  Normal   Started    4m56s  kubelet            Started container hello-server
                  Warning  Unhealthy  %s     kubelet            Readiness probe failed: Get "http://10.244.0.7:8081/health": dial tcp 10.244.0.7:8081: connect: connection refused
                """.formatted(ready, ready, age), Instant.parse("2025-12-11T20:32:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the recorder's 25, then silence: failing from 4m47s ago to the describe
        "False|2m57s (x25 over 4m47s)|READINESS_FAILING",
        // the pod became Ready after the same events: nothing lasts
        "True|2m57s (x25 over 4m47s)|",
        // failing for 50 s of a start-up, still not Ready: a server still starting looks the same
        "False|1s (x10 over 50s)|",
    })
    void aPodStillNotReadyExtendsItsReadinessFailuresToTheDescribesMoment(String ready, String age, String expected) {
        List<Incident> incidents = replayed(ready, age);
        if (expected == null) {
            assertThat(incidents).isEmpty();
        } else {
            assertThat(incidents).singleElement().satisfies(i -> {
                assertThat(i.getCategory()).isEqualTo(expected);
                assertThat(i.getWorkload().getName()).isEqualTo("hello-server");
            });
        }
    }
}
