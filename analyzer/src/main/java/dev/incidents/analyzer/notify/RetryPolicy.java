package dev.incidents.analyzer.notify;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff: attempt n waits {@code initial × 2^(n-1)}, at most {@code max}; a
 * server's {@code Retry-After} replaces the computed wait when it is longer, up to {@code maxRetryAfter} (a server
 * asking for an hour does not hold every later transition for an hour: the transition goes to the dead-letter topic
 * instead). After {@code attempts} tries the transition is undeliverable.
 */
public record RetryPolicy(int attempts, Duration initial, Duration max, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
    }

    /** How long to wait after failed attempt {@code attempt} (1-based), or null when no attempt is left. */
    public Duration delayAfter(int attempt, DeliveryException failure) {
        if (!failure.retryable() || attempt >= attempts) {
            return null;
        }
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration backoff = initial.multipliedBy(factor);
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        Duration asked = failure.retryAfter();
        if (asked != null && asked.compareTo(backoff) > 0) {
            if (asked.compareTo(maxRetryAfter) > 0) {
                return null;
            }
            return asked;
        }
        return backoff;
    }

    /** What a delivery attempt does; the attempt number is 1-based. */
    @FunctionalInterface
    public interface Attempt {
        void run(int attempt) throws DeliveryException;
    }

    /** What the caller is told between attempts (for metrics and logs). */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int attempt, DeliveryException failure, Duration wait);
    }

    /** Runs {@code attempt} until it succeeds or the policy gives up; throws the last failure then. */
    public void run(Attempt attempt, RetryListener listener) throws DeliveryException, InterruptedException {
        for (int n = 1; ; n++) {
            try {
                attempt.run(n);
                return;
            } catch (DeliveryException e) {
                Duration wait = delayAfter(n, e);
                if (wait == null) {
                    throw new DeliveryException(e.getMessage() + " (after " + n + (n == 1 ? " attempt)" : " attempts)"),
                            false, null);
                }
                listener.retrying(n, e, wait);
                Thread.sleep(wait.toMillis());
            }
        }
    }
}
