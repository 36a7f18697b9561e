package dev.incidents.schemas;

/** A topic could not be created, or the cluster did not serve it in time; the message says which and why. */
public class TopicProvisioningException extends RuntimeException {
    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
