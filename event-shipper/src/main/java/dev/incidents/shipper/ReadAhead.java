package dev.incidents.shipper;

import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link RecordStream} read on its own thread, a bounded number of batches ahead of the caller: reading and
 * mapping a recording (one core) overlaps serializing and producing it (the other), where one thread doing both
 * made {@code ship --from} as slow as their sum. Same records, same order, each as {@code release} takes it from
 * the stream ({@link RecordStream#next} decoded, {@link RecordStream#nextEncoded} as bytes); memory is the reader's
 * reorder window plus {@link #BATCHES_AHEAD} batches.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
    static final int BATCH = 512;
    static final int BATCHES_AHEAD = 8;
    private static final List<Object> END = new ArrayList<>(0);

    private final BlockingQueue<List<?>> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread reader;
    private volatile boolean closed;
    private List<?> batch = List.of();
    private int next;

    private ReadAhead(List<Path> files, ReadOptions options, Consumer<Rejection> rejected,
                      Function<RecordStream, T> release) {
        reader = new Thread(() -> read(files, options, rejected, release), "ship-from-reader");
        reader.setDaemon(true);
    }

    /** Starts reading {@code files} into decoded records; rejections are reported from the reader thread. */
    static ReadAhead<Recorded> start(List<Path> files, ReadOptions options, Consumer<Rejection> rejected) {
        return start(files, options, rejected, RecordStream::next);
    }

    /** As above, each record taken from the stream by {@code release}. */
    static <T> ReadAhead<T> start(List<Path> files, ReadOptions options, Consumer<Rejection> rejected,
                                  Function<RecordStream, T> release) {
        ReadAhead<T> readAhead = new ReadAhead<>(files, options, rejected, release);
        readAhead.reader.start();
        return readAhead;
    }

    private void read(List<Path> files, ReadOptions options, Consumer<Rejection> rejected,
                      Function<RecordStream, T> release) {
        try (RecordStream records = Recordings.stream(files, options, rejected)) {
            List<T> filling = new ArrayList<>(BATCH);
            while (records.hasNext() && !closed) {
                filling.add(release.apply(records));
                if (filling.size() == BATCH) {
                    hand(filling);
                    filling = new ArrayList<>(BATCH);
                }
            }
            if (!filling.isEmpty()) {
                hand(filling);
            }
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            hand(END);
        }
    }

    /** Waits for room, unless the caller has gone (closed before the end). */
    private void hand(List<?> records) {
        try {
            while (!closed && !batches.offer(records, 100, TimeUnit.MILLISECONDS)) {
                // the caller is sending; wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public boolean hasNext() {
        if (next < batch.size()) {
            return true;
        }
        if (batch == END) {
            return false;
        }
        try {
            batch = batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the recording", e);
        }
        next = 0;
        if (batch == END && failure.get() != null) {
            throw failure.get();
        }
        return batch != END;
    }

    @Override
    @SuppressWarnings("unchecked") // every batch but END holds what release gave
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return (T) batch.get(next++);
    }

    /** Stops the reader (its files are closed as it ends). */
    @Override
    public void close() {
        closed = true;
        batches.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
