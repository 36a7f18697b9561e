package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.detect.Detectors;
import dev.incidents.analyzer.detect.SubjectView;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.NodeSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The correlating processor: signals keyed by subject in, incident transitions keyed by incident id out.
 *
 * <p>Time. Everything is decided on event time. The processor's clock is the highest record time seen; a
 * stream-time punctuator sweeps the subjects whose next deadline (grace end, quiet end, due update, retention) has
 * passed, found through the {@code deadlines} index store rather than a scan of every subject. Two cases move the
 * clock without a record:
 * <ol>
 *   <li>End of a replay: the replay driver advances its mock wall clock just past the longest grace; the idle
 *       punctuator below turns that into event time, so pending detections fire and still-failing incidents are
 *       reported as they stood (the quiet period is not reached).</li>
 *   <li>Live, a cluster going quiet: the same wall-clock punctuator advances the event clock by the wall time
 *       elapsed since the last record, so a pending detection still fires. In replay the driver's wall clock does
 *       not move while records are piped, so results depend on event time only.</li>
 * </ol>
 */
public final class Correlator implements Processor<String, Signal, String, Incident> {

    private final AnalyzerConfig config;
    private final IncidentLifecycle lifecycle;
    private final String subjectsStoreName;
    private final String deadlinesStoreName;
    private final String incidentsStoreName;
    private final String nodesStoreName;

    private ProcessorContext<String, Incident> context;
    private KeyValueStore<String, SubjectState> subjects;
    private KeyValueStore<String, String> deadlines;
    private KeyValueStore<String, Incident> incidents;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> nodes;
    private IncidentStore incidentStore;

    private long clock = Long.MIN_VALUE;
    private long lastRecordTime = Long.MIN_VALUE;
    private long wallAtLastRecord;
    /** Earliest deadline in the store, or lower (a deleted one): a record past it sweeps. Unknown at start: scan. */
    private long nextDue = Long.MIN_VALUE;
    private long lastResolvedPurge = Long.MIN_VALUE;

    public Correlator(AnalyzerConfig config, HintCatalog catalog, String subjectsStore, String deadlinesStore,
                      String incidentsStore, String nodesStore) {
        this.config = config;
        this.lifecycle = new IncidentLifecycle(config, Detectors.all(config.nodeDiskWorkloads()), catalog);
        this.subjectsStoreName = subjectsStore;
        this.deadlinesStoreName = deadlinesStore;
        this.incidentsStoreName = incidentsStore;
        this.nodesStoreName = nodesStore;
    }

    @Override
    public void init(ProcessorContext<String, Incident> context) {
        this.context = context;
        this.subjects = context.getStateStore(subjectsStoreName);
        this.deadlines = context.getStateStore(deadlinesStoreName);
        this.incidents = context.getStateStore(incidentsStoreName);
        this.nodes = context.getStateStore(nodesStoreName);
        this.incidentStore = new IncidentStore() {
            @Override
            public Incident get(String id) {
                return incidents.get(id);
            }

            @Override
            public void put(String id, Incident incident) {
                incidents.put(id, incident);
            }
        };
        this.wallAtLastRecord = context.currentSystemTimeMs();
        context.schedule(config.checkInterval(), PunctuationType.STREAM_TIME, this::sweep);
        Duration idle = config.idleAdvanceInterval();
        if (!idle.isZero() && !idle.isNegative()) {
            context.schedule(idle, PunctuationType.WALL_CLOCK_TIME, this::advanceIdleClock);
        }
    }

    @Override
    public void process(Record<String, Signal> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        PipelineMeters.signal(record.value().getClass().getSimpleName());
        long time = record.timestamp();
        if (time > clock && time >= nextDue) {
            // Event time moved past a deadline: fire it now rather than at the next check-interval punctuation,
            // so a candidate that waits for its moment to pass opens with the next record of any subject.
            sweep(time);
        }
        clock = Math.max(clock, time);
        lastRecordTime = Math.max(lastRecordTime, time);
        wallAtLastRecord = context.currentSystemTimeMs();
        Subject subject = Subject.parse(record.key());
        SubjectState state = subjects.get(record.key());
        if (state == null) {
            state = new SubjectState();
        }
        SubjectView view = view(subject, state);
        lifecycle.observe(subject, state, record.value(), view);
        emit(lifecycle.evaluate(subject, state, clock, view, incidentStore), clock);
        save(record.key(), state);
    }

