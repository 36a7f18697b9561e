package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.PipelineMeters;
import dev.incidents.analyzer.Subject;
import dev.incidents.analyzer.detect.Detectors;
import dev.incidents.analyzer.detect.SubjectView;
import dev.incidents.analyzer.hints.HintCatalog;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.analyzer.signal.SignalFrame;
import dev.incidents.schemas.Incident;
import dev.incidents.schemas.IncidentStatus;
import dev.incidents.schemas.NodeSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The correlating processor: signal frames keyed by subject in, incident transitions keyed by incident id out.
 *
 * <p>Time (DESIGN section 4, ordering guarantee). Everything is decided on event time, and a subject's evidence is
 * taken in its own event-time order whatever the pace of each input partition:
 * <ul>
 *   <li>The clock is the slowest input partition's watermark ({@link InputProgress} publishes them, {@link
 *       InputWatermarks} keeps them): it cannot overtake evidence still in flight on another partition, within the
 *       lateness bound {@code incidents.lateness}.</li>
 *   <li>Signals wait in the {@link ReorderBuffer} until the clock passes their time (a signal at the clock's own
 *       time is within the bound: another of that time may still come); then signals and deadlines
 *       ({@link DeadlineIndex}: grace end, quiet end, due update, retention) are taken together in event-time
 *       order, a deadline before a signal of the same time, and a deadline is evaluated at its own time. So the
 *       transitions depend on the subject's records only: not on how far the clock jumped, nor on other subjects.</li>
 *   <li>A signal older than the clock (later than the lateness bound) is applied at once, at its taken time, and
 *       counted; failure evidence older than a resolution does not reopen it ({@link IncidentLifecycle}).</li>
 * </ul>
 * Stores: buffer, watermarks and subjects are changelogged, so the clock and everything waiting on it survive
 * restarts and rebalances; the deadlines are rebuilt from the subjects' states when the task starts.
 */
public final class Correlator implements Processor<String, SignalFrame, String, Incident> {

    private final AnalyzerConfig config;
    private final IncidentLifecycle lifecycle;
    private final Stores stores;
    private final NodeIndex nodeIndex;
    private final boolean framesFromTopic;
    private final boolean lateBound;

    private ProcessorContext<String, Incident> context;
    private KeyValueStore<String, SubjectState> subjects;
    private KeyValueStore<String, Incident> incidents;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<NodeSnapshot>> nodes;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<String>> placements;
    private IncidentStore incidentStore;
    private InputWatermarks watermarks;
    private ReorderBuffer buffer;
    private DeadlineIndex deadlines;
    private long lastResolvedPurge = Long.MIN_VALUE;
    /** Event time between two purges of resolved incidents: checked at every release, so computed once. */
    private final long purgeInterval;
    /**
     * Event time up to which signals and deadlines have been taken: a signal at or before it comes too late for its
     * place in the order. Trails the clock while a large release is spread over several calls.
     */
    private long released = Long.MIN_VALUE;

    /** Signals and deadlines taken per call (see {@link #release()}). */
    static final int RELEASE_BUDGET = 2_000;
    /** Wall-clock tick that continues a release spread over several calls. */
    private static final Duration RELEASE_TICK = Duration.ofMillis(100);

    /** Names of the stores the correlator uses. */
    public record Stores(String subjects, String incidents, String nodes, String placements,
                         String buffer, String watermarks) {
    }

    /**
     * @param framesFromTopic whether frames arrive through {@code signals-by-subject}, whose offsets order ties in
     *                        the reorder buffer (and make a signal re-read after a crash the same entry); false when
     *                        {@link InputProgress} forwards them straight here ({@code IncidentTopology.oneStage}),
     *                        where a record's offset is that of its input topic, shared by its signals and not
     *                        comparable across the three inputs, so ties keep the order of arrival
     */
    public Correlator(AnalyzerConfig config, HintCatalog catalog, Stores stores, NodeIndex nodeIndex,
                      boolean framesFromTopic) {
        this.config = config;
        this.framesFromTopic = framesFromTopic;
        this.lateBound = !config.lateness().isZero();
        this.purgeInterval = Math.min(config.resolvedRetention().toMillis(), Duration.ofHours(1).toMillis());
        this.nodeIndex = nodeIndex;
        this.lifecycle = new IncidentLifecycle(config, Detectors.all(config.nodeDiskWorkloads()), catalog);
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, Incident> context) {
        this.context = context;
        this.subjects = context.getStateStore(stores.subjects());
        this.incidents = context.getStateStore(stores.incidents());
        this.nodes = context.getStateStore(stores.nodes());
        this.placements = context.getStateStore(stores.placements());
        // Without a changelog (replay) nothing else reads the incidents store: a resolved incident is kept by what
        // re-opening and the purge read of it (ResolvedIncident), so replay's state is not the resolved incidents of
        // the resolved retention (7 days by default) kept whole.
        boolean compactResolved = !config.storeChangelog();
        this.incidentStore = new IncidentStore() {
            @Override
            public Incident get(String id) {
                return incidents.get(id);
            }

            @Override
            public void put(String id, Incident incident) {
                incidents.put(id, compactResolved && incident.getStatus() == IncidentStatus.RESOLVED
                        ? ResolvedIncident.compact(incident) : incident);
            }
        };
        KeyValueStore<Bytes, byte[]> bufferStore = context.getStateStore(stores.buffer());
        KeyValueStore<String, Long> watermarkStore = context.getStateStore(stores.watermarks());
        // in memory without a changelog (replay) the stores survive nothing: the sorted copies are all there is
        this.deadlines = new DeadlineIndex();
        try (KeyValueIterator<String, SubjectState> it = subjects.all()) {
            while (it.hasNext()) {
                KeyValue<String, SubjectState> subject = it.next();
                deadlines.restore(subject.value.deadlineKey, subject.key);
            }
        }
        this.buffer = new ReorderBuffer(bufferStore, config.storeChangelog());
        this.watermarks = new InputWatermarks(watermarkStore, config.inputPartitions());
        // Everything before the restored clock was taken before the restart, except what the buffer still holds.
        this.released = Math.min(takenUpTo(watermarks.clock()), buffer.earliest() - 1);
        context.schedule(RELEASE_TICK, PunctuationType.WALL_CLOCK_TIME, wallNow -> release());
    }

