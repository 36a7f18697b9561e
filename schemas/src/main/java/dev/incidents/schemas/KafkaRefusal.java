package dev.incidents.schemas;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Kafka said no for good: the credentials (SASL), the certificate (TLS) or an ACL. Retrying, or replacing a stream
 * thread, fails the same way forever, so every verb stops with one line saying which, instead of looping.
 */
public final class KafkaRefusal {
    private KafkaRefusal() {
    }

    /** One line naming the refusal, when {@code error} or one of its causes is one. */
    public static Optional<String> of(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SslAuthenticationException) {
                return Optional.of("TLS handshake with Kafka failed (is the broker's certificate in ssl.truststore.location?): "
                        + innermost(e));
            }
            if (e instanceof AuthenticationException) {
                return Optional.of("Kafka refused the credentials (sasl.jaas.config, sasl.mechanism): " + e.getMessage());
            }
            if (e instanceof AuthorizationException) {
                return Optional.of("Kafka refused an operation, an ACL is missing (README, Security): " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The TLS cause worth reading (e.g. "PKIX path building failed") is at the bottom of the chain. */
    private static String innermost(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
