package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Messages come from any cluster and any version: parsers must not throw, whatever the text. */
class MessageParsersPropertyTest {

    @Property(tries = 500)
    void parsersNeverThrowOnArbitraryText(@ForAll("messages") String message) {
        FailedSchedulingMessage.parse(message).category();
        ImagePullFailure.parse(message);
        ReplicaCreateFailure.parse(message);
        ContainerBackOff.parse(message);
        ProbeFailure.parse(message);
        EvictionMessage.parse(message);
        ConfigError.parse(message);
        MountFailure.parse(message);
        SandboxFailure.parse(message);
        ImageGarbageCollectionFailure.parse(message);
        OomKillMessage.parse(message);
        VolumeClaimMessage.parse(message);
    }

    @Property(tries = 500)
    void reasonNodeCountsNeverExceedTheTotal(@ForAll("schedulingMessages") String message) {
        FailedSchedulingMessage m = FailedSchedulingMessage.parse(message);

        assertThat(m.reasons()).allSatisfy(r -> assertThat(r.nodes()).isBetween(0, m.total()));
        assertThat(m.raw()).isEqualTo(message);
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), schedulingMessages(),
                Arbitraries.strings().withChars("Failed to pull image \"{}:,/ no space").ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> schedulingMessages() {
        Arbitrary<String> clause = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 2_000_000_000).map(n -> n + " Insufficient nvidia.com/gpu"),
                Arbitraries.integers().between(0, 99).map(n -> n + " node(s) had untolerated taint {a: b}"),
                Arbitraries.integers().between(0, 99).map(n -> n + " node(s) had taint {x: }, that the pod didn't tolerate"),
                Arbitraries.just("pod has unbound immediate PersistentVolumeClaims"),
                Arbitraries.strings().withChars("0123456789 ,.:{}/").ofMaxLength(20));
        return Arbitraries.integers().between(0, 99).flatMap(total -> clause.list().ofMaxSize(6).map(clauses ->
                "0/" + total + " nodes are available: " + String.join(", ", clauses) + ". preemption: 0/" + total
                        + " nodes are available: " + total + " Preemption is not helpful for scheduling."));
    }
}
