package dev.incidents.shipper;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one hand-over between the informers and the loop that maps and writes. Bounded: when the loop cannot keep
 * up (a broker outage filled the producer buffer), {@link #accept} blocks the informer's dispatch thread, the
 * watch stops being read, and the API server holds the backlog instead of our heap.
 */
public final class ChangeQueue implements Consumer<ObservedChange> {
    private final BlockingQueue<ObservedChange> queue;
    private volatile boolean closed;

    public ChangeQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void accept(ObservedChange change) {
        try {
            while (!closed && !queue.offer(change, 1, TimeUnit.SECONDS)) {
                // full: keep waiting unless we are shutting down
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int size() {
        return queue.size();
    }

    /**
     * Hands changes to {@code handler} one at a time until {@code stop} says so or {@link #close()}; calls
     * {@code idle} at least every {@code idleMillis} (health checks, flushes).
     */
    public void drain(Consumer<ObservedChange> handler, Runnable idle, long idleMillis, BooleanSupplier stop) {
        long lastIdle = System.nanoTime();
        while (!closed && !stop.getAsBoolean()) {
            ObservedChange change;
            try {
                change = queue.poll(idleMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (change != null) {
                handler.accept(change);
            }
            if (change == null || System.nanoTime() - lastIdle > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                idle.run();
                lastIdle = System.nanoTime();
            }
        }
    }

    /** Hands over what is already queued, without waiting for more (a clean stop loses nothing observed). */
    public void drainRemaining(Consumer<ObservedChange> handler) {
        ObservedChange change;
        while ((change = queue.poll()) != null) {
            handler.accept(change);
        }
    }

    public void close() {
        closed = true;
    }
}
