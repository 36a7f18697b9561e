package dev.incidents.analyzer.hints;

import dev.incidents.schemas.Probe;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a liveness or startup probe lets a container start before the kubelet kills it, and a startupProbe sized
 * to the load time actually observed. Seed 003 (question 16): model servers load for minutes, a default liveness
 * probe ({@code failureThreshold 3 x periodSeconds 10}) kills them after ~30 s, and the restart loop looks like a crash.
 */
public record ProbeBudget(int initialDelaySeconds, int periodSeconds, int failureThreshold) {

    /** Headroom over the observed load time, so a slightly slower start (cold cache, bigger model) still passes. */
    private static final double HEADROOM = 1.5;
    static final int SUGGESTED_PERIOD_SECONDS = 10;

    public static ProbeBudget of(Probe probe) {
        return new ProbeBudget(Math.max(0, probe.getInitialDelaySeconds()), Math.max(1, probe.getPeriodSeconds()),
                Math.max(1, probe.getFailureThreshold()));
    }

    /** Time from container start to the kill: {@code initialDelaySeconds + failureThreshold x periodSeconds}. */
    public Duration budget() {
        return Duration.ofSeconds(initialDelaySeconds + (long) failureThreshold * periodSeconds);
    }

    /** For {@code {probeBudget}}. */
    public String describe() {
        return human(budget()) + " (initialDelaySeconds " + initialDelaySeconds + " + failureThreshold "
                + failureThreshold + " x periodSeconds " + periodSeconds + ")";
    }

    /**
     * For {@code {startupProbe}}: a period of 10 s and enough failures to cover the observed load time with 50 %
     * headroom; without an observation, three times the current budget. Never below the current budget.
     */
    public String suggestStartupProbe(Optional<Duration> observedLoadTime) {
        long threshold = startupFailureThreshold(observedLoadTime);
        return "periodSeconds: " + SUGGESTED_PERIOD_SECONDS + ", failureThreshold: " + threshold + " (allows "
                + human(Duration.ofSeconds(threshold * SUGGESTED_PERIOD_SECONDS)) + ")";
    }

    /** The startupProbe's failureThreshold at a period of 10 s: see {@link #suggestStartupProbe}. */
    public long startupFailureThreshold(Optional<Duration> observedLoadTime) {
        long target = observedLoadTime.map(d -> (long) Math.ceil(d.toSeconds() * HEADROOM))
                .orElse(budget().toSeconds() * 3);
        target = Math.max(target, budget().toSeconds());
        return Math.max(3, (target + SUGGESTED_PERIOD_SECONDS - 1) / SUGGESTED_PERIOD_SECONDS);
    }

    /** {@code {probeBudget}} and {@code {startupProbe}} facts. */
    public Facts facts(Optional<Duration> observedLoadTime) {
        return Facts.of(Fact.PROBE_BUDGET, describe(), Fact.STARTUP_PROBE, suggestStartupProbe(observedLoadTime));
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        return minutes == 0 ? seconds + "s" : minutes + "m" + seconds + "s";
    }
}
