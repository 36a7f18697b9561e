package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.PodOwners;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.analyzer.signal.SignalFrames;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The last step before {@code signals-by-subject}: frames each signal with the input partition it came from, and
 * tells every correlator task how far that partition has got (a watermark: its clock minus the lateness bound).
 *
 * <p>Why: the correlator of a subject reads signals that were routed from every input partition, each consumed at
 * its own pace (catch-up after downtime, a lagging partition, a rebalance). Its clock must be the slowest of them, or
 * a deadline fires while older evidence of the same subject is still in flight.
 *
 * <p>Live, a partition's watermark is that of its slowest <em>source</em>, an input topic's partition
 * ({@link Source}): {@code analyze} runs with {@code max.task.idle.ms} 0, so Kafka Streams merges a task's topics in
 * timestamp order only as far as their records are on the brokers (KIP-695), and a topic whose producer is seconds
 * behind another's reaches the task after that topic's newer records. Judged by the task's stream time those records
 * would be late (thousands of late signals in {@code demo --partitions 3}); judged by their own topic's progress they
 * are not. A source holds the watermark at its own newest record (moved on with the wall clock while it is processed
 * to its end, {@link InputLag}, and the idle clock is on) until it has been quiet for {@link #QUIET_SOURCE}, counted
 * from its partition's start or resumption at most; a source that never had a record counts as one whose newest
 * record started its partition, for that long, then not. A source read to its end holds no record that had been on the
 * brokers that long when they said so ({@link #settledTime}): a backlog shipped before a restart is not held. Replay
 * ({@link InputLag#ALWAYS}: records piped in event-time order across topics) keeps the task's stream time.
 *
 * <p>A watermark goes out when it has moved by {@link #STEP} of event time, and on a wall-clock tick when it has
 * moved at all (live latency). While the task is behind (a backlog on the broker, {@link InputLag}), a step's
 * watermark waits until a commit interval of wall time has passed since the last one ({@link #pace}). When the
 * partition has had no record for {@code incidents.idle.advance.interval} of wall time, its clock moves on with the wall clock ({@code x incidents.idle.advance.rate}): a quiet cluster still
 * reaches its deadlines. A partition that never had a record says so ({@link SignalFrames#NO_DATA}). Quiet counts
 * only while the partition is processed to its end ({@link InputLag}): a backlog is not a quiet cluster.
 *
 * <p>It also learns each pod's owner from the pods topic's signals ({@link PodOwners}) and, live, holds an event of a
 * pod whose owner is not known yet until the pods topic has passed the event's time ({@link HeldPodEvents}): then the
 * event goes to the workload the pod's snapshots name, as in event-time order, not to the one its name suggests. The
 * pods topic is one of the sources the watermark waits for, so a held event is never behind a watermark already sent.
 */
public final class InputProgress implements Processor<String, Signal, String, SignalFrame> {

    /** Event time between two watermarks while records flow. */
    static final long STEP = Duration.ofSeconds(1).toMillis();
    /**
     * Wall-clock tick that publishes sub-step progress and drives the idle clock. Live, a decision waits for the
     * watermark to pass its evidence: up to one tick after the lateness bound has, so the tick is part of the latency
     * (issue #12: 1 s made p50 3.0 s with the 2 s bound). Four watermarks a second per input task cost nothing
     * measurable; while records flow, {@link #STEP} still paces them.
     */
    static final Duration TICK = Duration.ofMillis(250);
    /**
     * Wall time after which an input topic's partition with no new record no longer holds its partition's watermark
     * back ({@link #quiet}), also with the idle clock off (the demo, which ends its input with a marker on the events
     * topic only). The value {@code max.task.idle.ms} had, for the same reason: a recording shipped at full speed into
     * a running analyzer has one topic's records reach a task seconds after another's, and at 5 s three of seven
     * {@code demo --partitions 3} runs on 51.7k records (load 4-6) made late signals (413, 2 and 3,993). Its cost: the correlator's clock waits this long at the end of a
     * catch-up for the topic that ends first in event time, where the input task waited before (the input itself is
     * now consumed without the wait).
     */
    public static final Duration QUIET_SOURCE = Duration.ofSeconds(10);

    private final long lateness;
    private final InputLag inputLag;
    /** Wall time between two step watermarks while the task is behind: the commit interval (see {@link #pace}). */
    private long pace;
    private final long idleAfter;
    private final double idleRate;
    private final long quietSource = QUIET_SOURCE.toMillis();
    /** The store of {@link HeldPodEvents}. */
    public static final String HELD_STORE = HeldPodEvents.STORE;
    private final String podsTopic;
    private final String eventsTopic;
    private PodOwners owners;
    private HeldPodEvents held;

    private ProcessorContext<String, SignalFrame> context;
    private int partition;
    /** Progress per input topic of this task's partition (live only, see the class comment). */
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private long lastRecordTime = Long.MIN_VALUE;
    /** Wall time of the last record of any topic (not reset by the backlog gate, as {@link #wallAtLastRecord} is). */
    private long wallAtAnyRecord;
    /**
     * Event and wall time of the record that started the partition, or resumed it after {@link #QUIET_SOURCE} of
     * silence on every topic (a restart, a shipper or broker outage): from then, every topic is waited for again.
     */
    private long resumedTime = Long.MIN_VALUE;
    private long resumedWall;
    private long wallAtLastRecord;
    private long published = Long.MIN_VALUE;
    private long wallAtPublish;
    private boolean announcedEmpty;

    public InputProgress(AnalyzerConfig config, InputLag inputLag) {
        this.inputLag = inputLag;
        this.lateness = config.lateness().toMillis();
        Duration idle = config.idleAdvanceInterval();
        this.idleAfter = idle.isZero() || idle.isNegative() ? Long.MAX_VALUE : idle.toMillis();
        this.idleRate = config.idleAdvanceRate();
        this.podsTopic = config.podsTopic();
        this.eventsTopic = config.eventsTopic();
    }

    @Override
    public void init(ProcessorContext<String, SignalFrame> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.wallAtLastRecord = context.currentSystemTimeMs();
        this.pace = pace(context);
        this.owners = PodOwners.of(context);
        this.held = new HeldPodEvents(context.getStateStore(HELD_STORE));
        if (!inputLag.inEventTimeOrder()) {
            for (String topic : inputLag.topics()) {
                sources.put(topic, new Source(topic, wallAtLastRecord));
            }
            owners.restoreDeleted();
        }
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, Signal> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        long wallNow = context.currentSystemTimeMs();
        String topic = topic();
        if (topic.equals(podsTopic)) {
            // what was held from before this snapshot goes by the owners known before it, as in event-time order
            releaseBefore(record.timestamp());
            owners.follow(record.key(), record.value(), record.timestamp(), !sources.isEmpty());
        }
        Optional<String> pod = sources.isEmpty() ? Optional.empty() : podOfEvent(record);
        // an event whose pod's owner is not known yet waits for the pods topic; one at or after an event still held
        // waits behind it, owner known or not: released first, the held one would reach the correlator after it (a
        // pods topic that turned quiet between two events of one second let the second through, and an incident
        // opened without the first, found by CrashIT)
        boolean unowned = pod.isPresent() && owners.subjectOf(pod.get(), record.timestamp()).isEmpty()
                && podsProgress(wallNow) <= record.timestamp();
        if (unowned || pod.isPresent() && held.earliest() <= record.timestamp()) {
            held.hold(record.timestamp(), pod.get(), record.key(), SignalFrame.of(partition, record.value()).bytes());
            if (unowned) {
                PipelineMeters.heldForOwner();
            }
        } else {
            context.forward(record.withValue(SignalFrame.of(partition, record.value())));
        }
        if (!sources.isEmpty()) {
            seen(record, topic, wallNow);
            releaseBefore(podsProgress(wallNow));
            Source events = sources.get(eventsTopic);
            if (events != null && events.newest != Long.MIN_VALUE) {
                owners.purgeDeletedBefore(events.newest - lateness); // no event to come is older than that
            }
        }
        lastRecordTime = Math.max(lastRecordTime, record.timestamp());
        wallAtLastRecord = wallNow;
        long clock = sources.isEmpty() ? streamTime() : slowestSource(streamTime(), wallNow);
        if (clock == Long.MIN_VALUE) {
            return; // a source not heard from yet holds the watermark
        }
        long mark = clock - lateness;
        if (published == Long.MIN_VALUE || mark - published >= STEP && paced()) {
            publish(mark, record.timestamp());
        }
    }

    /**
     * Whether a step's watermark may go out now. Catching up, a task runs through minutes of event time per second:
     * one watermark per second of it was a third of {@code signals-by-subject} (27k of 80k records for a 50k-record
     * backlog), each to every correlator partition, each read, decoded and stored there. Under exactly-once a
     * correlator sees a transaction's records only when it commits, so of the watermarks a task sends between two
     * commits only the last one moves any correlator's clock: one per commit interval loses nothing. Caught up, the
     * step is kept (replay, whose driver has no wall clock, and live, where event time follows the wall clock anyway).
     * The wall-clock tick still publishes what the paced steps held back.
     */
    private boolean paced() {
        return context.currentSystemTimeMs() - wallAtPublish >= pace || inputLag.caughtUp(context.taskId());
    }

    /** The application's commit interval (Kafka Streams puts its default, 100 ms under exactly-once, in the configs). */
    static long pace(ProcessorContext<?, ?> context) {
        Object interval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return interval == null ? TICK.toMillis() : Long.parseLong(interval.toString().trim());
    }

    private void tick(long wallNow) {
        long streamTime = streamTime();
        // Quiet is idle only when nothing is left on the broker: a partition catching up after downtime can go
        // seconds without a record while its backlog waits, and moving its clock then would make that backlog late.
        if (!inputLag.caughtUp(context.taskId())) {
            wallAtLastRecord = wallNow;
        }
        // what was appended long enough ago first, then the lag: that is at least as recent (InputLag#settledBelow)
        for (Source source : sources.values()) {
            source.settle(inputLag.settledBelow(source.topic, partition));
        }
        long observedAt = inputLag.observedAt();
        for (Source source : sources.values()) {
            source.caughtUp = inputLag.caughtUp(source.topic, partition);
            source.caughtUpAsOf = observedAt;
        }
        if (!held.isEmpty()) {
            releaseBefore(podsProgress(wallNow));
        }
        if (streamTime == Long.MIN_VALUE) {
            if (wallNow - wallAtLastRecord >= idleAfter && !announcedEmpty) {
                announcedEmpty = true; // nothing here: no correlator should wait for this partition
                publish(SignalFrames.NO_DATA, 0);
            }
            return;
        }
        long quiet = wallNow - wallAtLastRecord;
        long idle = quiet >= idleAfter ? streamTime + (long) (quiet * idleRate) : streamTime;
        long clock = sources.isEmpty() ? idle : slowestSource(idle, wallNow);
        if (clock == Long.MIN_VALUE) {
            return;
        }
        long mark = clock - lateness;
        if (mark > published) {
            publish(mark, clock);
        }
    }

    private String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse("");
    }

    /** The pod an event routed to a workload is about; empty for any other signal. */
    private static Optional<String> podOfEvent(Record<String, Signal> record) {
        if (!(record.value() instanceof EventSignal event) || Subject.parse(record.key()).isNode()) {
            return Optional.empty();
        }
        return PodOwners.podKeyOf(event);
    }

    /**
     * How far the partition's pods topic has got, as the watermark counts it ({@link #slowestSource}): its newest
     * snapshot, or further with the wall clock; Long.MAX_VALUE once it is quiet (no longer waited for), or when there
     * is no pods topic.
     */
    private long podsProgress(long wallNow) {
        Source pods = sources.get(podsTopic);
        if (pods == null || quiet(pods, wallNow)) {
            return Long.MAX_VALUE;
        }
        return progress(pods, wallNow);
    }

    /**
     * Routes the events held from before {@code time}, each with its own time, to the owner known for its pod now.
     * Strictly before: the pods topic's snapshots of an event's own millisecond may still come, and in a recording
     * the snapshot a scheduler or kubelet wrote with its event comes first.
     */
    private void releaseBefore(long time) {
        held.release(time == Long.MIN_VALUE ? time : time - 1, owners::subjectOf, (key, frame, eventTime) ->
                context.forward(new Record<>(key, SignalFrame.read(frame), eventTime)));
    }

    /** Notes a record's source: its newest event time and when it was last heard from. */
    private void seen(Record<String, Signal> record, String topic, long wallNow) {
        if (resumedTime == Long.MIN_VALUE || wallNow - wallAtAnyRecord >= quietSource) {
            // The partition starts, or resumes after every topic was silent (a shipper restarted, a broker came
            // back): the producers of its other topics may be about to send; wait for them from now, as from the start.
            resumedTime = record.timestamp();
            resumedWall = wallNow;
            for (Source source : sources.values()) {
                source.waitedFrom = wallNow;
            }
        }
        wallAtAnyRecord = wallNow;
        Source source = sources.computeIfAbsent(topic, t -> new Source(t, wallNow));
        source.newest = Math.max(source.newest, record.timestamp());
        source.wallAtLast = wallNow;
        source.waitedFrom = wallNow;
        source.processed(context.recordMetadata().map(RecordMetadata::offset).orElse(Long.MAX_VALUE),
                record.timestamp());
    }

    /**
     * The partition's clock as its slowest source has it, at most {@code clock} (the task's stream time, or past it
     * by the idle clock when every topic is quiet and read to its end); Long.MIN_VALUE while a source that has not
     * had a record yet is still waited for.
     */
    private long slowestSource(long clock, long wallNow) {
        long slowest = clock;
        for (Source source : sources.values()) {
            if (quiet(source, wallNow)) {
                continue;
            }
            long progress = progress(source, wallNow);
            if (progress == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            slowest = Math.min(slowest, progress);
        }
        return slowest;
    }

    /**
     * How far a source that is still waited for has got. With the idle clock on, a source processed to its end has
     * sent what happened up to now (live, event time follows the wall clock: the idle clock's own assumption), so a
     * sparse topic holds nothing back; one that has had no record yet counts from the record that started its
     * partition (live, an empty k8s.podgroups). With the idle clock off (a recording shipped into the analyzer: its
     * event time does not follow the wall clock) a source holds the watermark at its newest record for QUIET_SOURCE.
     * Long.MIN_VALUE: no record yet, and waited for.
     */
    private long progress(Source source, long wallNow) {
        long own = ownProgress(source, wallNow);
        return source.caughtUp ? Math.max(own, settledTime()) : own;
    }

    private long ownProgress(Source source, long wallNow) {
        boolean followsWallClock = source.caughtUp && idleAfter != Long.MAX_VALUE;
        if (source.newest != Long.MIN_VALUE) {
            return followsWallClock ? source.newest + (long) ((wallNow - source.wallAtLast) * idleRate) : source.newest;
        }
        if (followsWallClock && resumedTime != Long.MIN_VALUE) {
            return resumedTime + (long) ((wallNow - resumedWall) * idleRate);
        }
        return Long.MIN_VALUE;
    }

    /**
     * The newest event time among this partition's records (of any topic) that had been on the brokers for {@link
     * #QUIET_SOURCE} when the brokers last said which topics were read to their end ({@link InputLag#settledBelow}).
     * A topic read to its end then is behind no such record: its producer, were it a topic's QUIET_SOURCE behind the
     * others (the wait {@link #quiet} allows a silent topic), would have appended what it had of that time by then.
     * So a backlog already on the brokers when the task started, as after downtime, is not held QUIET_SOURCE by a topic
     * that has no record (an empty {@code k8s.podgroups}) or that ended first, while records appended since, as by a
     * recording shipped into a running analyzer, are held as before.
     */
    private long settledTime() {
        long settled = Long.MIN_VALUE;
        for (Source source : sources.values()) {
            settled = Math.max(settled, source.settledNewest);
        }
        return settled;
    }

    /**
     * Whether a source has said nothing for {@link #QUIET_SOURCE} and is no longer waited for, and the brokers, last
     * asked, had nothing of it left: while its task processed other topics' records (as Kafka Streams'
     * {@code max.task.idle.ms} waited for a partition read to its end), or,
     * when the task has nothing to process, by the wall clock once the brokers, asked at least that long after its
     * last record, said it had nothing left. Not by the wall clock alone: a stream thread busy elsewhere for seconds,
     * or a lag read seconds old, is not a quiet topic (a wall-clock release at 5 s made 413 late signals in one demo run).
     * A topic with records left on the brokers is never quiet: catching up, Kafka Streams gave a task minutes of one
     * topic's records while another's backlog waited, and calling that one quiet after 10 s routed pod events before
     * their pods' snapshots (session 10: the pods topic 36 min of event time behind, its backlog unread).
     */
    private boolean quiet(Source source, long wallNow) {
        if (!source.caughtUp) {
            return false; // records on the brokers that the task has not been given yet: they are coming
        }
        if (wallAtAnyRecord - source.waitedFrom >= quietSource) {
            return true;
        }
        return source.caughtUpAsOf - source.waitedFrom >= quietSource && wallNow - source.waitedFrom >= quietSource;
    }

    /** The task's stream time (restored with the committed offsets after a restart), else the records seen. */
    private long streamTime() {
        long streamTime = context.currentStreamTimeMs();
        long known = streamTime < 0 ? Long.MIN_VALUE : streamTime;
        return Math.max(known, lastRecordTime);
    }

    private void publish(long mark, long recordTime) {
        if (mark != SignalFrames.NO_DATA) {
            published = mark;
            wallAtPublish = context.currentSystemTimeMs();
        }
        context.forward(new Record<>(SignalFrames.WATERMARK_KEY, SignalFrame.watermark(partition, mark),
                Math.max(0, recordTime)));
    }

    /**
     * One input topic's partition, as far as this task has processed it. Its own clock, so a topic whose records reach
     * the task after another topic's newer ones is not behind the task's stream time but its own.
     */
    private static final class Source {
        final String topic;
        long newest = Long.MIN_VALUE;
        /** Wall time of its last record. */
        long wallAtLast;
        /**
         * Wall time since when it is waited for: its last record, or its partition's start or resumption. Not reset
         * while the source has a backlog:
         * what is on the brokers Kafka Streams merges in timestamp order (it waits for a partition with lag > 0), so a
         * backlog whose next record is hours ahead (a gap in the cluster's traffic) holds the clock for
         * {@link #QUIET_SOURCE}, not for the hours the other topics take to get there.
         */
        long waitedFrom;
        /** Processed and committed to its end, as {@link InputLag} last said (refreshed on every tick). */
        boolean caughtUp;
        /** Wall time of the brokers' answer {@link #caughtUp} is from. */
        long caughtUpAsOf = Long.MIN_VALUE;

        /** The brokers' {@link InputLag#settledBelow} for this source, as last read. */
        long settledBelow;
        /** Newest event time of its processed records below {@link #settledBelow}. */
        long settledNewest = Long.MIN_VALUE;
        /**
         * Processed records not below {@link #settledBelow} yet, in runs: the last offset of a run and its newest event
         * time. Live, about QUIET_SOURCE of the topic's records in runs of {@link #RUN}; catching up, the first
         * records the task processed before the brokers' first answer.
         */
        private final ArrayDeque<long[]> unsettled = new ArrayDeque<>();
        private long runLast = -1;
        private long runNewest = Long.MIN_VALUE;
        private int runLength;

        Source(String topic, long wallNow) {
            this.topic = topic;
            this.wallAtLast = wallNow;
            this.waitedFrom = wallNow;
        }

        void processed(long offset, long time) {
            if (offset < settledBelow) {
                settledNewest = Math.max(settledNewest, time);
                return;
            }
            runLast = offset;
            runNewest = Math.max(runNewest, time);
            if (++runLength >= RUN) {
                endRun();
            }
        }

        /** Takes the brokers' word: the runs now wholly below {@code below} are settled. */
        void settle(long below) {
            endRun();
            settledBelow = Math.max(settledBelow, below);
            while (!unsettled.isEmpty() && unsettled.peekFirst()[0] < settledBelow) {
                settledNewest = Math.max(settledNewest, unsettled.pollFirst()[1]);
            }
        }

        private void endRun() {
            if (runLength > 0) {
                unsettled.addLast(new long[] {runLast, runNewest});
                runLength = 0;
                runNewest = Long.MIN_VALUE;
            }
        }
    }

    /** Records per run of {@link Source#unsettled}. */
    private static final int RUN = 128;
}
