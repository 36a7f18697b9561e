package dev.incidents.analyzer;

import dev.incidents.schemas.serde.RecordFramingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input goes to the dead-letter topic and processing goes on, except when the record is fine and
 * only the schema registry failed to answer: dead-lettering it would take a good record out of the analysis
 * because of an outage. Then the stream thread fails instead, the analyzer replaces it, and the record is read
 * again from the last committed offset until the registry answers.
 */
public final class DeadLetterUnlessRegistryDown extends LogAndContinueExceptionHandler {

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryDown(exception)) {
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
