package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadline keys sort by time as strings: zero-padded epoch millis, then the subject, as the stored keys always were. */
class DeadlineIndexTest {

    @Test
    void keys_are_the_zero_padded_millis_and_the_subject() {
        for (long time : new long[] {-5, 0, 7, 1_733_155_200_000L, 9_999_999_999_999L, 12_345_678_901_234L, Long.MAX_VALUE - 1}) {
            assertThat(DeadlineIndex.key(time, "prod/ns/Deployment/api"))
                    .isEqualTo(String.format("%013d|%s", Math.max(0, time), "prod/ns/Deployment/api"));
        }
        assertThat(DeadlineIndex.time(DeadlineIndex.key(1_733_155_200_000L, "a|b"))).isEqualTo(1_733_155_200_000L);
    }

    @Test
    void deadlines_are_ordered_as_their_keys_are_as_strings() {
        List<DeadlineIndex.Due> dues = new ArrayList<>();
        for (long time : new long[] {-5, 0, 7, 1_733_155_200_000L, 1_733_155_200_001L, 1_733_155_199_999L,
                9_999_999_999_999L, 10_000_000_000_000L, 12_345_678_901_234L, 99_999_999_999_999L, Long.MAX_VALUE - 1}) {
            for (String subject : new String[] {"prod/ns/Deployment/api", "prod/ns/Deployment/ap", "a|b", "node/gpu-1", ""}) {
                String key = DeadlineIndex.key(time, subject);
                dues.add(DeadlineIndex.Due.of(key));
                assertThat(DeadlineIndex.Due.of(key).time()).isEqualTo(Math.max(0, time));
            }
        }
        List<String> byString = dues.stream().map(DeadlineIndex.Due::key).sorted().toList();
        List<String> byDue = dues.stream().sorted().map(DeadlineIndex.Due::key).toList();
        assertThat(byDue).isEqualTo(byString);
        for (DeadlineIndex.Due a : dues) {
            for (DeadlineIndex.Due b : dues) {
                assertThat(Integer.signum(a.compareTo(b))).as(a.key() + " vs " + b.key())
                        .isEqualTo(Integer.signum(a.key().compareTo(b.key())));
            }
        }
    }
}
