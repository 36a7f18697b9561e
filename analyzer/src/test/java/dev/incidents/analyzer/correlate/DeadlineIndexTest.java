package dev.incidents.analyzer.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
    void a_key_is_recognised_in_place_exactly_when_it_is_the_one_built() {
        long[] times = {-5, 0, 7, 1_733_155_200_000L, 1_733_155_200_001L, 9_999_999_999_999L, 10_000_000_000_000L,
                12_345_678_901_234L, Long.MAX_VALUE - 1};
        String[] subjects = {"prod/ns/Deployment/api", "prod/ns/Deployment/ap", "rod/ns/Deployment/api", "a|b", ""};
        for (long builtTime : times) {
            for (String builtSubject : subjects) {
                String key = DeadlineIndex.key(builtTime, builtSubject);
                for (long time : times) {
                    for (String subject : subjects) {
                        assertThat(DeadlineIndex.isKey(key, time, subject))
                                .as("%s as (%d, %s)", key, time, subject)
                                .isEqualTo(key.equals(DeadlineIndex.key(time, subject)));
                    }
                }
            }
        }
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

    /**
     * Deadlines come up in their keys' order however they were moved, as from a sorted map of the keys; an index
     * rebuilt from the keys the subjects keep (what a restarted task reads from its subjects' states) is the same.
     */
    @Test
    void deadlines_moved_at_random_come_up_in_key_order_and_a_rebuilt_index_is_the_same() {
        Random random = new Random(12);
        DeadlineIndex index = new DeadlineIndex();
        TreeMap<String, String> model = new TreeMap<>();
        Map<String, String> keyOf = new HashMap<>();
        long clock = 1_733_155_200_000L;
        for (int step = 0; step < 20_000; step++) {
            String subject = "prod/ns/Deployment/w" + random.nextInt(300);
            if (random.nextInt(10) == 0) {
                clock += random.nextInt(5_000);
                while (index.earliest() <= clock) {
                    String due = index.pollSubject();
                    assertThat(due).isEqualTo(model.pollFirstEntry().getValue());
                    keyOf.remove(due);
                }
                assertThat(index.earliest()).isEqualTo(model.isEmpty() ? Long.MAX_VALUE
                        : DeadlineIndex.time(model.firstKey()));
                continue;
            }
            long time = random.nextInt(20) == 0 ? Long.MAX_VALUE : clock + random.nextInt(60_000);
            String previous = keyOf.get(subject);
            String key = index.move(previous, time, subject);
            if (previous != null) {
                model.remove(previous);
            }
            if (key != null) {
                model.put(key, subject);
                keyOf.put(subject, key);
            } else {
                keyOf.remove(subject);
            }
        }
        DeadlineIndex rebuilt = new DeadlineIndex();
        keyOf.forEach((subject, key) -> rebuilt.restore(key, subject));
        assertThat(rebuilt.earliest()).isEqualTo(index.earliest());
        List<String> fromIndex = new ArrayList<>();
        List<String> fromRebuilt = new ArrayList<>();
        while (index.earliest() != Long.MAX_VALUE) {
            fromIndex.add(index.pollSubject());
            fromRebuilt.add(rebuilt.pollSubject());
        }
        assertThat(fromRebuilt).isEqualTo(fromIndex).isEqualTo(List.copyOf(model.values()));
        assertThat(rebuilt.earliest()).isEqualTo(Long.MAX_VALUE);
    }

    /** A subject whose deadline moves with every signal leaves old entries behind: swept, they stay bounded. */
    @Test
    void entries_left_by_moved_deadlines_are_swept() {
        DeadlineIndex index = new DeadlineIndex();
        String key = null;
        for (int signal = 0; signal < 100_000; signal++) {
            key = index.move(key, 1_733_155_200_000L + 21_600_000L + signal, "prod/ns/Deployment/api");
        }
        assertThat(index.queued()).isLessThan(2_000);
        assertThat(index.earliest()).isEqualTo(1_733_155_200_000L + 21_600_000L + 99_999);
        assertThat(index.pollSubject()).isEqualTo("prod/ns/Deployment/api");
        assertThat(index.earliest()).isEqualTo(Long.MAX_VALUE);
    }
}
