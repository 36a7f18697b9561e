package dev.incidents.recordings.fleet;

import dev.incidents.recordings.BaseRecording;
import dev.incidents.recordings.CopyLayout;
import dev.incidents.recordings.ScaledRecording;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * A deterministic recording of a fleet: several clusters (one file each, the cluster in its header), each with many
 * namespaces, workloads and nodes, where most records are healthy lifecycle (rollouts, scale-ups and downs, readiness
 * probes failing while a model loads, GPU nodes joining, node status heartbeats) and about {@code failureShare} of
 * them are failures. Nothing is invented: every record is one of the given fixtures' (real-looking recordings with
 * the verbatim Kubernetes messages, their repeats and count bumps), copied many times by {@link ScaledRecording} with
 * their own namespaces, nodes and uids, spread over the window with a seeded jitter. The same spec and fixtures give
 * the same bytes.
 */
public final class FleetRecording {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-south-1", "us-west-2",
            "eu-central-1", "ap-northeast-1", "sa-east-1", "ca-central-1");

    /**
     * @param seed            chooses every copy's jitter
     * @param clusters        how many clusters (files)
     * @param records         about how many records in all
     * @param start           event time of the first records
     * @param window          over how much event time the copies are spread
     * @param failureShare    the share of records that are failure fixtures (the issue: about 5 %)
     * @param nodesPerCluster nodes sending status heartbeats in each cluster
     * @param heartbeat       how often a node's status is recorded
     */
    public record Spec(long seed, int clusters, long records, Instant start, Duration window, double failureShare,
                       int nodesPerCluster, Duration heartbeat) {

        /** Four clusters, 5 % failures, 50 nodes each, heartbeats every 5 min, one record per 20 ms of the window on average. */
        public static Spec of(long records) {
            return new Spec(42, 4, records, Instant.parse("2025-06-02T08:00:00Z"),
                    Duration.ofSeconds(Math.max(3600, records / 50)), 0.05, 50, Duration.ofMinutes(5));
        }

        /** The same fleet spread over {@code window} of event time: a longer window is a sparser recording. */
        public Spec over(Duration window) {
            return new Spec(seed, clusters, records, start, window, failureShare, nodesPerCluster, heartbeat);
        }
    }

    /** The fixtures a fleet is made of: failures, healthy lifecycles, and where the heartbeating Node comes from. */
    public record Fixtures(List<Path> failures, List<Path> healthy, Path nodeSource) {
    }

    /** What {@link #writeTo} wrote: one file per cluster, and the records in them. */
    public record Written(List<Path> files, long records) {
    }

    private final Spec spec;
    private final Fixtures fixtures;

    public FleetRecording(Spec spec, Fixtures fixtures) {
        this.spec = spec;
        this.fixtures = fixtures;
    }

    /**
     * The fixtures of a scenario directory: JSON files named {@code healthy-*} are healthy lifecycle, the other JSON
     * files failures; {@code sample} is a failure too, and the source of the heartbeating Node.
     */
    public static Fixtures fixturesIn(Path scenarios, Path sample) {
        List<Path> failures = new ArrayList<>(List.of(sample));
        List<Path> healthy = new ArrayList<>();
        try (var files = Files.list(scenarios)) {
            files.filter(FixtureRecording::readable).sorted().forEach(f ->
                    (f.getFileName().toString().startsWith("healthy-") ? healthy : failures).add(f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + scenarios + ": " + e.getMessage(), e);
        }
        return new Fixtures(failures, healthy, sample);
    }

    public static String clusterName(int index) {
        String region = REGIONS.get(index % REGIONS.size());
        return "prod-" + region + (index < REGIONS.size() ? "" : "-" + (index / REGIONS.size() + 1));
    }

    /**
     * The fixture copy {@code copy} was made from (a copy's namespaces and nodes end in {@code -c<copy>}); empty for
     * the heartbeating node pool. What a copy showed can so be held against what its fixture shows alone.
     */
    public java.util.Optional<Path> fixtureOf(int copy) {
        int part = Math.floorMod(copy, parts());
        if (part < fixtures.failures().size()) {
            return java.util.Optional.of(fixtures.failures().get(part));
        }
        part -= fixtures.failures().size();
        return part < fixtures.healthy().size() ? java.util.Optional.of(fixtures.healthy().get(part))
                : java.util.Optional.empty();
    }

    /** Writes {@code cluster-<k>.jsonl} per cluster into {@code dir}, each in event-time order. */
    public Written writeTo(Path dir) {
        List<Part> parts = plan();
        List<Path> files = new ArrayList<>();
        long records = 0;
        try {
            Files.createDirectories(dir);
            for (int c = 0; c < spec.clusters(); c++) {
                List<Path> pieces = new ArrayList<>();
                for (int b = 0; b < parts.size(); b++) {
                    ScaledRecording scaled = parts.get(b).forCluster(c);
                    if (scaled == null) {
                        continue;
                    }
                    Path piece = dir.resolve(String.format(Locale.ROOT, "cluster-%d.part-%d.tmp", c, b));
                    try (Writer out = Files.newBufferedWriter(piece, StandardCharsets.UTF_8)) {
                        records += scaled.writeTo(out);
                    }
                    pieces.add(piece);
                }
                Path file = dir.resolve("cluster-" + c + ".jsonl");
                merge(pieces, file);
                for (Path piece : pieces) {
                    Files.delete(piece);
                }
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fleet recording into " + dir + ": " + e.getMessage(), e);
        }
        return new Written(files, records);
    }

    /**
     * One fixture's copies across the fleet. Copy numbers are {@code k * parts + part}, so no two fixtures share a
     * copy number (a copy's namespaces and nodes are the fixture's with {@code -c<number>}: two fixtures naming the
     * same namespace still never meet), and copy k of every fixture is in cluster {@code k mod clusters}.
     */
    private record Part(BaseRecording[] perCluster, int copies, int part, int parts, Duration spread, long seed) {

        ScaledRecording forCluster(int cluster) {
            int clusters = perCluster.length;
            int[] mine = IntStream.range(0, copies).filter(k -> k % clusters == cluster).map(k -> k * parts + part).toArray();
            if (mine.length == 0) {
                return null;
            }
            Duration shift = spread.dividedBy((long) copies * parts);
            CopyLayout layout = CopyLayout.evenlySpaced((copies - 1) * parts + part + 1, shift).withJitter(seed + part, shift);
            return ScaledRecording.of(perCluster[cluster], layout).only(mine);
        }
    }

    private List<Part> plan() {
        List<BaseRecording[]> failures = fixtures.failures().stream().map(this::perCluster).toList();
        List<BaseRecording[]> healthy = fixtures.healthy().stream().map(this::perCluster).toList();
        int beats = (int) Math.max(1, spec.window().dividedBy(spec.heartbeat()));
        BaseRecording[] nodes = new BaseRecording[spec.clusters()];
        for (int c = 0; c < spec.clusters(); c++) {
            nodes[c] = FixtureRecording.heartbeats(fixtures.nodeSource(), clusterName(c), spec.start(), spec.heartbeat(), beats);
        }
        int parts = parts();
        List<Part> plan = new ArrayList<>();
        double failureRecords = spec.failureShare() * spec.records();
        for (BaseRecording[] f : failures) {
            plan.add(part(f, failureRecords / failures.size(), plan.size(), parts, spec.window()));
        }
        int nodeCopies = spec.nodesPerCluster() * spec.clusters();
        double healthyRecords = Math.max(0, spec.records() - failureRecords - (double) nodeCopies * beats);
        for (BaseRecording[] h : healthy) {
            plan.add(part(h, healthyRecords / healthy.size(), plan.size(), parts, spec.window()));
        }
        // every node heartbeats through the whole window: their copies are spread over one heartbeat, not the window
        plan.add(new Part(nodes, nodeCopies, plan.size(), parts, spec.heartbeat(), spec.seed()));
        return plan;
    }

    /** Every fixture is a part of the plan, and so is the heartbeating pool, last: copy numbers go round them. */
    private int parts() {
        return fixtures.failures().size() + fixtures.healthy().size() + 1;
    }

    private Part part(BaseRecording[] perCluster, double records, int part, int parts, Duration spread) {
        int copies = (int) Math.max(1, Math.round(records / perCluster[0].size()));
        return new Part(perCluster, copies, part, parts, spread, spec.seed());
    }

    private BaseRecording[] perCluster(Path fixture) {
        BaseRecording[] bases = new BaseRecording[spec.clusters()];
        for (int c = 0; c < spec.clusters(); c++) {
            bases[c] = FixtureRecording.read(fixture, clusterName(c), spec.start());
        }
        return bases;
    }

    /** A k-way merge of recordings already in event-time order, by the {@code time} that starts each line. */
    private static void merge(List<Path> pieces, Path file) throws IOException {
        record Head(String line, Instant time, int piece, BufferedReader reader) {
        }
        PriorityQueue<Head> next = new PriorityQueue<>(Comparator.comparing(Head::time).thenComparingInt(Head::piece));
        List<BufferedReader> readers = new ArrayList<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            boolean header = false;
            for (int i = 0; i < pieces.size(); i++) {
                BufferedReader reader = Files.newBufferedReader(pieces.get(i), StandardCharsets.UTF_8);
                readers.add(reader);
                String first = reader.readLine();
                if (!header && first != null) {
                    out.write(first);
                    out.write('\n');
                    header = true;
                }
                String line = reader.readLine();
                if (line != null) {
                    next.add(new Head(line, timeOf(line), i, reader));
                }
            }
            while (!next.isEmpty()) {
                Head head = next.poll();
                out.write(head.line());
                out.write('\n');
                String line = head.reader().readLine();
                if (line != null) {
                    next.add(new Head(line, timeOf(line), head.piece(), head.reader()));
                }
            }
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
    }

    /** The line's {@code time}: ScaledRecording writes it first, as the fixture lines have it. */
    private static Instant timeOf(String line) {
        int start = line.indexOf("\"time\":\"") + 8;
        return Instant.parse(line.substring(start, line.indexOf('"', start)).toUpperCase(Locale.ROOT));
    }
}
