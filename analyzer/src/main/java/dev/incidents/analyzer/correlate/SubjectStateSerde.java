package dev.incidents.analyzer.correlate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@code subjects} store's values: a {@link SubjectState} in a compact binary form, field by field in declaration
 * order, after a format byte. Reads the JSON of earlier versions too ({@link JsonSerde}; it starts with {@code '{'}),
 * so a changelog or RocksDB written before this restores as it was, and each subject is rewritten in this form the
 * next time it changes.
 *
 * <p>Why not JSON: the state of a busy subject is written back at every commit and read after every eviction or
 * restore; Jackson's reflective field walk, its text and its parse cost several times this (and the bytes go to the
 * changelog). Why not Avro: these are the correlator's own mutable classes, read and written in place by the
 * lifecycle; an Avro record per class would need a copy in each direction for no reader outside this class.
 *
 * <p>Layout: strings as a length (-1 for null) and UTF-8; collections as a count (-1 for null) and their elements;
 * {@code long} and {@code int} as fixed-width. A new field goes at the end of its class's block, with a new
 * {@link #FORMAT}, and the reader of the old format fills its default ({@code SubjectStateSerdeTest} fails on a
 * field this does not carry).
 */
public final class SubjectStateSerde implements Serde<SubjectState> {

    /**
     * First byte of this format; JSON starts with '{' (0x7B). 2 added {@code PodState.gang}, 3 {@code scaleUpAt},
     * 4 {@code SubjectState.groups}, 5 {@code PodState.runningRestarts}, {@code restartsInPlace} and
     * {@code restartedInPlaceAt}, 6 {@code PodState.readinessFailingSince}, 7 {@code readyRestarts} and
     * {@code readinessLostAt}, 8 {@code Candidate.guessOnly}, 9 {@code PodState.completedAt}, 10
     * {@code PodState.pinnedNode} and {@code taintBesideSelector}, 11 {@code probeFailuresSeen},
     * {@code probeKillSeen} and {@code probeRacedExit}.
     */
    static final byte FORMAT = 11;
    /**
     * The format before {@code PodState.probeKillSeen}: a pod with a failed probe is read as killed by it (what the
     * detectors concluded from a failed probe until then).
     */
    private static final byte FORMAT_10 = 10;
    /** The format before {@code PodState.pinnedNode}: read as pods pinned to no node, no taint beside a selector. */
    private static final byte FORMAT_9 = 9;
    /** The format before {@code PodState.completedAt}: read as pods never seen completed. */
    private static final byte FORMAT_8 = 8;
    /** The format before {@code Candidate.guessOnly}: read as candidates some evidence proves. */
    private static final byte FORMAT_7 = 7;
    /** The format before {@code PodState.readyRestarts}: read as a pod never seen Ready. */
    private static final byte FORMAT_6 = 6;
    /** The format before {@code PodState.readinessFailingSince}: read as a pod with no readiness failure seen. */
    private static final byte FORMAT_5 = 5;
    /** The format before {@code PodState.runningRestarts}: read as a pod with no in-place restart seen. */
    private static final byte FORMAT_4 = 4;
    /** The format before {@code SubjectState.groups}: read as a subject whose gang objects were never seen. */
    private static final byte FORMAT_3 = 3;
    /** The format before {@code PodState.scaleUpAt}: read as a pod without a scale-up. */
    private static final byte FORMAT_2 = 2;
    /** The format before {@code PodState.gang}: read as a pod of no gang. */
    private static final byte FORMAT_1 = 1;
    private static final byte JSON = '{';

    private final JsonSerde<SubjectState> json = new JsonSerde<>(SubjectState.class);

    @Override
    public Serializer<SubjectState> serializer() {
        return (topic, state) -> state == null ? null : encode(state);
    }

