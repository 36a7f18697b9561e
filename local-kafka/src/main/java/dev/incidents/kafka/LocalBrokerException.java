package dev.incidents.kafka;

/** The local broker could not be started, stopped or reached; the message says what to do. */
public class LocalBrokerException extends RuntimeException {
    public LocalBrokerException(String message) {
        super(message);
    }

    public LocalBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
