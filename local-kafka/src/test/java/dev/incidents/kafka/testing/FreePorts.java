package dev.incidents.kafka.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on right now, for test brokers and servers. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int one() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two different free ports: a broker's client and controller listeners. */
    public static int[] two() {
        int first = one();
        int second = one();
        while (second == first) {
            second = one();
        }
        return new int[]{first, second};
    }
}
