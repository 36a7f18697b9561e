package dev.incidents.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The input of the latency row: a recording whose event times are wall-clock times to come, {@code rate} records per
 * second from {@code start}, so a sender that sends each record at its event time gives the analyzer the live
 * stream a cluster would. Records are the sample's own lines with new namespaces, uids, node names and times:
 * mostly healthy noise (a Running and Ready pod, its Pulled, Created and Started events, node heartbeats) over
 * 64 namespaces and 16 nodes, and every {@link #decisiveEvery()}-th record an OOMKilled pod in a namespace of its
 * own: OOM_KILLED has no grace period, so that one record decides its incident. The last
 * {@link #TAIL} is noise only, so event time moves past every decisive record by more than the lateness bound.
 *
 * <p>The first {@code warmUp} is noise only too: an analyzer that has been idle since it started takes its first
 * seconds at the pace's rate with code the JIT has not compiled yet (under load, decisions of the first 15 s took
 * up to 7 s, every later one under 1.8 s); the row measures the pace, as the {@code ship} row times a warm sender.
 *
 * @param start  the event time (and planned send time) of the first record
 * @param rate   records per second
 * @param warmUp how long the noise before the first decisive record lasts
 * @param span   how long decisive records are generated for
 */
record PacedRecording(Instant start, double rate, Duration warmUp, Duration span) {

    PacedRecording(Instant start, double rate, Duration span) {
        this(start, rate, Duration.ZERO, span);
    }

    static final Duration TAIL = Duration.ofSeconds(6);
    static final String CLUSTER = "bench-latency";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z");
    private static final Pattern UID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** How many records are written. */
    long records() {
        return Math.round(rate * (warmUp.plus(span).plus(TAIL).toMillis() / 1000.0));
    }

    /** One decisive record in this many: about 300 in a run, at least one in 5 records. */
    long decisiveEvery() {
        return Math.max(5, Math.round(rate * span.toMillis() / 1000.0 / 300));
    }

    /** Writes the recording; returns the number of decisive records, one incident each. */
    long writeTo(Path file, Path sample) {
        Templates t = Templates.of(sample);
        long decisiveFrom = Math.round(rate * warmUp.toMillis() / 1000.0);
        long decisiveUntil = decisiveFrom + Math.round(rate * span.toMillis() / 1000.0);
        long decisive = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"format\":\"incidents-recording\",\"version\":1,\"cluster\":\"" + CLUSTER + "\",\"startedAt\":\""
                    + start + "\"}\n");
            for (long i = 0; i < records(); i++) {
                Instant time = start.plusNanos(Math.round(i * 1e9 / rate));
                String line;
                if (i >= decisiveFrom && i < decisiveUntil && (i - decisiveFrom) % decisiveEvery() == 0) {
                    line = t.oomKilledPod.in("oom-" + decisive, time);
                    decisive++;
                } else {
                    String namespace = "noise-" + (i % 64);
                    line = switch ((int) (i % 5)) {
                        case 0 -> t.readyPod.in(namespace, time);
                        case 1 -> t.pulled.in(namespace, time);
                        case 2 -> t.created.in(namespace, time);
                        case 3 -> t.started.in(namespace, time);
                        default -> t.node.in("bench-node-" + (i % 16), time);
                    };
                }
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return decisive;
    }

    /**
     * A sample line and the name that identifies its subject: the namespace of a namespaced object (written as
     * {@code "namespace":"x"}), the name of a Node.
     */
    private record Template(String line, String name, boolean namespaced) {

        /** This line for another subject: renamed, uids derived from the new name, every timestamp {@code time}. */
        String in(String newName, Instant time) {
            String renamed = namespaced
                    ? line.replace("\"namespace\":\"" + name + "\"", "\"namespace\":\"" + newName + "\"")
                    : line.replace("\"" + name + "\"", "\"" + newName + "\"");
            renamed = UID.matcher(renamed).replaceAll(m ->
                    UUID.nameUUIDFromBytes((newName + m.group()).getBytes(StandardCharsets.UTF_8)).toString());
            return TIMESTAMP.matcher(renamed).replaceAll(time.toString());
        }
    }

    /** The sample lines the recording is made of, found by what they are, not by line number. */
    private record Templates(Template oomKilledPod, Template readyPod, Template pulled, Template created,
                             Template started, Template node) {

        static Templates of(Path sample) {
            try {
                List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
                return new Templates(
                        find(lines, o -> kind(o, "Pod") && o.toString().contains("\"reason\":\"OOMKilled\"")),
                        find(lines, o -> kind(o, "Pod") && "Running".equals(o.at("/status/phase").asText())
                                && !"kube-system".equals(o.at("/metadata/namespace").asText())
                                && o.at("/status/containerStatuses").size() > 0
                                && allReady(o.at("/status/containerStatuses"))),
                        find(lines, o -> event(o, "Pulled")),
                        find(lines, o -> event(o, "Created")),
                        find(lines, o -> event(o, "Started")),
                        find(lines, o -> kind(o, "Node")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sample " + sample + ": " + e.getMessage(), e);
            }
        }

        private static boolean event(JsonNode object, String reason) {
            return kind(object, "Event") && reason.equals(object.path("reason").asText())
                    && "Pod".equals(object.at("/involvedObject/kind").asText());
        }

        private static boolean kind(JsonNode object, String kind) {
            return kind.equals(object.path("kind").asText());
        }

        private static boolean allReady(JsonNode statuses) {
            for (JsonNode s : statuses) {
                if (!s.path("ready").asBoolean()) {
                    return false;
                }
            }
            return true;
        }

        private static Template find(List<String> lines, Predicate<JsonNode> object) throws IOException {
            for (String line : lines) {
                JsonNode value = JSON.readTree(line);
                if (value.has("object") && object.test(value.get("object"))) {
                    JsonNode metadata = value.get("object").path("metadata");
                    boolean namespaced = metadata.hasNonNull("namespace");
                    return new Template(line, metadata.path(namespaced ? "namespace" : "name").asText(), namespaced);
                }
            }
            throw new IllegalArgumentException("the sample has no line for a latency template");
        }
    }
}
