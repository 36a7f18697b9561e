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
        exit = CompletableFuture.supplyAsync(() -> shipper.run(stop::get));
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
