package dev.incidents.analyzer.replay;

import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The latest state of each incident of a replay, kept as the bytes the topology emitted it as, in a scratch file: the
 * heap holds an id, a first-seen time and a position per incident. A replay of a long recording opens thousands of
 * incidents, and their latest states (about 4 KB each: evidence, rendered causes and remediation, the Markdown text)
 * were the part of its heap that grew with the input's length (a 200k-record fleet over 32 h: 14 MB of the ~106 MB
 * live after a full collection, a quarter of that over 8 h). Each is read back and decoded only when it is printed.
 *
 * <p>Every transition is appended (an update leaves its predecessor's bytes behind, unread): the file is the
 * replay's emitted incidents, about 30 MB for that fleet, in the page cache rather than the heap. It is unlinked as
 * soon as it is open where the system allows (nothing is left behind, even by a killed replay); its descriptor is
 * closed with the {@link FileChannel} when that is collected.
 */
final class LatestIncidents {
    private record Kept(Instant firstSeen, String id, long position, int length) {
    }

    /** The order the command prints them in: first seen, then id (stable across runs). */
    private static final Comparator<Kept> ORDER = Comparator.comparing(Kept::firstSeen).thenComparing(Kept::id);

    private final Map<String, Kept> byId = new HashMap<>();
    private final Deserializer<Incident> decoder;
    private final String topic;
    private FileChannel file;
    private long end;

    LatestIncidents(Deserializer<Incident> decoder, String topic) {
        this.decoder = decoder;
        this.topic = topic;
    }

    /** {@code incident} is {@code bytes} decoded. */
    void put(Incident incident, byte[] bytes) {
        long position = end;
        write(ByteBuffer.wrap(bytes), position);
        end += bytes.length;
        byId.put(incident.getId(), new Kept(incident.getFirstSeen(), incident.getId(), position, bytes.length));
    }

    int size() {
        return byId.size();
    }

    /** Each incident in order, decoded one at a time. */
    void forEach(Consumer<Incident> action) {
        List<Kept> ordered = new ArrayList<>(byId.values());
        ordered.sort(ORDER);
        for (Kept kept : ordered) {
            action.accept(decoder.deserialize(topic, read(kept)));
        }
    }

    /** All of them decoded, in order (tests and small replays). */
    List<Incident> list() {
        List<Incident> all = new ArrayList<>(byId.size());
        forEach(all::add);
        return List.copyOf(all);
    }

    private void write(ByteBuffer bytes, long position) {
        try {
            if (file == null) {
                file = scratchFile();
            }
            while (bytes.hasRemaining()) {
                position += file.write(bytes, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("replay: cannot keep the latest incidents in a scratch file", e);
        }
    }

    private byte[] read(Kept kept) {
        ByteBuffer bytes = ByteBuffer.allocate(kept.length());
        try {
            long position = kept.position();
            while (bytes.hasRemaining()) {
                int read = file.read(bytes, position);
                if (read < 0) {
                    throw new IOException("scratch file ended early");
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("replay: cannot read back the latest incidents", e);
        }
        return bytes.array();
    }

    private static FileChannel scratchFile() throws IOException {
        Path path = Files.createTempFile("incidents-replay-latest-", ".avro");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            Files.delete(path); // open files stay readable once unlinked (POSIX)
        } catch (IOException e) {
            path.toFile().deleteOnExit(); // a system that cannot unlink an open file (Windows)
        }
        return channel;
    }
}
