package dev.incidents.shipper;

import dev.incidents.kafka.testing.KafkaBrokerExtension;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.Recorded;
import dev.incidents.recordings.Recordings;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.PodSnapshot;
import dev.incidents.shipper.cli.ShipCommand;
import dev.incidents.shipper.kafka.TopicReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ship --from}: what lands on the broker is exactly what {@code Recordings.read} gives for the same file, each
 * record with its event time in the header and the time of shipping as its timestamp.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ShipFromIT {
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final TopicNames topics = new TopicNames("events-" + run, "pods-" + run, "nodes-" + run);

    @Test
    void recordingLandsOnTheTopicsAsReadWithEventTimesAndRejectionsOnStderr() throws Exception {
        Path recording = Path.of(ShipFromIT.class.getResource("/recordings/triton-disk-full.jsonl").toURI());
        String bootstrap = KafkaBrokerExtension.bootstrapServers();
        TopicReader.createTopics(bootstrap, topics.events(), topics.pods(), topics.nodes());
        StringWriter err = new StringWriter();
        Instant shipping = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        int exit = ship(err, "--from", recording.toString(), "--bootstrap-server", bootstrap, "--rate", "200");

        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains(recording + ":7: ");
        List<Recorded> expected = Recordings.read(List.of(recording), new ReadOptions(null, Instant.now()), rejection -> { });
        assertSameRecords(topics.events(), KubeEvent.class, expected, Recorded.Kind.EVENT, shipping);
        assertSameRecords(topics.pods(), PodSnapshot.class, expected, Recorded.Kind.POD, shipping);
        assertSameRecords(topics.nodes(), NodeSnapshot.class, expected, Recorded.Kind.NODE, shipping);
        assertThat(expected).extracting(Recorded::kind).contains(Recorded.Kind.EVENT, Recorded.Kind.POD, Recorded.Kind.NODE);
        assertThat(expected).anyMatch(Recorded::isTombstone);
    }

    @Test
    void unreadableFileIsExit2AndRateWithoutFromIsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(ship(err, "--from", "/nonexistent/recording.jsonl", "--bootstrap-server", KafkaBrokerExtension.bootstrapServers())).isEqualTo(2);
        assertThat(err.toString()).contains("/nonexistent/recording.jsonl: cannot read");
        assertThat(ship(new StringWriter(), "--rate", "10")).isEqualTo(2);
        assertThat(ship(new StringWriter(), "--from")).isEqualTo(2);
    }

    private int ship(StringWriter err, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--events-topic", topics.events(), "--pods-topic", topics.pods(), "--nodes-topic", topics.nodes()},
                0, all, args.length, 6);
        return new CommandLine(new ShipCommand()).setErr(new PrintWriter(err, true)).execute(all);
    }

    private <T extends SpecificRecord> void assertSameRecords(String topic, Class<T> type, List<Recorded> all, Recorded.Kind kind,
                                                              Instant shipping) {
        List<Recorded> expected = all.stream().filter(r -> r.kind() == kind).toList();
        try (TopicReader<T> reader = new TopicReader<>(KafkaBrokerExtension.bootstrapServers(), topic, type)) {
            List<TopicReader.Received<T>> received = reader.awaitAtLeast(expected.size());
            assertThat(received).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Recorded want = expected.get(i);
                TopicReader.Received<T> got = received.get(i);
                assertThat(got.key()).isEqualTo(want.key());
                assertThat(got.value()).isEqualTo(want.value());
                assertThat(got.eventTime()).isEqualTo(want.time().truncatedTo(ChronoUnit.MILLIS));
                assertThat(got.timestamp()).isAfterOrEqualTo(shipping);
            }
        }
    }
}
