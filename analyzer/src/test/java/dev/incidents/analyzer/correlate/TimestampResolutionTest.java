package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.SignalFrames;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * A source's watermark ({@link InputProgress}) is its progress less the lateness bound, taken down to the whole second
 * while its times are whole seconds (a Kubernetes Event's {@code lastTimestamp}: a record that happened within the
 * bound carries the second it fell in), and not once its times have shown to be sub-second.
 */
class TimestampResolutionTest {

    static final AnalyzerConfig DEFAULTS = AnalyzerConfig.defaults();
    static final String EVENTS = DEFAULTS.eventsTopic();
    static final String PODS = DEFAULTS.podsTopic();
    static final TaskId INPUT_TASK = new TaskId(0, 0);
    static final long T0 = Instant.parse("2025-06-02T08:00:00Z").toEpochMilli();
    static final long LATENESS = DEFAULTS.lateness().toMillis();
    /** A sub-second part no whole-second clock gives. */
    static final long FRACTION = 437;

    private final InputLag lag = InputLag.of(List.of(EVENTS, PODS));
    private final MockProcessorContext<String, byte[]> context = context();
    private long offset;

    @Test
    void the_default_bound_is_a_second_of_delivery() {
        assertThat(LATENESS).isEqualTo(1_000);
    }

    @Test
    void a_source_with_whole_second_times_has_its_mark_taken_down_to_the_whole_second() {
        InputProgress progress = readToTheEnd();
        // live: Events stamped with their one-second lastTimestamp, pods with the shipper's clock to the millisecond
        long s = 0;
        for (; s < 2 * InputProgress.SUB_SECOND_PROOF; s++) {
            pipe(progress, EVENTS, T0 + s * 1_000, s * 1_000 + FRACTION);
            pipe(progress, PODS, T0 + s * 1_000 + FRACTION, s * 1_000 + FRACTION);
        }
        long newestPod = T0 + (s - 1) * 1_000 + FRACTION;
        // the Events topic, read to its end, follows the wall clock up to the pods' newest time
        tick((s - 1) * 1_000 + FRACTION + 100);

        assertThat(newestWatermark()).as("an Event of the second a second before the newest pod is not behind it")
                .isEqualTo(newestPod - FRACTION - LATENESS)
                .isLessThan(newestPod - LATENESS);
    }

    @Test
    void a_source_with_sub_second_times_is_held_back_by_the_bound_alone() {
        InputProgress progress = readToTheEnd();
        long last = InputProgress.SUB_SECOND_PROOF;
        for (long s = 0; s <= last; s++) {
            pipe(progress, EVENTS, T0 + s * 1_000 + FRACTION, s * 1_000 + FRACTION);
        }
        tick(last * 1_000 + FRACTION + 600);

        assertThat(newestWatermark()).isEqualTo(T0 + last * 1_000 + FRACTION - LATENESS);
    }

    @Test
    void until_a_source_has_shown_sub_second_times_they_count_as_whole_seconds() {
        InputProgress progress = readToTheEnd();
        pipe(progress, EVENTS, T0 + FRACTION, FRACTION);
        pipe(progress, EVENTS, T0 + 1_000 + FRACTION, 1_000 + FRACTION);
        tick(1_000 + FRACTION + 100);

        assertThat(newestWatermark()).isEqualTo(T0);
    }

    @Test
    void a_whole_second_by_chance_leaves_a_sub_second_source_as_it_was_and_three_make_it_whole_seconds_for_good() {
        InputProgress progress = readToTheEnd();
        long s = 0;
        for (; s <= InputProgress.SUB_SECOND_PROOF; s++) {
            pipe(progress, EVENTS, T0 + s * 1_000 + FRACTION, s * 1_000 + FRACTION);
        }
        pipe(progress, EVENTS, T0 + s * 1_000, s * 1_000); // once in a thousand, a sub-second clock reads .000
        s++;
        pipe(progress, EVENTS, T0 + s * 1_000 + FRACTION, s * 1_000 + FRACTION);
        tick(s * 1_000 + FRACTION);
        assertThat(newestWatermark()).as("still sub-second").isEqualTo(T0 + s * 1_000 + FRACTION - LATENESS);

        for (int i = 0; i < InputProgress.WHOLE_SECONDS; i++) {
            s++;
            pipe(progress, EVENTS, T0 + s * 1_000, s * 1_000);
        }
        for (int i = 0; i < 2 * InputProgress.SUB_SECOND_PROOF; i++) {
            s++;
            pipe(progress, EVENTS, T0 + s * 1_000 + FRACTION, s * 1_000 + FRACTION);
        }
        tick(s * 1_000 + FRACTION);
        assertThat(newestWatermark()).as("an Events topic with one-second times among its records")
                .isEqualTo(T0 + s * 1_000 - LATENESS);
    }

    private InputProgress readToTheEnd() {
        Map<TopicPartition, Long> nothingLeft = new HashMap<>();
        lag.topics().forEach(topic -> nothingLeft.put(new TopicPartition(topic, INPUT_TASK.partition()), 0L));
        lag.observe(nothingLeft, nothingLeft, 0);
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(-1);
        InputProgress progress = new InputProgress(DEFAULTS, lag);
        progress.init(context);
        tick(0);
        return progress;
    }

    private void pipe(InputProgress progress, String topic, long time, long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), time));
        context.setRecordMetadata(topic, INPUT_TASK.partition(), offset++);
        progress.process(new Record<>("node/ip-10-0-1-23", new NodeDeleted("ip-10-0-1-23", Instant.ofEpochMilli(time)),
                time));
    }

    private void tick(long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(wall);
    }

    private Long newestWatermark() {
        return context.forwarded().stream()
                .map(f -> (byte[]) f.record().value())
                .filter(SignalFrames::isWatermark)
                .map(SignalFrames::watermarkTime)
                .filter(t -> t != SignalFrames.NO_DATA)
                .max(Long::compare).orElse(null);
    }

    private static MockProcessorContext<String, byte[]> context() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "timestamp-resolution");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return new MockProcessorContext<>(config, INPUT_TASK, null);
    }
}
