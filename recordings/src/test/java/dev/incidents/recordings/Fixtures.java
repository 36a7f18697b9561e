package dev.incidents.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under src/test/resources. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static JsonNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events a pasted text is read into (other records left out); a rejection fails the test. */
    static java.util.List<dev.incidents.schemas.KubeEvent> pastedEvents(String text, java.time.Instant now) {
        return pasted(text, now).stream().map(Recorded::value).filter(dev.incidents.schemas.KubeEvent.class::isInstance)
                .map(dev.incidents.schemas.KubeEvent.class::cast).toList();
    }

    /** The pods a pasted text is read into; a rejection fails the test. */
    static java.util.List<dev.incidents.schemas.PodSnapshot> pastedPods(String text, java.time.Instant now) {
        return pasted(text, now).stream().map(r -> (dev.incidents.schemas.PodSnapshot) r.value()).toList();
    }

    /** The records a pasted text is read into; a rejection fails the test. */
    static java.util.List<Recorded> pasted(String text, java.time.Instant now) {
        java.util.List<Rejection> rejections = new java.util.ArrayList<>();
        java.util.List<Recorded> records = Recordings.read("paste.txt", text, new ReadOptions("test", now),
                rejections::add);
        if (!rejections.isEmpty()) {
            throw new AssertionError("rejected: " + rejections);
        }
        return records;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + resource, e);
        }
    }
}
