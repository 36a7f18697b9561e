package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A recording read on a thread of its own while the caller uses what was read: reading and mapping the input is a
 * core's work, and a second core does it beside the caller's (replay's topology: reading was a fifth of its single
 * thread; {@code ship --from}'s producing: one thread doing both was as slow as their sum; issue #12). The records
 * come out in the order the stream releases them, handed over in batches through a short queue, so memory stays the
 * reorder window plus a few thousand records. A failure of the reader is thrown where its next record would have
 * been; closing early stops the reader. The stream's rejections are reported from the reader's thread.
 */
public final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
    /** Records handed over at once: few enough to keep the caller busy, enough to make the hand-over cheap. */
    static final int BATCH = 512;
    /** Batches read but not yet taken. */
    static final int QUEUED_BATCHES = 8;

    private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread reader;
    private volatile boolean closed;
    private Batch<T> current = new Batch<>(List.of(), false, null);
    private int position;

    /** What the reader hands over: records, and whether the stream ended after them (or how it failed). */
    private record Batch<T>(List<T> records, boolean last, Throwable failure) {
    }

    /**
     * Starts reading {@code records} (a {@link RecordStream}'s, {@link RecordStream#encoded} or the stream itself) on
     * a thread called {@code threadName}. Close this before the stream.
     */
    public ReadAhead(Iterator<T> records, String threadName) {
        this.reader = new Thread(() -> read(records), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        while (position == current.records().size()) {
            if (current.last()) {
                if (current.failure() != null) {
                    throw rethrown(current.failure());
                }
                return false;
            }
            current = take();
            position = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.records().get(position++);
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear(); // a reader blocked on a full queue gets its place back, sees the flag and stops
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(Iterator<T> records) {
        Throwable failure = null;
        try {
            List<T> batch = new ArrayList<>(BATCH);
            while (!closed && records.hasNext()) {
                batch.add(records.next());
                if (batch.size() == BATCH) {
                    queue.put(new Batch<>(batch, false, null));
                    batch = new ArrayList<>(BATCH);
                }
            }
            queue.put(new Batch<>(batch, true, null));
            return;
        } catch (InterruptedException e) {
            return; // closed
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(new Batch<>(List.of(), true, failure));
        } catch (InterruptedException e) {
            // closed: nobody is waiting for the failure
        }
    }

    private Batch<T> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the recording's reader", e);
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error; // out of memory in the reader: the command reports it as its own
        }
        return (RuntimeException) failure;
    }
}
