package dev.incidents.analyzer;

import dev.incidents.schemas.serde.RecordFramingException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input goes to the dead-letter topic and processing goes on, except when the record is fine and
 * only the schema registry failed to answer: dead-lettering it would take a good record out of the analysis
 * because of an outage. The deserializer has already waited for the registry by then
 * ({@code incidents.registry.retry.timeout}, 60 s in {@code analyze}: an ordinary outage costs nothing but the
 * wait). When it is down for longer, the stream thread fails instead, the analyzer replaces it, and the record is
 * read again from the last committed offset until the registry answers. It waits {@value #BACKOFF_CONFIG}
 * (default 5 s) before failing, so a long outage costs one rebalance per retry timeout and backoff, not a tight
 * loop of them.
 */
public final class DeadLetterUnlessRegistryDown extends LogAndContinueExceptionHandler {
    public static final String BACKOFF_CONFIG = "incidents.registry.retry.backoff";
    private static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);

    private Duration backoff = DEFAULT_BACKOFF;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object configured = configs.get(BACKOFF_CONFIG);
        if (configured != null) {
            backoff = Duration.parse(configured.toString().trim());
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryDown(exception)) {
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }

    static boolean registryDown(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordFramingException framing && framing.reason() == RecordFramingException.Reason.REGISTRY_UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
