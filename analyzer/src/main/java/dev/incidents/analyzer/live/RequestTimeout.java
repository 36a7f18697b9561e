package dev.incidents.analyzer.live;

/**
 * A bound on how long a client may take to send its request, so slow or stalled clients (slowloris) cannot hold the
 * HTTP threads. The JDK server reads it from a system property once, when its first server starts; an operator's own
 * {@code -Dsun.net.httpserver.maxReqTime} wins. Responses are not bounded the same way ({@code maxRspTime}): a
 * streaming route sends for as long as its client listens.
 */
final class RequestTimeout {
    static final String PROPERTY = "sun.net.httpserver.maxReqTime";
    static final long SECONDS = 10;

    private RequestTimeout() {
    }

    static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(SECONDS));
        }
    }
}
