package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.schemas.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A startup probe whose budget the input does not show (it is often large on purpose, for a model that loads for
 * minutes) opens PROBE_FAILURE when it keeps timing out for a minute and more: the server accepts the probe and stays
 * silent past its timeout, which the rest of the budget will not change (the SageMaker HyperPod inference operator's
 * `Startup probe failed: ... context deadline exceeded` x22 over 49 min). Refusals, 503s and short runs of timeouts are
 * what a loading server gives too, and open nothing, until they go on for longer than any model loads (an hour):
 * then the container is killed at its budget again and again (tandoor: refused x3006 over 5h18m).
 */
class StartupProbeTimeoutReplayTest {

    static final Instant LAST = Instant.parse("2025-05-20T09:00:00Z");
    static final String POD = "hyperpod-inference-operator-7d9f8b6c5d-x2kzq";
    static final String TIMEOUT = "Startup probe failed: Get \"http://10.1.100.59:8081/healthz\": context deadline "
            + "exceeded (Client.Timeout exceeded while awaiting headers)";
    static final String REFUSED = "Startup probe failed: Get \"http://10.1.100.59:8081/healthz\": dial tcp "
            + "10.1.100.59:8081: connect: connection refused";

    static List<Incident> replayed(String message, int count, Duration over) {
        try (Replay replay = new Replay(AnalyzerConfig.defaults())) {
            replay.event(Kube.event("inference", "Pod", POD, "Warning", "Unhealthy", message, LAST.minus(over), LAST,
                    count, "u-1", "node-1"), LAST);
            return replay.finish().latest();
        }
    }

    @ParameterizedTest
    @CsvSource({"22, PT49M", "5, PT1M"})
    void timeouts_over_a_minute_and_more_open_probe_failure(int count, Duration over) {
        assertThat(replayed(TIMEOUT, count, over)).singleElement().satisfies(i -> {
            assertThat(i.getCategory()).isEqualTo("PROBE_FAILURE");
            assertThat(i.getCauses().get(0).getId()).isEqualTo("PROBE_TIMEOUT");
        });
    }

    @ParameterizedTest
    @CsvSource({"3006, PT5H18M", "60, PT1H"})
    void refusals_for_longer_than_any_load_open_probe_failure(int count, Duration over) {
        assertThat(replayed(REFUSED, count, over)).singleElement()
                .satisfies(i -> assertThat(i.getCategory()).isEqualTo("PROBE_FAILURE"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TIMEOUT|4|PT10M", "TIMEOUT|12|PT50S", "REFUSED|22|PT49M", "REFUSED|59|PT2H",
        "REFUSED|200|PT59M"})
    void refusals_and_short_runs_of_timeouts_open_nothing(String which, int count, Duration over) {
        assertThat(replayed("TIMEOUT".equals(which) ? TIMEOUT : REFUSED, count, over)).isEmpty();
    }
}
