package dev.incidents.analyzer.hints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import dev.incidents.schemas.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeBudgetTest {

    private static final Probe DEFAULT_LIVENESS = Probe.newBuilder().setKind("liveness")
            .setHandler("httpGet :8000/v2/health/live").build();

    @Test
    void defaultLivenessAllowsThirtySeconds() {
        ProbeBudget budget = ProbeBudget.of(DEFAULT_LIVENESS);

        assertThat(budget.budget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(budget.describe()).isEqualTo("30s (initialDelaySeconds 0 + failureThreshold 3 x periodSeconds 10)");
    }

    @Test
    void startupProbeCoversTheObservedLoadWithHeadroom() {
        ProbeBudget budget = ProbeBudget.of(DEFAULT_LIVENESS);

        assertThat(budget.suggestStartupProbe(Optional.of(Duration.ofMinutes(6))))
                .isEqualTo("periodSeconds: 10, failureThreshold: 54 (allows 9m0s)");
        assertThat(budget.suggestStartupProbe(Optional.empty()))
                .isEqualTo("periodSeconds: 10, failureThreshold: 9 (allows 1m30s)");
    }

    @Test
    void probeFailureHintNamesTheBudgetAndTheFix() {
        Facts facts = Facts.of(Fact.PROBE, "liveness", Fact.CONTAINER, "triton")
                .and(ProbeBudget.of(DEFAULT_LIVENESS).facts(Optional.of(Duration.ofMinutes(6))));

        RenderedHint hint = HintCatalog.load().render(Category.PROBE_FAILURE, facts);

        assertThat(hint.causes().get(0).getCause()).isEqualTo("The liveness probe allows 30s (initialDelaySeconds 0 + "
                + "failureThreshold 3 x periodSeconds 10) before the kill, less than the model takes to load");
        assertThat(hint.remediation()).anySatisfy(s -> assertThat(s.getStep()).startsWith("Add a startupProbe to "
                + "container triton with periodSeconds: 10, failureThreshold: 54 (allows 9m0s), checking what the "
                + "liveness probe checks"));
    }

    @Test
    void thePatchAddsAStartupProbeThatChecksWhatTheLivenessProbeChecks() {
        Probe http = Probe.newBuilder(DEFAULT_LIVENESS).setHandler("httpGet :8000/v2/health/ready").build();
        Facts facts = Facts.of(Fact.PROBE, "liveness", Fact.CONTAINER, "triton", Fact.WORKLOAD_KIND, "Deployment",
                        Fact.WORKLOAD_NAME, "triton", Fact.NAMESPACE, "inference")
                .and(ProbeBudget.of(http).facts(Optional.of(Duration.ofMinutes(6))))
                .with(Fact.STARTUP_PROBE_PATCH, StartupProbePatch.of("triton", http, Optional.of(Duration.ofMinutes(6)))
                        .orElseThrow());

        List<String> commands = HintCatalog.load().render(Category.PROBE_FAILURE, facts).remediation().stream()
                .flatMap(s -> s.getCommands().stream()).toList();

        assertThat(commands).contains("kubectl patch Deployment triton -n inference --type=strategic -p '{\"spec\":"
                + "{\"template\":{\"spec\":{\"containers\":[{\"name\":\"triton\",\"startupProbe\":{\"httpGet\":"
                + "{\"path\":\"/v2/health/ready\",\"port\":8000},\"periodSeconds\":10,\"failureThreshold\":54}}]}}}}'");
        assertThat(StartupProbePatch.of("triton", Probe.newBuilder(DEFAULT_LIVENESS).setHandler("tcpSocket :grpc").build(),
                Optional.empty())).hasValueSatisfying(p -> assertThat(p).contains("\"tcpSocket\":{\"port\":\"grpc\"}"));
        assertThat(StartupProbePatch.of("triton", Probe.newBuilder(DEFAULT_LIVENESS).setHandler("exec cat /tmp/ok").build(),
                Optional.empty())).as("an exec command is not quoted back").isEmpty();
    }
}
