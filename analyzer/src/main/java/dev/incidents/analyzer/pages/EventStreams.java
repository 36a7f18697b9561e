package dev.incidents.analyzer.pages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent Events responses of the live page. One writer thread does every write, in order: a client
 * that connects gets the snapshot, then everything published after it was taken, and the incident feed never waits
 * on a slow browser. A client whose connection fails is dropped; a comment line every {@link #KEEPALIVE_SECONDS}
 * finds the ones that left and keeps proxies from closing an idle stream.
 */
final class EventStreams implements AutoCloseable {
    static final int KEEPALIVE_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incidents-page-events");
        t.setDaemon(true);
        return t;
    });
    /** Touched by the writer thread only. */
    private final List<OutputStream> clients = new ArrayList<>();

    EventStreams() {
        writer.scheduleAtFixedRate(() -> broadcast(": keepalive\n\n"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** A new client: {@code snapshot} (events, as {@link #event} formats them) is taken on the writer thread. */
    void open(OutputStream body, Supplier<List<String>> snapshot) {
        run(() -> {
            try {
                body.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
                for (String event : snapshot.get()) {
                    body.write(event.getBytes(StandardCharsets.UTF_8));
                }
                body.write(event("ready", "{}").getBytes(StandardCharsets.UTF_8));
                body.flush();
                clients.add(body);
            } catch (IOException gone) {
                quietlyClose(body);
            }
        }, body);
    }

    /** An event for every client, rendered on the writer thread (the latest state when it is sent). */
    void publish(Supplier<String> event) {
        run(() -> broadcast(event.get()), null);
    }

    /**
     * Whether any client is connected: writer thread only (an event's supplier, a snapshot). The live page renders
     * nothing for nobody: an {@code analyze} catching up on a backlog publishes thousands of transitions a second.
     */
    boolean listened() {
        return !clients.isEmpty();
    }

    int clients() {
        try {
            return writer.submit(clients::size).get();
        } catch (Exception e) {
            return 0;
        }
    }

    /** {@code event: name} and one {@code data:} line (the data is one line of JSON). */
    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private void broadcast(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        clients.removeIf(client -> {
            try {
                client.write(bytes);
                client.flush();
                return false;
            } catch (IOException gone) {
                quietlyClose(client);
                return true;
            }
        });
    }

    private void run(Runnable task, OutputStream orClose) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException closed) {
            if (orClose != null) {
                quietlyClose(orClose);
            }
        }
    }

    private static void quietlyClose(OutputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    @Override
    public void close() {
        try {
            writer.submit(() -> {
                clients.forEach(EventStreams::quietlyClose);
                clients.clear();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("closing the page's event streams", e);
        }
        writer.shutdownNow();
    }
}
