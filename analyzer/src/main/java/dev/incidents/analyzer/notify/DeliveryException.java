package dev.incidents.analyzer.notify;

import java.time.Duration;

/**
 * A destination did not take a transition. {@code retryable} says whether trying again can help (a 429, a 5xx, a
 * timeout) or not (a 4xx, Slack's {@code channel_not_found}); {@code retryAfter} is what the server asked for, if it
 * said (HTTP {@code Retry-After}), else null.
 */
public final class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String reason, boolean retryable, Duration retryAfter) {
        super(reason);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(reason, false, null);
    }

    public static DeliveryException retryable(String reason) {
        return new DeliveryException(reason, true, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
