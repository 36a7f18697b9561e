package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.signal.SignalFrame;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/**
 * A backlog that was on the brokers before the analyzer started (downtime, a restart) is not held for {@link
 * InputProgress#QUIET_SOURCE} by a topic read to its end: records appended that long before the brokers said the topic
 * had nothing left ({@link InputLag#settledBelow}) are behind nothing its producer may still send. Records appended
 * since are held as before, and a topic with records left on the brokers holds the watermark whatever the others'.
 */
class SettledBacklogTest {

    static final AnalyzerConfig DEFAULTS = AnalyzerConfig.defaults();
    static final List<String> INPUTS = List.of(DEFAULTS.eventsTopic(), DEFAULTS.podsTopic(), DEFAULTS.nodesTopic(),
            DEFAULTS.podGroupsTopic());
    static final List<String> WITH_RECORDS = INPUTS.subList(0, 3);
    static final TaskId INPUT_TASK = new TaskId(0, 1);
    static final long T0 = Instant.parse("2025-06-02T08:00:00Z").toEpochMilli();
    static final long LATENESS = DEFAULTS.lateness().toMillis();
    static final long BACKLOG = 100;

    private final InputLag lag = InputLag.of(INPUTS);
    private final MockProcessorContext<String, SignalFrame> context = InputStageClock.context("settled-backlog", INPUT_TASK);
    private final Map<String, Long> offsets = new HashMap<>();

    @Test
    void a_backlog_appended_before_the_start_is_not_held_by_an_empty_topic() {
        // k8s.podgroups has no record at all (a cluster without gang schedulers); the others a backlog shipped long ago
        lag.observe(ends(BACKLOG), committed(0), 0, settledBelow(BACKLOG));
        InputProgress progress = started();
        pipeAMinuteOfEachTopic(progress);
        tick(500);

        assertThat(newestWatermark()).as("the backlog's own progress, half a second after the start")
                .isEqualTo(T0 + 60_000 - LATENESS);
    }

    @Test
    void records_appended_within_the_quiet_interval_are_held_by_an_empty_topic_as_before() {
        // the same records, shipped into the running analyzer: none had been on the brokers long enough
        lag.observe(ends(BACKLOG), committed(0), 0, settledBelow(0));
        InputProgress progress = started();
        pipeAMinuteOfEachTopic(progress);
        tick(500);

        assertThat(newestWatermark()).as("held where the empty topic's clock is, half a second after the start")
                .isLessThanOrEqualTo(T0 + 500 - LATENESS);
    }

    @Test
    void a_topic_with_records_left_on_the_brokers_holds_the_watermark_whatever_the_others_have_settled() {
        lag.observe(ends(BACKLOG), committed(0), 0, settledBelow(BACKLOG));
        InputProgress progress = started();
        pipe(progress, DEFAULTS.podsTopic(), T0 + 10_000, 0);
        for (long s = 0; s <= 60; s += 10) {
            pipe(progress, DEFAULTS.eventsTopic(), T0 + s * 1_000, s);
            pipe(progress, DEFAULTS.nodesTopic(), T0 + s * 1_000, s);
        }
        tick(500);

        assertThat(newestWatermark()).as("the pods topic's newest, its backlog still coming")
                .isEqualTo(T0 + 10_000 - LATENESS);
    }

    private void pipeAMinuteOfEachTopic(InputProgress progress) {
        for (long s = 0; s <= 60; s += 10) {
            for (String topic : WITH_RECORDS) {
                pipe(progress, topic, T0 + s * 1_000, s);
            }
        }
    }

    private InputProgress started() {
        InputProgress progress = new InputProgress(DEFAULTS, lag);
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(-1);
        InputStageStores.addTo(context);
        progress.init(context);
        tick(0);
        return progress;
    }

    private void pipe(InputProgress progress, String topic, long time, long wall) {
        InputStageClock.pipe(context, progress, topic, offsets.merge(topic, 1L, Long::sum) - 1, time, wall);
    }

    private void tick(long wall) {
        InputStageClock.tick(context, wall);
    }

    private Long newestWatermark() {
        return InputStageClock.newestWatermark(context);
    }

    /** The backlog on the brokers: {@code records} of every topic but k8s.podgroups, which has none. */
    private static Map<TopicPartition, Long> ends(long records) {
        Map<TopicPartition, Long> ends = perTopic(WITH_RECORDS, records);
        ends.put(new TopicPartition(DEFAULTS.podGroupsTopic(), INPUT_TASK.partition()), 0L);
        return ends;
    }

    private static Map<TopicPartition, Long> committed(long offset) {
        return perTopic(INPUTS, offset);
    }

    /** Every topic's records below {@code offset} appended long enough before the brokers' answer. */
    private static Map<TopicPartition, Long> settledBelow(long offset) {
        Map<TopicPartition, Long> settled = perTopic(WITH_RECORDS, offset);
        settled.put(new TopicPartition(DEFAULTS.podGroupsTopic(), INPUT_TASK.partition()), 0L);
        return settled;
    }

    private static Map<TopicPartition, Long> perTopic(List<String> topics, long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        topics.forEach(topic -> offsets.put(new TopicPartition(topic, INPUT_TASK.partition()), offset));
        return offsets;
    }
}
