package dev.incidents.analyzer.replay;

import static dev.incidents.analyzer.Kube.podEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.analyzer.AnalyzerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Replay#start}: the topology built on a thread of its own while the command reads its first records. */
class ReplayStartTest {

    static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

    @Test
    void a_replay_started_aside_replays_as_one_built_in_place() {
        List<String> inPlace;
        try (Replay replay = new Replay(AnalyzerConfig.defaults(), false)) {
            inPlace = ids(feed(replay).finish());
        }
        try (Replay.Starting starting = Replay.start(AnalyzerConfig.defaults(), false);
             Replay replay = starting.replay()) {
            assertThat(ids(feed(replay).finish())).isEqualTo(inPlace).isNotEmpty();
        }
    }

    @Test
    void a_replay_never_handed_over_is_closed_with_its_state_directory() {
        Replay.Starting starting = Replay.start(AnalyzerConfig.defaults(), false);
        Path stateDir = starting.awaitBuilt().stateDir();
        assertThat(stateDir).exists();
        starting.close(); // as when reading the input failed before the first record
        assertThat(stateDir).doesNotExist();
    }

    @Test
    void a_replay_that_cannot_be_built_fails_where_it_is_asked_for() {
        AnalyzerConfig broken = AnalyzerConfig.defaults().with(AnalyzerConfig.LATENESS, "not a duration");
        try (Replay.Starting starting = Replay.start(broken, false)) {
            assertThatThrownBy(starting::replay).isInstanceOf(RuntimeException.class);
        }
    }

    private static Replay feed(Replay replay) {
        replay.event(podEvent("triton-79569cfbbc-m2wcc", "Warning", "Failed", "Error: secret \"godaddy\" not found",
                T0, "f-1", "ip-10-0-1-149.ec2.internal"), T0);
        return replay;
    }

    private static List<String> ids(Replay.Result result) {
        return result.latest().stream().map(i -> i.getId() + " " + i.getStatus()).toList();
    }
}