    /** Wall-clock punctuation: once input goes quiet, event time moves on by the wall time elapsed since the last record. */
    private void advanceIdleClock(long wallNow) {
        if (lastRecordTime == Long.MIN_VALUE) {
            return;
        }
        long quiet = wallNow - wallAtLastRecord;
        if (quiet < config.idleAdvanceInterval().toMillis()) {
            // Records are still arriving: stream time is moving on its own, and jumping ahead of it would cut
            // grace periods short for records that are merely a little behind.
            return;
        }
        long advanced = lastRecordTime + (long) (quiet * config.idleAdvanceRate());
        if (advanced > clock) {
            clock = advanced;
            sweep(advanced);
        }
    }

    private void sweep(long streamTime) {
        long now = Math.max(clock, streamTime);
        clock = now;
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.range(DeadlineKey.FIRST, DeadlineKey.upTo(now))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                due.add(entry.value);
            }
        }
        for (String key : due) {
            SubjectState state = subjects.get(key);
            if (state == null) {
                continue;
            }
            Subject subject = Subject.parse(key);
            emit(lifecycle.evaluate(subject, state, now, view(subject, state), incidentStore), now);
            if (lifecycle.expired(state, now)) {
                deadlines.delete(state.deadlineKey);
                subjects.delete(key);
            } else {
                save(key, state);
            }
        }
        purgeResolvedIncidents(now);
        nextDue = earliestDeadline();
    }

    private long earliestDeadline() {
        try (KeyValueIterator<String, String> it = deadlines.range(DeadlineKey.FIRST, DeadlineKey.upTo(DeadlineKey.LAST))) {
            return it.hasNext() ? DeadlineKey.time(it.next().key) : Long.MAX_VALUE;
        }
    }

    /** RESOLVED incidents stay (for occurrence numbering) for the resolved retention, then leave the store. */
    private void purgeResolvedIncidents(long now) {
        long retention = config.resolvedRetention().toMillis();
        if (lastResolvedPurge != Long.MIN_VALUE && now - lastResolvedPurge < Math.min(retention, Duration.ofHours(1).toMillis())) {
            return;
        }
        lastResolvedPurge = now;
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Incident> it = incidents.all()) {
            while (it.hasNext()) {
                KeyValue<String, Incident> e = it.next();
                if (e.value.getStatus() == IncidentStatus.RESOLVED
                        && e.value.getLastSeen().toEpochMilli() + retention <= now) {
                    expired.add(e.key);
                }
            }
        }
        expired.forEach(incidents::delete);
    }

    private void save(String key, SubjectState state) {
        OptionalLong next = lifecycle.nextDeadline(state, clock);
        String deadlineKey = next.isPresent() ? DeadlineKey.of(next.getAsLong(), key) : null;
        if (state.deadlineKey != null && !state.deadlineKey.equals(deadlineKey)) {
            deadlines.delete(state.deadlineKey);
        }
        if (deadlineKey != null) {
            deadlines.put(deadlineKey, key);
            nextDue = Math.min(nextDue, next.getAsLong());
        }
        state.deadlineKey = deadlineKey;
        subjects.put(key, state);
    }

    private void emit(List<Incident> transitions, long time) {
        for (Incident incident : transitions) {
            PipelineMeters.transition(incident);
            context.forward(new Record<>(incident.getId(), incident, time));
        }
    }

    private SubjectView view(Subject subject, SubjectState state) {
        Supplier<List<NodeSnapshot>> clusterNodes = () -> {
            List<NodeSnapshot> out = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<NodeSnapshot>> it =
                         nodes.prefixScan(subject.cluster() + "/", new StringSerializer())) {
                while (it.hasNext()) {
                    ValueAndTimestamp<NodeSnapshot> v = it.next().value;
                    if (v != null && v.value() != null) {
                        out.add(v.value());
                    }
                }
            }
            return out;
        };
        return new SubjectView(subject, state.pods, clusterNodes, state.acceleratorsAdvertised,
                state.acceleratorsExpected);
    }

    /** Keys of the deadline index: zero-padded epoch millis, so byte order is time order. */
    static final class DeadlineKey {
        static final String FIRST = "0000000000000|";

        private DeadlineKey() {
        }

        static final long LAST = 9_999_999_999_999L;

        static long time(String key) {
            return Long.parseLong(key.substring(0, key.indexOf('|')));
        }

        static String of(long time, String subjectKey) {
            return String.format("%013d|%s", Math.max(0, time), subjectKey);
        }

        /** Upper bound (inclusive) of every key due at or before {@code time}. */
        static String upTo(long time) {
            return String.format("%013d|\uffff", Math.max(0, time));
        }
    }
}
