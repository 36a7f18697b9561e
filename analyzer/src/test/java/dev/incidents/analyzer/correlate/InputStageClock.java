package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.analyzer.signal.SignalFrames;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** An input task's {@link InputProgress} under a mock context: its wall-clock tick and the watermarks it sent. */
final class InputStageClock {

    private InputStageClock() {
    }

    /** A context for input task {@code task}, with exactly-once's commit interval (what {@code InputProgress.pace} reads). */
    static MockProcessorContext<String, SignalFrame> context(String applicationId, TaskId task) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return new MockProcessorContext<>(config, task, null);
    }

    /**
     * A node's signal at event time {@code time} from {@code topic}'s record at {@code offset}, processed at wall time
     * {@code wall}: what the input stage's clock reads of a record, whatever it says.
     */
    static void pipe(MockProcessorContext<String, SignalFrame> context, InputProgress progress, String topic,
                     long offset, long time, long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), time));
        context.setRecordMetadata(topic, context.taskId().partition(), offset);
        progress.process(new Record<>("node/ip-10-0-1-23", new NodeDeleted("ip-10-0-1-23", Instant.ofEpochMilli(time)),
                time));
    }

    /** The wall-clock tick at {@code wall}. */
    static void tick(MockProcessorContext<String, SignalFrame> context, long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(wall);
    }

    /** The newest watermark sent (not counting "no data"), or null when none was. */
    static Long newestWatermark(MockProcessorContext<String, SignalFrame> context) {
        return context.forwarded().stream()
                .map(f -> (SignalFrame) f.record().value())
                .filter(SignalFrame::isWatermark)
                .map(SignalFrame::watermarkTime)
                .filter(t -> t != SignalFrames.NO_DATA)
                .max(Long::compare).orElse(null);
    }
}
