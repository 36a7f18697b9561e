package dev.incidents.analyzer;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that decode but fail {@link InputCheck} go to the dead-letter topic as they were read, and processing goes
 * on. The dead letter is built from the raw source record Kafka Streams keeps for its handlers (KIP-1034,
 * {@link ErrorHandlerContext#sourceRawKey()} / {@link ErrorHandlerContext#sourceRawValue()}), by the same builder
 * Kafka Streams uses for the undecodable records of {@link DeadLetterUnlessRegistryDown}: original key and value
 * bytes, the source record's headers, and {@code __streams.errors.exception}, {@code .message}, {@code .stacktrace},
 * {@code .topic}, {@code .partition} and {@code .offset}. So one DLQ has one layout, whichever check refused the record.
 * <p>
 * Any other processing error is a bug, not bad input: it fails the stream thread as Kafka Streams' default handler
 * does, so the record is processed again after the fix instead of disappearing into the DLQ.
 */
public final class DeadLetterInvalidInput extends LogAndFailProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterInvalidInput.class);

    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!(exception instanceof InvalidInputException invalid)) {
            return super.handleError(context, record, exception);
        }
        if (deadLetterTopic == null) {
            // Nowhere to keep it: failing leaves the record to be read again once the topic is configured.
            LOG.error("invalid record from {}-{} at offset {} and no {}: {}", context.topic(), context.partition(),
                    context.offset(), StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, invalid.getMessage());
            return Response.fail();
        }
        LOG.warn("invalid record from {}-{} at offset {} goes to {}: {}", context.topic(), context.partition(),
                context.offset(), deadLetterTopic, invalid.getMessage());
        PipelineMeters.deadLettered(invalid.input());
        return Response.resume(List.of(ExceptionHandlerUtils.buildDeadLetterQueueRecord(deadLetterTopic,
                context.sourceRawKey(), context.sourceRawValue(), context, invalid)));
    }
}
