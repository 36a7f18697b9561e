package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.analyzer.signal.SignalFrames;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;

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
