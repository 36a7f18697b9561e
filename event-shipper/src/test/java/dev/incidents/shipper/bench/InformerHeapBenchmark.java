package dev.incidents.shipper.bench;

import dev.incidents.shipper.ClusterWatch;
import dev.incidents.shipper.WatchFilter;
import dev.incidents.shipper.kubeapi.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap held by the informer caches per 10 000 Pods. Not a test (tests never time or weigh things): run with
 * {@code java -cp <test classpath> dev.incidents.shipper.bench.InformerHeapBenchmark [pods]}.
 * The mock API server keeps its own copy of the objects; it is created and filled before the first
 * measurement, so the difference is the shipper's caches alone.
 */
public final class InformerHeapBenchmark {
    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } finally {
            // the mock's Vert.x threads can outlive close(); the figures are printed, so end here
            System.exit(0);
        }
    }

    private static void measure(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (MockApiServer api = MockApiServer.start(true);
             KubernetesClient client = new KubernetesClientBuilder().withConfig(api.clientConfig()).build()) {
            String template = GeneratedPods.templateJson();
            System.out.printf("pod JSON as the API server returns it: %d bytes%n", template.length());
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                client.resource(GeneratedPods.pod(template, i)).create();
            }
            System.out.printf("created %d pods in the mock in %.1f s%n", count, (System.nanoTime() - started) / 1e9);

            long before = usedHeapAfterGc();
            AtomicLong seen = new AtomicLong();
            try (KubernetesClient shipperClient = new KubernetesClientBuilder().withConfig(api.clientConfig()).build();
                 ClusterWatch watch = new ClusterWatch(shipperClient, WatchFilter.ALL, Duration.ofMinutes(10), change -> seen.incrementAndGet(), Clock.systemUTC())) {
                long listStart = System.nanoTime();
                watch.start(Duration.ofSeconds(30));
                if (!watch.awaitSynced(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("informers did not sync");
                }
                double listSeconds = (System.nanoTime() - listStart) / 1e9;
                while (seen.get() < count) {
                    Thread.sleep(50);
                }
                long after = usedHeapAfterGc();
                System.out.printf("informers synced %d pods (%d changes seen) in %.1f s%n", watch.cachedPods(), seen.get(), listSeconds);
                System.out.printf("heap held by the informer caches: %.1f MiB per 10k pods (%.0f bytes per pod)%n",
                        (after - before) * 10_000.0 / count / (1024 * 1024), (after - before) / (double) count);
            }
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
