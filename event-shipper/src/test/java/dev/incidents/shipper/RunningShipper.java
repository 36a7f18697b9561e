package dev.incidents.shipper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link LiveShipper} running its loop on a background thread, stopped by {@link #close()}. */
final class RunningShipper implements AutoCloseable {
    final LiveShipper shipper;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CompletableFuture<Integer> exit;

    RunningShipper(ShipperConfig config) {
        shipper = LiveShipper.start(config);
        // its own thread: the common pool has one worker on a 2-core machine, and anything parked there
        // (a previous test's leftovers) would silently keep this loop from ever starting
        exit = new CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                exit.complete(shipper.run(stop::get));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "shipper-loop");
        loop.setDaemon(true);
        loop.start();
    }

    double metric(String name, String kind) {
        return shipper.metrics().value(name, kind);
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        exit.get(30, TimeUnit.SECONDS);
        shipper.close();
    }
}