    @Override
    public void process(Record<String, SignalFrame> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        SignalFrame frame = record.value();
        int inputPartition = frame.inputPartition();
        if (frame.isWatermark()) {
            watermarks.advance(inputPartition, frame.watermarkTime());
            release();
            return;
        }
        long time = record.timestamp();
        if (time > released) {
            long order = framesFromTopic ? context.recordMetadata().map(RecordMetadata::offset).orElse(-1L) : -1L;
            buffer.add(time, inputPartition, order, record.key(), frame);
            PipelineMeters.buffered(buffer.size());
            release();
            return;
        }
        if (time < released || lateBound) {
            // Later than the lateness bound: its moment has passed. Apply it now rather than lose it. (Without a
            // bound, replay's, a signal at the clock's own time is in order: the clock is that signal's time.)
            PipelineMeters.late();
        }
        apply(record.key(), frame.signal(), released);
    }

    /**
     * Takes buffered signals and due deadlines in event-time order up to the clock, at most {@link #RELEASE_BUDGET}
     * of them per call: a clock that jumps over a large backlog (a partition catching up) must not hold one
     * transaction open past its timeout. The rest follows on the next record or wall-clock tick.
     */
    private void release() {
        long clock = watermarks.clock();
        int budget = RELEASE_BUDGET;
        while (budget-- > 0) {
            long signalAt = buffer.earliest();
            long deadlineAt = deadlines.earliest();
            if (deadlineAt <= clock && deadlineAt <= signalAt) {
                released = Math.max(released, deadlineAt - 1);
                fire(deadlines.pollSubject(), deadlineAt);
            } else if (signalAt <= takenUpTo(clock)) {
                released = Math.max(released, signalAt - 1);
                ReorderBuffer.Entry next = buffer.poll();
                apply(next.subjectKey(), next.frame().signal(), next.time());
            } else {
                released = Math.max(released, takenUpTo(clock));
                break;
            }
        }
        PipelineMeters.buffered(buffer.size());
        purgeResolvedIncidents(released);
    }

    /**
     * Up to where signals are taken at {@code clock}. With a lateness bound, the moment before it: a signal at the
     * clock's own time is within the bound, and another of that time may still come from a slower partition (in
     * whole-second Kubernetes times ties with the clock are common). Without one ({@code replay}: one partition read
     * in event-time order) the clock is the newest record's own time, and a record of that time still to come comes
     * after it in the input too, so signals at the clock are taken at once.
     */
    private long takenUpTo(long clock) {
        return clock == Long.MIN_VALUE || !lateBound ? clock : clock - 1;
    }

    private void apply(String key, Signal signal, long now) {
        PipelineMeters.signal(signal.getClass().getSimpleName());
        Subject subject = Subject.parse(key);
        SubjectState state = subjects.get(key);
        if (state == null) {
            state = new SubjectState();
        }
        SubjectView view = view(subject, state);
        lifecycle.observe(subject, state, signal, view);
        emit(lifecycle.evaluate(subject, state, now, view, incidentStore), now);
        save(key, state, now);
    }

    private void fire(String key, long now) {
        SubjectState state = subjects.get(key);
        if (state == null) {
            return;
        }
        state.deadlineKey = null; // taken off the index by the poll
        Subject subject = Subject.parse(key);
        emit(lifecycle.evaluate(subject, state, now, view(subject, state), incidentStore), now);
        if (lifecycle.expired(state, now)) {
            subjects.delete(key);
        } else {
            save(key, state, now);
        }
    }

    /** RESOLVED incidents stay (for occurrence numbering) for the resolved retention, then leave the store. */
    private void purgeResolvedIncidents(long now) {
        if (now == Long.MIN_VALUE) {
            return;
        }
        if (lastResolvedPurge != Long.MIN_VALUE && now - lastResolvedPurge < purgeInterval) {
            return;
        }
        long retention = config.resolvedRetention().toMillis();
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

    private void save(String key, SubjectState state, long now) {
        OptionalLong next = lifecycle.nextDeadline(state, now);
        state.deadlineKey = deadlines.move(state.deadlineKey, next.isPresent() ? next.getAsLong() : Long.MAX_VALUE, key);
        subjects.put(key, state);
    }

    private void emit(List<Incident> transitions, long time) {
        for (Incident incident : transitions) {
            PipelineMeters.transition(incident);
            context.forward(new Record<>(incident.getId(), incident, time));
        }
    }

    private SubjectView view(Subject subject, SubjectState state) {
        return new SubjectView(subject, state.pods, resource -> nodeIndex.offer(subject.cluster(), resource, nodes, placements),
                () -> nodeIndex.nodesObserved(subject.cluster(), nodes, placements), state.acceleratorsAdvertised,
                state.acceleratorsExpected, state.groups);
    }
}
