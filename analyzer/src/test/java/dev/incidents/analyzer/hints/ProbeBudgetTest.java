package dev.incidents.analyzer.hints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.Category;
import dev.incidents.schemas.Probe;
import java.time.Duration;
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
        assertThat(hint.remediation()).anySatisfy(s -> assertThat(s.getStep()).isEqualTo("Add a startupProbe to "
                + "container triton with periodSeconds: 10, failureThreshold: 54 (allows 9m0s), and keep the liveness "
                + "probe for hangs after start"));
    }
}
