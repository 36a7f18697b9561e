package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Kube;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.schemas.KubeEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * An input partition's watermark is its slowest topic's ({@link InputProgress}): a topic that has fallen silent holds
 * it at its own newest record for {@link InputProgress#QUIET_SOURCE}, then no longer; every topic is waited for again
 * when the partition resumes after that long a silence; and with the idle clock on, a topic read to its end follows
 * the wall clock, so a sparse or empty one delays no live decision.
 */
class SourceClockTest {

    static final AnalyzerConfig IDLE_CLOCK_OFF = AnalyzerConfig.defaults()
            .with(AnalyzerConfig.IDLE_ADVANCE_INTERVAL, "PT0S");
    static final AnalyzerConfig DEFAULTS = AnalyzerConfig.defaults();
    static final List<String> INPUTS = List.of(DEFAULTS.eventsTopic(), DEFAULTS.podsTopic(), DEFAULTS.nodesTopic(),
            DEFAULTS.podGroupsTopic());
    static final TaskId INPUT_TASK = new TaskId(0, 2);
    static final long T0 = Instant.parse("2025-06-02T08:00:00Z").toEpochMilli();
    static final long LATENESS = DEFAULTS.lateness().toMillis();
    static final long QUIET = InputProgress.QUIET_SOURCE.toMillis();

    /** Two of the inputs, where the other two would only hold the watermark for their quiet interval as well. */
    static final List<String> EVENTS_AND_PODS = List.of(DEFAULTS.eventsTopic(), DEFAULTS.podsTopic());

    private InputLag lag = InputLag.of(INPUTS);
    private final MockProcessorContext<String, SignalFrame> context = InputStageClock.context("source-clock", INPUT_TASK);
    private long offset;

    @Test
    void a_silent_topic_holds_the_watermark_at_its_newest_record_until_it_has_been_quiet_long_enough() {
        InputProgress progress = readToTheEnd(IDLE_CLOCK_OFF);
        pipe(progress, DEFAULTS.eventsTopic(), T0, 0);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        pipe(progress, DEFAULTS.nodesTopic(), T0, 0);
        pipe(progress, DEFAULTS.podGroupsTopic(), T0, 0);
        // the events producer runs a minute of event time ahead; the others' next records are still to come
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 60_000, 100);
        tick(QUIET - 100);

        assertThat(newestWatermark()).as("held by the silent topics").isEqualTo(T0 - LATENESS);

        tick(QUIET + 100);
        assertThat(newestWatermark()).as("quiet long enough: the events topic's").isEqualTo(T0 + 60_000 - LATENESS);
    }

    @Test
    void a_topic_whose_records_come_later_than_another_topics_newer_ones_is_not_behind_the_watermark() {
        lag = InputLag.of(EVENTS_AND_PODS);
        InputProgress progress = started(IDLE_CLOCK_OFF);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 30_000, 10);
        pipe(progress, DEFAULTS.podsTopic(), T0 + 1_000, 2_000); // seconds late on the wall clock, in time for its own

        assertThat(newestWatermark()).as("the pods topic's, not the task's stream time")
                .isEqualTo(T0 + 1_000 - LATENESS);
    }

    @Test
    void after_every_topic_was_silent_each_is_waited_for_again() {
        lag = InputLag.of(EVENTS_AND_PODS);
        InputProgress progress = readToTheEnd(IDLE_CLOCK_OFF);
        pipe(progress, DEFAULTS.eventsTopic(), T0, 0);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        tick(QUIET + 1_000); // both quiet: neither holds the other back
        context.resetForwards();

        // a restarted shipper: its events reach the task first, its pods a few seconds later
        long resumed = 2 * QUIET;
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 60_000, resumed);
        tick(resumed + 2_000);
        assertThat(newestWatermark()).as("the pods topic is waited for again").isNull();

        pipe(progress, DEFAULTS.podsTopic(), T0 + 59_000, resumed + 3_000);
        assertThat(newestWatermark()).isEqualTo(T0 + 59_000 - LATENESS);
    }

    @Test
    void neither_a_stream_thread_busy_elsewhere_nor_other_topics_records_make_a_topic_with_records_on_the_brokers_quiet() {
        lag = InputLag.of(EVENTS_AND_PODS);
        lag.observe(offsets(EVENTS_AND_PODS, 100), offsets(EVENTS_AND_PODS, 10)); // records of both not processed yet
        InputProgress progress = started(IDLE_CLOCK_OFF);
        tick(0);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 30_000, 10);
        tick(QUIET + 2_000); // the task had the thread again only now

        assertThat(newestWatermark()).as("held by the pods topic").isEqualTo(T0 - LATENESS);

        // the task processes events for the quiet interval while the pods topic's backlog waits on the brokers (Kafka
        // Streams gave a catching-up task minutes of one topic before another's): its records are coming, not quiet
        long wall = QUIET + 3_000;
        for (; wall <= 2 * QUIET + 3_000; wall += 500) {
            pipe(progress, DEFAULTS.eventsTopic(), T0 + 30_000 + wall, wall);
        }
        assertThat(newestWatermark()).as("held while the pods topic has records left").isEqualTo(T0 - LATENESS);

        // the brokers say the pods topic is read to its end: a gap in its traffic, and it has been silent long enough
        lag.observe(offsets(EVENTS_AND_PODS, 100), offsets(EVENTS_AND_PODS, 100), wall);
        tick(wall);
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 30_000 + wall, wall + 100);
        assertThat(newestWatermark()).as("no longer held").isGreaterThan(T0 + 30_000);
    }

    @Test
    void a_topic_is_quiet_by_the_wall_clock_only_once_the_brokers_said_so_after_its_last_record() {
        lag = InputLag.of(EVENTS_AND_PODS);
        lag.observe(offsets(EVENTS_AND_PODS, 10), offsets(EVENTS_AND_PODS, 10), 0); // read to the end, as of wall 0
        InputProgress progress = started(IDLE_CLOCK_OFF);
        tick(0);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        pipe(progress, DEFAULTS.eventsTopic(), T0 + 30_000, 0);
        tick(QUIET + 100); // nothing processed since, and no newer word from the brokers

        assertThat(newestWatermark()).as("held by the pods topic").isEqualTo(T0 - LATENESS);

        lag.observe(offsets(EVENTS_AND_PODS, 10), offsets(EVENTS_AND_PODS, 10), QUIET + 200);
        tick(QUIET + 300);
        assertThat(newestWatermark()).as("nothing left, said long enough after").isEqualTo(T0 + 30_000 - LATENESS);
    }

    @Test
    void with_the_idle_clock_on_a_sparse_or_empty_topic_read_to_its_end_holds_no_live_decision_back() {
        InputProgress progress = readToTheEnd(DEFAULTS);
        // live: event time follows the wall clock; a node heartbeat, then a second of events; pods and podgroups silent
        pipe(progress, DEFAULTS.nodesTopic(), T0, 0);
        for (long s = 0; s <= 3; s++) {
            pipe(progress, DEFAULTS.eventsTopic(), T0 + s * 1_000, s * 1_000);
        }
        tick(3_000);

        assertThat(newestWatermark()).isEqualTo(T0 + 3_000 - LATENESS);
    }

    /**
     * A topic with fewer partitions than the others ({@code k8s.podgroups} created with one partition, the task's
     * partition 2 of three): nothing of it is there to wait for, so it holds the watermark for no time at all.
     */
    @Test
    void a_topic_without_the_tasks_partition_holds_nothing_back() {
        Map<TopicPartition, Long> ends = offsets(List.of(DEFAULTS.eventsTopic(), DEFAULTS.podsTopic(),
                DEFAULTS.nodesTopic()), 0);
        ends.put(new TopicPartition(DEFAULTS.podGroupsTopic(), 0), 0L);
        lag.observe(ends, ends);
        assertThat(lag.caughtUp(DEFAULTS.podGroupsTopic(), INPUT_TASK.partition())).isTrue();
        assertThat(lag.caughtUp("k8s.unknown", INPUT_TASK.partition())).as("a topic not read yet").isFalse();

        InputProgress progress = started(DEFAULTS);
        tick(0);
        pipe(progress, DEFAULTS.eventsTopic(), T0, 0);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        pipe(progress, DEFAULTS.nodesTopic(), T0, 0);
        tick(250);

        assertThat(newestWatermark()).as("not held by the partition k8s.podgroups does not have").isNotNull()
                .isGreaterThanOrEqualTo(T0 - LATENESS);
    }

    /**
     * Two events of one pod in one second, the first held because no snapshot has named the pod's owner yet; the pods
     * topic turns quiet as the second comes (the stream thread's clock crossing the quiet interval between two of its
     * ticks). The second waits behind the first, so the correlator takes them in the order replay does (CrashIT once
     * opened an incident without the first: it reached the correlator after the second).
     */
    @Test
    void an_event_waits_behind_the_events_held_before_it_when_the_pods_topic_turns_quiet() {
        lag = InputLag.of(EVENTS_AND_PODS);
        // read to the end as of the quiet interval: the brokers' answer is newer than the stream thread's clock
        lag.observe(offsets(EVENTS_AND_PODS, 0), offsets(EVENTS_AND_PODS, 0), QUIET);
        InputProgress progress = started(IDLE_CLOCK_OFF);
        pipe(progress, DEFAULTS.podsTopic(), T0, 0);
        tick(QUIET - 1);
        String pod = "triton-79569cfbbc-m2wcc";
        String workload = Kube.CLUSTER + "/inference/Deployment/triton";
        Instant at = Instant.ofEpochMilli(T0 + 10_000);
        pipeEvent(progress, workload, Kube.podEvent(pod, "Warning", "Failed", "Failed to pull image \"triton:24.05\": "
                + "no space left on device", at, "u-1", "node-1"), QUIET - 1);
        assertThat(forwardedSignals()).as("held: the pod's owner is not known and the pods topic not past it").isEmpty();
        pipeEvent(progress, workload, Kube.podEvent(pod, "Warning", "Failed", "Error: ErrImagePull", at, "u-2", "node-1"),
                QUIET);

        assertThat(forwardedSignals()).extracting(e -> e.event().getMessage())
                .containsExactly("Failed to pull image \"triton:24.05\": no space left on device", "Error: ErrImagePull");
    }

    private void pipeEvent(InputProgress progress, String key, KubeEvent event, long wall) {
        context.setCurrentSystemTimeMs(wall);
        long time = event.getLastTimestamp().toEpochMilli();
        context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), time));
        context.setRecordMetadata(DEFAULTS.eventsTopic(), INPUT_TASK.partition(), offset++);
        progress.process(new Record<>(key, EventSignal.of(event), time));
    }

    private List<EventSignal> forwardedSignals() {
        return context.forwarded().stream()
                .map(f -> (SignalFrame) f.record().value())
                .filter(f -> !f.isWatermark())
                .map(SignalFrame::signal)
                .filter(EventSignal.class::isInstance)
                .map(EventSignal.class::cast)
                .toList();
    }

    /** Started with every input topic's partition processed to its end, as {@link InputLag} says on its tick. */
    private InputProgress readToTheEnd(AnalyzerConfig config) {
        lag.observe(offsets(lag.topics(), 0), offsets(lag.topics(), 0));
        InputProgress progress = started(config);
        tick(0);
        return progress;
    }

    private InputProgress started(AnalyzerConfig config) {
        InputProgress progress = new InputProgress(config, lag);
        context.setCurrentSystemTimeMs(0);
        context.setCurrentStreamTimeMs(-1);
        InputStageStores.addTo(context);
        progress.init(context);
        return progress;
    }

    private void pipe(InputProgress progress, String topic, long time, long wall) {
        InputStageClock.pipe(context, progress, topic, offset++, time, wall);
    }

    private void tick(long wall) {
        InputStageClock.tick(context, wall);
    }

    private Long newestWatermark() {
        return InputStageClock.newestWatermark(context);
    }

    private static Map<TopicPartition, Long> offsets(List<String> topics, long offset) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        topics.forEach(topic -> offsets.put(new TopicPartition(topic, INPUT_TASK.partition()), offset));
        return offsets;
    }
}
