package dev.incidents.analyzer.notify;

import java.time.Duration;

/**
 * The per-channel rate limit: at least {@code spacing} between two messages to one destination, waited out rather
 * than dropped (Slack allows about one chat.postMessage per second per channel and answers 429 beyond it; a catch-up
 * after downtime would otherwise burst into the rate limit).
 */
public final class ChannelPace {
    private final Duration spacing;
    private long nextNanos = System.nanoTime();

    public ChannelPace(Duration spacing) {
        this.spacing = spacing;
    }

    public void await() throws InterruptedException {
        long wait = nextNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        nextNanos = Math.max(nextNanos, System.nanoTime()) + spacing.toNanos();
    }
}
