package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SubjectStateSerdeTest {

    private final SubjectStateSerde serde = new SubjectStateSerde();
    private final JsonSerde<SubjectState> json = new JsonSerde<>(SubjectState.class);

    /** Every field of every class of the state set, so a field the codec does not carry shows in the round trip. */
    static SubjectState everyFieldSet() {
        PodState.ProbeSeen probe = new PodState.ProbeSeen();
        probe.container = "triton";
        probe.failureThreshold = 3;
        probe.budget = "1m30s (initialDelaySeconds 60 + failureThreshold 3 x periodSeconds 10)";
        probe.startupProbe = "periodSeconds: 10, failureThreshold: 27 (allows 4m30s)";
        probe.startupProbePatch = "{\"spec\":{\"containers\":[{\"name\":\"triton\"}]}}";

        PodState pod = new PodState();
        pod.node = "ip-10-0-1-149.ec2.internal";
        pod.lastSeen = 1_741_946_400_000L;
        pod.container = "triton";
        pod.lastTerminationReason = "OOMKilled";
        pod.lastExitCode = 137;
        pod.restartCount = 4;
        pod.failedProbe = "liveness";
        pod.failedProbeContainer = "triton";
        pod.probes = new TreeMap<>(Map.of("liveness", probe));
        pod.requests = new TreeMap<>(Map.of("nvidia.com/gpu", "2"));
        pod.startedContainer = "triton";
        pod.failedScheduling = true;
        pod.pullCategory = "IMAGE_PULL_DISK_FULL";
        pod.pullPath = "/var/lib/containerd/io.containerd.content.v1.content/ingest/ü-日本";
        pod.workload = "inference/Deployment/triton";
        pod.gang = "scheduling.x-k8s.io/pod-group=triton";
        pod.scaleUpAt = 1_741_946_008_000L;
        pod.runningRestarts = 4;
        pod.restartsInPlace = 2;
        pod.restartedInPlaceAt = 1_741_946_390_000L;
        pod.readinessFailingSince = 1_741_946_100_000L;
        pod.readyRestarts = 2;
        pod.readinessLostAt = 1_741_946_160_000L;
        pod.completedAt = 1_741_946_170_000L;
        pod.pinnedNode = "ip-10-0-1-149.ec2.internal";
        pod.taintBesideSelector = "dedicated=storage:NoSchedule";
        pod.probeFailuresSeen = 2;
        pod.probeKillSeen = true;
        pod.probeRacedExit = true;

        Candidate candidate = new Candidate("OOM_KILLED");
        candidate.firstSeen = 1_741_946_000_000L;
        candidate.lastSeen = 1_741_946_400_000L;
        candidate.signalCount = 12;
        candidate.failing = new TreeSet<>(List.of("triton-79569cfbbc-m2wcc", "triton-79569cfbbc-x9k2p"));
        candidate.failingDropped = 2;
        candidate.pods = new TreeSet<>(List.of("triton-79569cfbbc-m2wcc"));
        candidate.nodes = new TreeSet<>(List.of("ip-10-0-1-149.ec2.internal"));
        candidate.workloads = new TreeSet<>(List.of("inference/Deployment/triton"));
        candidate.nodeLevel = true;
        candidate.facts = new TreeMap<>(Map.of("container", "triton", "limit", "16Gi"));
        candidate.clues = new TreeSet<>(List.of("MEMORY_LIMIT"));
        candidate.evidence = List.of(new EvidenceLine("m2wcc/triton/OOMKilled/4", 1_741_946_400_000L, "Pod",
                "triton-79569cfbbc-m2wcc", "OOMKilled", "container triton was OOMKilled (exit code 137)", 3));
        candidate.recovery = "recovered: pod triton-79569cfbbc-m2wcc Ready";
        candidate.open = true;
        candidate.yielded = true;
        candidate.lastEmitted = 1_741_946_300_000L;
        candidate.pendingUpdate = true;
        candidate.changed = true;
        candidate.follows = "test/inference/Deployment/triton/IMAGE_PULL_BACKOFF/1";
        candidate.guessOnly = true;

        SubjectState state = new SubjectState();
        state.lastTouched = 1_741_946_400_000L;
        state.pods = new TreeMap<>(Map.of("triton-79569cfbbc-m2wcc", pod, "triton-79569cfbbc-x9k2p", new PodState()));
        state.candidates = new TreeMap<>(Map.of("OOM_KILLED", candidate));
        state.recentlyResolved = new TreeMap<>(Map.of("test/inference/Deployment/triton/CRASH_LOOP/1", 5L));
        state.acceleratorsAdvertised = new TreeMap<>(Map.of("nvidia.com/gpu", 7L));
        state.acceleratorsExpected = new TreeMap<>(Map.of("nvidia.com/gpu", 8L));
        state.deadlineKey = "0001741946460000 test/inference/Deployment/triton";
        GroupState group = new GroupState();
        group.owner = "llama-70b-ft";
        group.minMember = 4;
        group.lastSeen = 1_741_946_400_000L;
        state.groups = new TreeMap<>(Map.of("llama-70b-ft", group));
        return state;
    }

    @Test
    void the_sample_sets_every_field_so_the_round_trip_covers_them() throws Exception {
        SubjectState state = everyFieldSet();
        PodState pod = state.pods.get("triton-79569cfbbc-m2wcc");
        Candidate candidate = state.candidates.get("OOM_KILLED");
        // A field added to a state class fails here until the sample sets it, then below until the codec carries it.
        assertEveryFieldSet(state);
        assertEveryFieldSet(pod);
        assertEveryFieldSet(pod.probes.get("liveness"));
        assertEveryFieldSet(candidate);
        assertEveryFieldSet(candidate.evidence.get(0));
        assertEveryFieldSet(state.groups.get("llama-70b-ft"));
    }

    @Test
    void a_state_round_trips_field_for_field() {
        SubjectState state = everyFieldSet();

        byte[] bytes = serde.serializer().serialize("subjects", state);
        SubjectState back = serde.deserializer().deserialize("subjects", bytes);

        assertThat(bytes[0]).isEqualTo(SubjectStateSerde.FORMAT);
        assertThat(asJson(back)).isEqualTo(asJson(state));
        assertThat(bytes.length).isLessThan(json.serializer().serialize("subjects", state).length);
    }

    @Test
    void nulls_and_empty_collections_round_trip() {
        SubjectState state = new SubjectState();
        state.pods.put("p", new PodState());
        Candidate empty = new Candidate();
        empty.failing = null;
        empty.evidence = null;
        state.candidates.put("c", empty);
        state.recentlyResolved = null;

        byte[] bytes = serde.serializer().serialize("subjects", state);
        SubjectState back = serde.deserializer().deserialize("subjects", bytes);

        assertThat(asJson(back)).isEqualTo(asJson(state));
        assertThat(back.recentlyResolved).isNull();
        assertThat(back.candidates.get("c").failing).isNull();
        assertThat(back.pods.get("p").lastExitCode).isNull();
    }

    /** A changelog (or RocksDB) written before this format: its JSON entries still restore as they were. */
    @Test
    void state_written_as_json_is_still_read() {
        SubjectState state = everyFieldSet();
        byte[] old = json.serializer().serialize("subjects", state);

        SubjectState back = serde.deserializer().deserialize("subjects", old);

        assertThat(asJson(back)).isEqualTo(asJson(state));
        // and is written in the compact form from then on
        assertThat(serde.serializer().serialize("subjects", back)[0]).isEqualTo(SubjectStateSerde.FORMAT);
    }

    /**
     * Changelogs written by format 10 (before {@code PodState.probeKillSeen}: a pod with a failed probe read as
     * killed by it), format 9 (before {@code PodState.pinnedNode}: pinned to no node), format 8 (before
     * {@code PodState.completedAt}: never seen completed), format 6 (before
     * {@code PodState.readyRestarts} and {@code readinessLostAt}: never seen
     * Ready), format 5 (before {@code PodState.readinessFailingSince}: no readiness failure seen), format 4
     * (before {@code PodState.runningRestarts}, {@code restartsInPlace} and {@code
     * restartedInPlaceAt}), format 3 (before {@code SubjectState.groups}), format 2 (before {@code PodState.scaleUpAt})
     * and format 1 (before {@code PodState.gang}): their pods restore with no in-place restart seen, their subjects
     * without gang objects, their pods without a scale-up, and without a gang.
     */
    @Test
    void formats_1_to_10_are_still_read() {
        SubjectState state = new SubjectState();
        state.lastTouched = 1_741_946_400_000L;
        PodState pod = new PodState();
        pod.node = "ip-10-0-1-149.ec2.internal";
        pod.restartCount = 3;
        pod.failedProbe = "liveness";
        pod.probeKillSeen = true; // what a failed probe meant before format 11, and how the older formats restore
        state.pods.put("triton-79569cfbbc-m2wcc", pod);
        state.recentlyResolved = new TreeMap<>();
        byte[] format11 = serde.serializer().serialize("subjects", state);
        // the pod's last fields in format 11 are probeFailuresSeen (an int), probeKillSeen and probeRacedExit (a byte
        // each), 6 bytes; after them come four empty maps, the null deadline key (20 bytes) and the empty gang objects
        int probes = format11.length - 24 - 6;
        byte[] format10 = new byte[format11.length - 6];
        System.arraycopy(format11, 0, format10, 0, probes);
        System.arraycopy(format11, probes + 6, format10, probes, 24);
        format10[0] = 10;
        // the pod's last fields in format 10 are pinnedNode and taintBesideSelector (null strings: length -1, 4 bytes
        // each); after them come four empty maps, the null deadline key (20 bytes) and the empty gang objects (4)
        int pinned = format10.length - 24 - 8;
        byte[] format9 = new byte[format10.length - 8];
        System.arraycopy(format10, 0, format9, 0, pinned);
        System.arraycopy(format10, pinned + 8, format9, pinned, 24);
        format9[0] = 9;
        // the pod's last field in format 9 is completedAt (a long, 8 bytes); after it come four empty maps, the null
        // deadline key (20 bytes) and the empty gang objects (4)
        int completed = format9.length - 24 - 8;
        byte[] format8 = new byte[format9.length - 8];
        System.arraycopy(format9, 0, format8, 0, completed);
        System.arraycopy(format9, completed + 8, format8, completed, 24);
        format8[0] = 8;
        byte[] format7 = format8.clone();
        format7[0] = 7; // without candidates, format 8 is format 7
        // the pod's last fields in format 7 are readyRestarts (an int) and readinessLostAt (a long), 12 bytes; after
        // them come four empty maps, the null deadline key (20 bytes) and the empty gang objects (4)
        int lost = format7.length - 24 - 12;
        byte[] format6 = new byte[format7.length - 12];
        System.arraycopy(format7, 0, format6, 0, lost);
        System.arraycopy(format7, lost + 12, format6, lost, 24);
        format6[0] = 6;
        // the pod's last field in format 6 is readinessFailingSince (a long, 8 bytes); after it come four empty maps, the
        // null deadline key (20 bytes) and the empty gang objects (4)
        int readiness = format6.length - 24 - 8;
        byte[] format5 = new byte[format6.length - 8];
        System.arraycopy(format6, 0, format5, 0, readiness);
        System.arraycopy(format6, readiness + 8, format5, readiness, 24);
        format5[0] = 5;
        // the pod's last fields in format 5 are runningRestarts and restartsInPlace (an int each) and
        // restartedInPlaceAt (a long), 16 bytes; after them come four empty maps, the null deadline key (20 bytes) and
        // the empty gang objects (4)
        int inPlace = format5.length - 24 - 16;
        byte[] format4 = new byte[format5.length - 16];
        System.arraycopy(format5, 0, format4, 0, inPlace);
        System.arraycopy(format5, inPlace + 16, format4, inPlace, 24);
        format4[0] = 4;
        // format 4 ends with the gang objects, an empty map here (a count, 4 bytes)
        byte[] format3 = java.util.Arrays.copyOf(format4, format4.length - 4);
        format3[0] = 3;
        // the pod's last fields are the gang (a null string: length -1, 4 bytes) and scaleUpAt (a long, 8 bytes);
        // after them come four empty maps (a count each) and the null deadline key, 20 bytes
        int scaleUpAt = format3.length - 20 - 8;
        byte[] format2 = new byte[format3.length - 8];
        System.arraycopy(format3, 0, format2, 0, scaleUpAt);
        System.arraycopy(format3, scaleUpAt + 8, format2, scaleUpAt, 20);
        format2[0] = 2;
        int gang = format2.length - 20 - 4;
        byte[] format1 = new byte[format2.length - 4];
        System.arraycopy(format2, 0, format1, 0, gang);
        System.arraycopy(format2, gang + 4, format1, gang, 20);
        format1[0] = 1;

        for (byte[] old : java.util.List.of(format10, format9, format8, format7, format6, format5, format4, format3,
                format2, format1)) {
            SubjectState back = serde.deserializer().deserialize("subjects", old);

            assertThat(asJson(back)).isEqualTo(asJson(state));
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").pinnedNode).isNull();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").taintBesideSelector).isNull();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").completedAt).isZero();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").readinessFailingSince).isZero();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").readyRestarts).isEqualTo(-1);
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").readinessLostAt).isZero();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").runningRestarts).isEqualTo(-1);
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").restartsInPlace).isZero();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").gang).isNull();
            assertThat(back.pods.get("triton-79569cfbbc-m2wcc").scaleUpAt).isZero();
            assertThat(back.groups).isEmpty();
        }
    }

    /** Format 7 (before {@code Candidate.guessOnly}): its candidates restore as proved by their evidence. */
    @Test
    void format_7_candidates_restore_as_proved() {
        SubjectState state = new SubjectState();
        state.lastTouched = 1_741_946_400_000L;
        Candidate candidate = new Candidate("IMAGE_NOT_FOUND");
        candidate.firstSeen = 1_741_946_000_000L;
        state.candidates.put("IMAGE_NOT_FOUND", candidate);
        byte[] format8 = serde.serializer().serialize("subjects", state);
        format8[0] = 8; // without pods, format 9 is format 8
        // the candidate's last field in format 8 is guessOnly (a boolean, 1 byte); after it come four empty maps, the
        // null deadline key (20 bytes) and the empty gang objects (4)
        int guess = format8.length - 24 - 1;
        byte[] format7 = new byte[format8.length - 1];
        System.arraycopy(format8, 0, format7, 0, guess);
        System.arraycopy(format8, guess + 1, format7, guess, 24);
        format7[0] = 7;

        SubjectState back = serde.deserializer().deserialize("subjects", format7);

        assertThat(asJson(back)).isEqualTo(asJson(state));
        assertThat(back.candidates.get("IMAGE_NOT_FOUND").guessOnly).isFalse();
    }

    @Test
    void a_value_of_an_unknown_format_is_refused() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("subjects", new byte[] {10, 0, 0}))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("subjects", new byte[] {SubjectStateSerde.FORMAT, 0}))
                .isInstanceOf(SerializationException.class);
    }

    private String asJson(SubjectState state) {
        return new String(json.serializer().serialize("subjects", state), StandardCharsets.UTF_8);
    }

    private static void assertEveryFieldSet(Object o) throws IllegalAccessException {
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                continue;
            }
            Object v = f.get(o);
            assertThat(v).as(o.getClass().getSimpleName() + "." + f.getName()).isNotNull();
            if (v instanceof Collection<?> c) {
                assertThat(c).as(f.getName()).isNotEmpty();
            } else if (v instanceof Map<?, ?> m) {
                assertThat(m).as(f.getName()).isNotEmpty();
            } else if (v instanceof Number n) {
                assertThat(n.longValue()).as(f.getName()).isNotZero();
            } else if (v instanceof Boolean b) {
                assertThat(b).as(f.getName()).isTrue();
            }
        }
    }
}
