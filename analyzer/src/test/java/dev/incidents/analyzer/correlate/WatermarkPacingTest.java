package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.signal.NodeDeleted;
import dev.incidents.analyzer.signal.SignalFrame;
import java.time.Duration;
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
 * How many watermarks an input task sends to {@code signals-by-subject}. Catching up, a task runs through minutes of
 * event time per second of wall time: one watermark per second of event time made a third of the repartition topic's
 * records. Behind, it sends one per commit interval of wall time (a correlator sees a transaction's records only at
 * its commit, so only the last watermark of each moves its clock); caught up (live, replay) one per second of event
 * time, as before.
 */
class WatermarkPacingTest {

    static final AnalyzerConfig CONFIG = AnalyzerConfig.defaults();
    /** One input topic: each topic's partition has its own clock, and these records are all of the nodes topic. */
    static final List<String> INPUTS = List.of(CONFIG.nodesTopic());
    static final TaskId INPUT_TASK = new TaskId(0, 1);
    static final Instant START = Instant.parse("2025-06-02T08:00:00Z");
    static final long COMMIT_INTERVAL = 100;

    private final InputLag lag = InputLag.of(INPUTS);
    private final MockProcessorContext<String, SignalFrame> context = context(COMMIT_INTERVAL);
    private long offset;

    @Test
    void behind_a_task_sends_one_watermark_per_commit_interval_however_much_event_time_it_covers() {
        lag.observe(offsets(50_000), offsets(10_000));
        InputProgress progress = started();

        // 10 minutes of event time, a record every 100 ms of it, at 200 records per ms of wall time: 30 ms of wall time
        for (int i = 0; i < 6_000; i++) {
            pipe(progress, START.plusMillis(100L * i), i / 200);
        }

        assertThat(watermarks()).as("the first, then one after a commit interval of wall time")
                .hasSize(1);
        context.resetForwards();
        pipe(progress, START.plus(Duration.ofMinutes(10)), 30 + COMMIT_INTERVAL);
        assertThat(watermarks()).singleElement()
                .as("the newest stream time less the lateness bound")
                .isEqualTo(START.plus(Duration.ofMinutes(10)).minus(CONFIG.lateness()).toEpochMilli());
    }

    @Test
    void caught_up_a_task_sends_one_watermark_per_second_of_event_time() {
        lag.observe(offsets(50_000), offsets(50_000));
        InputProgress progress = started();

        for (int i = 0; i < 6_000; i++) {
            pipe(progress, START.plusMillis(100L * i), i / 20);
        }

        assertThat(watermarks()).hasSize(600);
    }

    @Test
    void the_pace_is_the_applications_commit_interval() {
        assertThat(InputProgress.pace(context(250))).isEqualTo(250);
        assertThat(InputProgress.pace(context(COMMIT_INTERVAL))).isEqualTo(COMMIT_INTERVAL);
    }

    private InputProgress started() {
        InputProgress progress = new InputProgress(CONFIG, lag);
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(-1); // no record yet
        InputStageStores.addTo(context);
        progress.init(context);
        return progress;
    }

    private List<Long> watermarks() {
        return context.forwarded().stream()
                .map(f -> (SignalFrame) f.record().value())
                .filter(SignalFrame::isWatermark)
                .map(SignalFrame::watermarkTime)
                .toList();
    }

    /** A record of event time {@code time} processed at wall time {@code wall}, as the task's stream time moves. */
    private void pipe(InputProgress progress, Instant time, long wall) {
        context.setCurrentSystemTimeMs(wall);
        context.setCurrentStreamTimeMs(time.toEpochMilli());
        context.setRecordMetadata(CONFIG.nodesTopic(), INPUT_TASK.partition(), offset++);
        progress.process(new Record<>("node/ip-10-0-1-23", new NodeDeleted("ip-10-0-1-23", time), time.toEpochMilli()));
    }

    private static MockProcessorContext<String, SignalFrame> context(long commitInterval) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "pacing");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
        return new MockProcessorContext<>(config, INPUT_TASK, null);
    }

    private static Map<TopicPartition, Long> offsets(long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        INPUTS.forEach(topic -> offsets.put(new TopicPartition(topic, INPUT_TASK.partition()), offset));
        return offsets;
    }
}