    @Override
    public Deserializer<SubjectState> deserializer() {
        Deserializer<SubjectState> fromJson = json.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == JSON) {
                return fromJson.deserialize(topic, bytes);
            }
            return decode(bytes);
        };
    }

    static byte[] encode(SubjectState state) {
        Out out = new Out();
        out.writeByte(FORMAT);
        out.writeLong(state.lastTouched);
        out.writeMap(state.pods, Out::writeString, SubjectStateSerde::writePod);
        out.writeMap(state.candidates, Out::writeString, SubjectStateSerde::writeCandidate);
        out.writeMap(state.recentlyResolved, Out::writeString, Out::writeBoxedLong);
        out.writeMap(state.acceleratorsAdvertised, Out::writeString, Out::writeBoxedLong);
        out.writeMap(state.acceleratorsExpected, Out::writeString, Out::writeBoxedLong);
        out.writeString(state.deadlineKey);
        out.writeMap(state.groups, Out::writeString, SubjectStateSerde::writeGroup);
        return out.toByteArray();
    }

    static SubjectState decode(byte[] bytes) {
        try {
            In in = new In(bytes);
            byte format = in.buffer.get();
            if (format < FORMAT_1 || format > FORMAT) {
                throw new SerializationException("subject state of unknown format " + format);
            }
            SubjectState state = new SubjectState();
            state.lastTouched = in.buffer.getLong();
            state.pods = in.readMap(In::readString, format >= FORMAT ? SubjectStateSerde::readPod
                    : format == FORMAT_10 ? SubjectStateSerde::readPodFormat10
                    : format == FORMAT_9 ? SubjectStateSerde::readPodFormat9
                    : format >= FORMAT_7 ? SubjectStateSerde::readPodFormat8
                    : format == FORMAT_6 ? SubjectStateSerde::readPodFormat6
                    : format == FORMAT_5 ? SubjectStateSerde::readPodFormat5
                    : format >= FORMAT_3 ? SubjectStateSerde::readPodFormat3
                    : format == FORMAT_2 ? SubjectStateSerde::readPodFormat2 : SubjectStateSerde::readPodFormat1);
            if (format < FORMAT && state.pods != null) {
                state.pods.values().forEach(pod -> pod.probeKillSeen = pod.failedProbe != null);
            }
            state.candidates = in.readMap(In::readString, format >= FORMAT_8 ? SubjectStateSerde::readCandidate
                    : SubjectStateSerde::readCandidateFormat7);
            state.recentlyResolved = in.readMap(In::readString, In::readBoxedLong);
            state.acceleratorsAdvertised = in.readMap(In::readString, In::readBoxedLong);
            state.acceleratorsExpected = in.readMap(In::readString, In::readBoxedLong);
            state.deadlineKey = in.readString();
            if (format >= FORMAT_4) {
                state.groups = in.readMap(In::readString, SubjectStateSerde::readGroup);
            }
            return state;
        } catch (RuntimeException e) {
            throw e instanceof SerializationException s ? s
                    : new SerializationException("undecodable subject state", e);
        }
    }

    private static void writePod(Out out, PodState pod) {
        out.writeString(pod.node);
        out.writeLong(pod.lastSeen);
        out.writeString(pod.container);
        out.writeString(pod.lastTerminationReason);
        out.writeBoolean(pod.lastExitCode != null);
        if (pod.lastExitCode != null) {
            out.writeInt(pod.lastExitCode);
        }
        out.writeInt(pod.restartCount);
        out.writeString(pod.failedProbe);
        out.writeString(pod.failedProbeContainer);
        out.writeMap(pod.probes, Out::writeString, SubjectStateSerde::writeProbe);
        out.writeMap(pod.requests, Out::writeString, Out::writeString);
        out.writeString(pod.startedContainer);
        out.writeBoolean(pod.failedScheduling);
        out.writeString(pod.pullCategory);
        out.writeString(pod.pullPath);
        out.writeString(pod.workload);
        out.writeString(pod.gang);
        out.writeLong(pod.scaleUpAt);
        out.writeInt(pod.runningRestarts);
        out.writeInt(pod.restartsInPlace);
        out.writeLong(pod.restartedInPlaceAt);
        out.writeLong(pod.readinessFailingSince);
        out.writeInt(pod.readyRestarts);
        out.writeLong(pod.readinessLostAt);
        out.writeLong(pod.completedAt);
        out.writeString(pod.pinnedNode);
        out.writeString(pod.taintBesideSelector);
        out.writeInt(pod.probeFailuresSeen);
        out.writeBoolean(pod.probeKillSeen);
        out.writeBoolean(pod.probeRacedExit);
    }

    private static PodState readPod(In in) {
        PodState pod = readPodFormat10(in);
        pod.probeFailuresSeen = in.buffer.getInt();
        pod.probeKillSeen = in.readBoolean();
        pod.probeRacedExit = in.readBoolean();
        return pod;
    }

    private static PodState readPodFormat10(In in) {
        PodState pod = readPodFormat9(in);
        pod.pinnedNode = in.readString();
        pod.taintBesideSelector = in.readString();
        return pod;
    }

    private static PodState readPodFormat9(In in) {
        PodState pod = readPodFormat8(in);
        pod.completedAt = in.buffer.getLong();
        return pod;
    }

    private static PodState readPodFormat8(In in) {
        PodState pod = readPodFormat6(in);
        pod.readyRestarts = in.buffer.getInt();
        pod.readinessLostAt = in.buffer.getLong();
        return pod;
    }

    private static PodState readPodFormat6(In in) {
        PodState pod = readPodFormat5(in);
        pod.readinessFailingSince = in.buffer.getLong();
        return pod;
    }

    private static PodState readPodFormat5(In in) {
        PodState pod = readPodFormat3(in);
        pod.runningRestarts = in.buffer.getInt();
        pod.restartsInPlace = in.buffer.getInt();
        pod.restartedInPlaceAt = in.buffer.getLong();
        return pod;
    }

    private static PodState readPodFormat3(In in) {
        PodState pod = readPodFormat2(in);
        pod.scaleUpAt = in.buffer.getLong();
        return pod;
    }

    private static PodState readPodFormat2(In in) {
        PodState pod = readPodFormat1(in);
        pod.gang = in.readString();
        return pod;
    }

    private static PodState readPodFormat1(In in) {
        PodState pod = new PodState();
        pod.node = in.readString();
        pod.lastSeen = in.buffer.getLong();
        pod.container = in.readString();
        pod.lastTerminationReason = in.readString();
        pod.lastExitCode = in.readBoolean() ? in.buffer.getInt() : null;
        pod.restartCount = in.buffer.getInt();
        pod.failedProbe = in.readString();
        pod.failedProbeContainer = in.readString();
        pod.probes = in.readMap(In::readString, SubjectStateSerde::readProbe);
        pod.requests = in.readMap(In::readString, In::readString);
        pod.startedContainer = in.readString();
        pod.failedScheduling = in.readBoolean();
        pod.pullCategory = in.readString();
        pod.pullPath = in.readString();
        pod.workload = in.readString();
        return pod;
    }

    private static void writeGroup(Out out, GroupState group) {
        out.writeString(group.owner);
        out.writeInt(group.minMember);
        out.writeLong(group.lastSeen);
    }

    private static GroupState readGroup(In in) {
        GroupState group = new GroupState();
        group.owner = in.readString();
        group.minMember = in.buffer.getInt();
        group.lastSeen = in.buffer.getLong();
        return group;
    }

    private static void writeProbe(Out out, PodState.ProbeSeen probe) {
        out.writeString(probe.container);
        out.writeInt(probe.failureThreshold);
        out.writeString(probe.budget);
        out.writeString(probe.startupProbe);
        out.writeString(probe.startupProbePatch);
    }

    private static PodState.ProbeSeen readProbe(In in) {
        PodState.ProbeSeen probe = new PodState.ProbeSeen();
        probe.container = in.readString();
        probe.failureThreshold = in.buffer.getInt();
        probe.budget = in.readString();
        probe.startupProbe = in.readString();
        probe.startupProbePatch = in.readString();
        return probe;
    }

    private static void writeCandidate(Out out, Candidate c) {
        out.writeString(c.category);
        out.writeLong(c.firstSeen);
        out.writeLong(c.lastSeen);
        out.writeInt(c.signalCount);
        out.writeStrings(c.failing);
        out.writeInt(c.failingDropped);
        out.writeStrings(c.pods);
        out.writeStrings(c.nodes);
        out.writeStrings(c.workloads);
        out.writeBoolean(c.nodeLevel);
        out.writeMap(c.facts, Out::writeString, Out::writeString);
        out.writeStrings(c.clues);
        out.writeList(c.evidence, SubjectStateSerde::writeEvidence);
        out.writeString(c.recovery);
        out.writeBoolean(c.open);
        out.writeBoolean(c.yielded);
        out.writeLong(c.lastEmitted);
        out.writeBoolean(c.pendingUpdate);
        out.writeBoolean(c.changed);
        out.writeString(c.follows);
        out.writeBoolean(c.guessOnly);
    }

    private static Candidate readCandidate(In in) {
        Candidate c = readCandidateFormat7(in);
        c.guessOnly = in.readBoolean();
        return c;
    }

    private static Candidate readCandidateFormat7(In in) {
        Candidate c = new Candidate();
        c.category = in.readString();
        c.firstSeen = in.buffer.getLong();
        c.lastSeen = in.buffer.getLong();
        c.signalCount = in.buffer.getInt();
        c.failing = in.readStrings();
        c.failingDropped = in.buffer.getInt();
        c.pods = in.readStrings();
        c.nodes = in.readStrings();
        c.workloads = in.readStrings();
        c.nodeLevel = in.readBoolean();
        c.facts = in.readMap(In::readString, In::readString);
        c.clues = in.readStrings();
        c.evidence = in.readList(SubjectStateSerde::readEvidence);
        c.recovery = in.readString();
        c.open = in.readBoolean();
        c.yielded = in.readBoolean();
        c.lastEmitted = in.buffer.getLong();
        c.pendingUpdate = in.readBoolean();
        c.changed = in.readBoolean();
        c.follows = in.readString();
        return c;
    }

    private static void writeEvidence(Out out, EvidenceLine e) {
        out.writeString(e.key);
        out.writeLong(e.time);
        out.writeString(e.kind);
        out.writeString(e.name);
        out.writeString(e.reason);
        out.writeString(e.message);
        out.writeInt(e.count);
    }

    private static EvidenceLine readEvidence(In in) {
        EvidenceLine e = new EvidenceLine();
        e.key = in.readString();
        e.time = in.buffer.getLong();
        e.kind = in.readString();
        e.name = in.readString();
        e.reason = in.readString();
        e.message = in.readString();
        e.count = in.buffer.getInt();
        return e;
    }

    /** A growing big-endian buffer (a subject's state is a few hundred bytes to a few KB). */
    private static final class Out {
        private byte[] bytes = new byte[512];
        private int size;

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeInt(int v) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void writeBoxedLong(Long v) {
            writeBoolean(v != null);
            if (v != null) {
                writeLong(v);
            }
        }

        void writeString(String s) {
            if (s == null) {
                writeInt(-1);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        void writeStrings(Collection<String> strings) {
            if (strings == null) {
                writeInt(-1);
                return;
            }
            writeInt(strings.size());
            for (String s : strings) {
                writeString(s);
            }
        }

        <T> void writeList(List<T> list, Writer<T> element) {
            if (list == null) {
                writeInt(-1);
                return;
            }
            writeInt(list.size());
            for (T t : list) {
                element.write(this, t);
            }
        }

        <K, V> void writeMap(Map<K, V> map, Writer<K> key, Writer<V> value) {
            if (map == null) {
                writeInt(-1);
                return;
            }
            writeInt(map.size());
            for (Map.Entry<K, V> e : map.entrySet()) {
                key.write(this, e.getKey());
                value.write(this, e.getValue());
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(Out out, T value);
    }

    private static final class In {
        final ByteBuffer buffer;

        In(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        boolean readBoolean() {
            return buffer.get() != 0;
        }

        Long readBoxedLong() {
            return readBoolean() ? buffer.getLong() : null;
        }

        String readString() {
            int length = buffer.getInt();
            if (length < 0) {
                return null;
            }
            String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return s;
        }

        TreeSet<String> readStrings() {
            int count = buffer.getInt();
            if (count < 0) {
                return null;
            }
            TreeSet<String> out = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                out.add(readString());
            }
            return out;
        }

        <T> List<T> readList(Function<In, T> element) {
            int count = buffer.getInt();
            if (count < 0) {
                return null;
            }
            List<T> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(element.apply(this));
            }
            return out;
        }

        <K, V> TreeMap<K, V> readMap(Function<In, K> key, Function<In, V> value) {
            int count = buffer.getInt();
            if (count < 0) {
                return null;
            }
            TreeMap<K, V> out = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                K k = key.apply(this);
                out.put(k, value.apply(this));
            }
            return out;
        }
    }
}
