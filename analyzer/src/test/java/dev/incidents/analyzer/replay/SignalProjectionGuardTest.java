package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.analyzer.signal.SignalProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link SignalProjection} cuts snapshots down to what the detectors read; a detector that starts reading a field it
 * leaves out would silently read nothing (it happened once, with {@code deletionTimestamp}). So every scenario and
 * real-world fixture is replayed twice, with the projection and with whole snapshots, and must give the same incidents.
 */
class SignalProjectionGuardTest {

    @TestFactory
    Stream<DynamicTest> every_fixture_gives_the_same_incidents_with_and_without_the_projection() {
        List<Scenario> all = new ArrayList<>(Scenario.all());
        all.addAll(Scenario.under(RealWorldAccuracyTest.DIR));
        return all.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            String projected = jsonl(s.replay(new ArrayList<>()));
            String whole = SignalProjection.unprojected(() -> jsonl(s.replay(new ArrayList<>())));
            assertThat(projected).as("incidents of %s with the projection vs whole snapshots", s.name())
                    .isEqualTo(whole);
        }));
    }

    private static String jsonl(Replay.Result result) {
        return result.latest().stream().map(IncidentJson::toJson).collect(Collectors.joining("\n"));
    }
}
