package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
