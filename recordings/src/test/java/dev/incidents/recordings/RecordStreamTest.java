package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The streaming reader: event-time order across files within a bounded window, owners resolved on release. */
class RecordStreamTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-03-14T12:00:00Z"));

    @TempDir
    Path dir;

    private final List<Rejection> rejections = new ArrayList<>();

    @Test
    void filesMergeByTimeAndEqualTimesKeepFileOrderThenPosition() {
        Path a = file("a.jsonl", event("a1", "10:00:00"), event("a2", "10:00:02"), event("a3", "10:00:02"));
        Path b = file("b.jsonl", event("b1", "10:00:01"), event("b2", "10:00:02"), event("b0", "10:00:00"));

        List<Recorded> records = drain(List.of(a, b), OPTIONS);

        assertThat(records).extracting(RecordStreamTest::pod)
                .containsExactly("a1", "b0", "b1", "a2", "a3", "b2");
        assertThat(records).extracting(Recorded::file, Recorded::line).startsWith(
                tuple(a.toString(), 1L), tuple(b.toString(), 3L));
    }

    @Test
    void aRecordOlderThanTheWindowReachesIsReleasedLateAndCounted() {
        Path log = file("late.jsonl", event("e3", "10:00:03"), event("e4", "10:00:04"), event("e5", "10:00:05"),
                event("e1", "10:00:01"), event("e6", "10:00:06"));

        List<Recorded> records = new ArrayList<>();
        long late;
        try (RecordStream stream = Recordings.stream(List.of(log), OPTIONS.withReorderWindow(2), rejections::add)) {
            stream.forEachRemaining(records::add);
            late = stream.late();
        }

        assertThat(records).extracting(RecordStreamTest::pod).containsExactly("e3", "e4", "e1", "e5", "e6");
        assertThat(late).isEqualTo(1);
        assertThat(rejections).isEmpty();
        // the same file within a window that holds it: in order, nothing late
        try (RecordStream stream = Recordings.stream(List.of(log), OPTIONS.withReorderWindow(4), rejections::add)) {
            assertThat(drain(stream)).extracting(RecordStreamTest::pod).containsExactly("e1", "e3", "e4", "e5", "e6");
            assertThat(stream.late()).isZero();
        }
    }

    /** A ReplicaSet listed after its pods still names their Deployment, as long as it comes within the window. */
    @Test
    void ownersListedAfterTheirPodsResolveOnRelease() {
        Path log = file("owners.jsonl",
                pod("web-7d9f8-abcde", "web-7d9f8", "10:00:00"),
                event("other", "10:00:01"),
                """
                {"kind":"ReplicaSet","metadata":{"name":"web-7d9f8","namespace":"shop","ownerReferences":[\
                {"kind":"Deployment","name":"storefront","uid":"d-1","controller":true}]}}""");

        List<Recorded> held = drain(List.of(log), OPTIONS.withReorderWindow(3));
        List<Recorded> released = drain(List.of(log), OPTIONS.withReorderWindow(1));

        assertThat(((PodSnapshot) held.get(0).value()).getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "web-7d9f8"), tuple("Deployment", "storefront"));
        // released before its ReplicaSet was read: the chain is what the names alone say (no pod-template-hash here)
        assertThat(((PodSnapshot) released.get(0).value()).getOwners()).extracting(OwnerRef::getName)
                .containsExactly("web-7d9f8");
    }

    /**
     * {@code ship --from} takes records with their values still encoded: the same records as {@link RecordStream#next},
     * a Pod whose chain grew on release (its ReplicaSet read after it) encoded again with that chain, a tombstone
     * without a value.
     */
    @Test
    void encodedRecordsAreTheRecordsNextGivesWithTheirValuesEncoded() {
        Path log = file("owners.jsonl",
                pod("web-7d9f8-abcde", "web-7d9f8", "10:00:00"),
                pod("api-5c6d7-fghij", "api-5c6d7", "10:00:01"),
                event("other", "10:00:02"),
                """
                {"kind":"ReplicaSet","metadata":{"name":"web-7d9f8","namespace":"shop","ownerReferences":[\
                {"kind":"Deployment","name":"storefront","uid":"d-1","controller":true}]}}""",
                "{\"type\":\"DELETED\",\"time\":\"2025-03-14T10:00:03Z\",\"object\":"
                        + pod("api-5c6d7-fghij", "api-5c6d7", "10:00:01") + "}");

        List<Recorded> decoded = drain(List.of(log), OPTIONS);
        List<EncodedRecord> encoded = new ArrayList<>();
        try (RecordStream stream = Recordings.stream(List.of(log), OPTIONS, rejections::add)) {
            while (stream.hasNext()) {
                encoded.add(stream.nextEncoded());
            }
            assertThat(stream.released()).isEqualTo(4);
        }

        assertThat(encoded).extracting(EncodedRecord::time, EncodedRecord::kind, EncodedRecord::key, EncodedRecord::file,
                EncodedRecord::line).containsExactlyElementsOf(decoded.stream().map(r -> tuple(r.time(), r.kind(), r.key(),
                r.file(), r.line())).toList());
        assertThat(encoded).extracting(e -> e.isTombstone() ? null : CompactValue.decode(e.type(), e.value()).toString())
                .containsExactlyElementsOf(decoded.stream().map(r -> r.isTombstone() ? null : r.value().toString()).toList());
        assertThat(((PodSnapshot) CompactValue.decode(PodSnapshot.class, encoded.get(0).value())).getOwners())
                .extracting(OwnerRef::getName).containsExactly("web-7d9f8", "storefront");
        assertThat(encoded.get(3).isTombstone()).isTrue();
        assertThat(rejections).isEmpty();
    }

    @Test
    void rejectionsKeepFileAndLineAndTheRestIsRead() {
        Path log = file("bad.jsonl", event("a", "10:00:00"), "{\"kind\":\"Event\",", event("b", "10:00:01"),
                "{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"c\"},\"lastTimestamp\":\"soon\"}");

        List<Recorded> records = drain(List.of(log), OPTIONS.withReorderWindow(1));

        assertThat(records).extracting(RecordStreamTest::pod).containsExactly("a", "b");
        assertThat(rejections).extracting(Object::toString).satisfiesExactly(
                r -> assertThat(r).startsWith(log + ":2: not JSON: "),
                r -> assertThat(r).isEqualTo(log + ":4: bad timestamp in lastTimestamp: 'soon'"));
    }

    @Test
    void aLineThatIsNotUtf8IsOneRejectionAtItsLine() throws IOException {
        Path log = dir.resolve("latin1.jsonl");
        Files.write(log, concat(line(event("a", "10:00:00")),
                "{\"kind\":\"Event\",\"message\":\"caf\u00e9\",\n".getBytes(StandardCharsets.ISO_8859_1),
                line(event("b", "10:00:01"))));

        List<Recorded> records = drain(List.of(log), OPTIONS);

        assertThat(records).extracting(RecordStreamTest::pod).containsExactly("a", "b");
        assertThat(rejections).extracting(Rejection::line, Rejection::reason).containsExactly(tuple(2L, "not UTF-8 text"));
    }

    @Test
    void crLfLineEndingsAndAByteOrderMarkKeepLineNumbers() throws IOException {
        Path log = dir.resolve("windows.jsonl");
        Files.write(log, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (event("a", "10:00:02") + "\r\n\r\n" + event("b", "10:00:01") + "\r\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(drain(List.of(log), OPTIONS)).extracting(RecordStreamTest::pod, Recorded::line)
                .containsExactly(tuple("b", 3L), tuple("a", 1L));
        assertThat(rejections).isEmpty();
    }

    /** A List is read item by item, so a List larger than the window streams and its items keep their lines. */
    @Test
    void aPrettyListStreamsItemByItemAndResumesAfterASyntaxError() {
        StringBuilder text = new StringBuilder("{\n  \"kind\": \"List\",\n  \"items\": [\n");
        for (int i = 0; i < 5; i++) {
            text.append("    ").append(event("l" + i, "10:00:0" + i)).append(i < 4 ? ",\n" : "\n");
        }
        text.append("  ]\n}\n{\n  \"kind\": \"Event\", \"broken\": tru\n}\n").append(event("after", "10:00:09")).append('\n');
        Path log = file("list.json", text.toString());

        try (RecordStream stream = Recordings.stream(List.of(log), OPTIONS.withReorderWindow(2), rejections::add)) {
            List<Recorded> records = drain(stream);

            assertThat(records).extracting(RecordStreamTest::pod).containsExactly("l0", "l1", "l2", "l3", "l4", "after");
            assertThat(records).extracting(Recorded::line).containsExactly(4L, 5L, 6L, 7L, 8L, 14L);
            assertThat(stream.late()).isZero();
        }
        assertThat(rejections).extracting(Rejection::line).containsExactly(12L);
        assertThat(rejections.get(0).reason()).startsWith("not JSON: ");
    }

    @Test
    void dashIsStandardInputAndItIsNotClosed() {
        InputStream stdin = System.in;
        boolean[] closed = {false};
        try {
            System.setIn(new FilterInputStream(new ByteArrayInputStream(line(event("web-0", "10:00:00")))) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            });
            List<Recorded> records = drain(List.of(Path.of("-")), OPTIONS);

            assertThat(records).extracting(Recorded::key, Recorded::file).containsExactly(tuple("test/ns/Pod/web-0", "-"));
            assertThat(closed[0]).isFalse();
        } finally {
            System.setIn(stdin);
        }
    }

    /** The point of streaming: the first record comes out after a window's worth of input, not the whole file. */
    @Test
    void readsNoFurtherAheadThanTheWindow() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(event("p" + i, "10:%02d:%02d".formatted(i / 3600 % 60, i / 60 % 60))).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        long[] read = {0};
        InputStream stdin = System.in;
        try {
            System.setIn(new FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    read[0] += Math.max(n, 0);
                    return n;
                }
            });
            try (RecordStream stream = Recordings.stream(List.of(Path.of("-")), OPTIONS.withReorderWindow(100), rejections::add)) {
                assertThat(pod(stream.next())).isEqualTo("p0");
                assertThat(read[0]).isLessThan(bytes.length / 10);
                assertThat(drain(stream)).hasSize(19_999);
                assertThat(stream.released()).isEqualTo(20_000);
            }
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsOneRejectionAndTheOthersAreRead() {
        Path log = file("ok.jsonl", event("a", "10:00:00"));

        List<Recorded> records = drain(List.of(dir.resolve("missing.jsonl"), log), OPTIONS);

        assertThat(records).extracting(RecordStreamTest::pod).containsExactly("a");
        assertThat(rejections).extracting(Rejection::line, r -> r.reason().startsWith("cannot read")).containsExactly(tuple(0L, true));
    }

    private List<Recorded> drain(List<Path> files, ReadOptions options) {
        try (RecordStream stream = Recordings.stream(files, options, rejections::add)) {
            return drain(stream);
        }
    }

    private static List<Recorded> drain(RecordStream stream) {
        List<Recorded> records = new ArrayList<>();
        stream.forEachRemaining(records::add);
        return records;
    }

    private Path file(String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String event(String pod, String time) {
        return "{\"kind\":\"Event\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"" + pod + "\",\"namespace\":\"ns\"},"
                + "\"reason\":\"Pulled\",\"lastTimestamp\":\"2025-03-14T" + time + "Z\"}";
    }

    private static String pod(String name, String replicaSet, String time) {
        return "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"shop\",\"creationTimestamp\":"
                + "\"2025-03-14T" + time + "Z\",\"ownerReferences\":[{\"kind\":\"ReplicaSet\",\"name\":\"" + replicaSet
                + "\",\"controller\":true}]},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"web:1\"}]}}";
    }

    private static String pod(Recorded record) {
        Function<Recorded, String> name = r -> r.value() instanceof KubeEvent e ? e.getInvolvedObject().getName()
                : ((PodSnapshot) r.value()).getName();
        return name.apply(record);
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
