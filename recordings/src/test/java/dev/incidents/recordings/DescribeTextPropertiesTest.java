package dev.incidents.recordings;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import dev.incidents.schemas.KubeEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the describe/age parsers: they never throw on arbitrary text, and repeated-event counts add up. */
class DescribeTextPropertiesTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-03-14T10:03:09Z"));

    @Property
    void ageParserNeverThrows(@ForAll @StringLength(max = 40) String text) {
        EventAge.parse(text).ifPresent(age -> assertThat(age.count()).isPositive());
    }

    @Property
    void readerNeverThrowsOnArbitraryText(@ForAll("describeLike") String text) {
        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read("fuzz.txt", text, OPTIONS, rejections::add);
        assertThat(records).allSatisfy(r -> assertThat(r.time()).isNotNull());
        assertThat(rejections).allSatisfy(r -> assertThat(r.reason()).isNotBlank().doesNotStartWith("could not read"));
    }

    @Property
    void readerNeverThrowsOnArbitraryJson(@ForAll("jsonLike") String text) {
        List<Rejection> rejections = new ArrayList<>();
        Recordings.read("fuzz.json", text, OPTIONS, rejections::add);
        assertThat(rejections).allSatisfy(r -> assertThat(r.reason()).isNotBlank().doesNotStartWith("could not read"));
    }

    /** An {@code x N over T} row is one event with count N, first seen T ago and last seen its age ago. */
    @Property
    void repeatedRowsCountAddUp(@ForAll @IntRange(min = 1, max = 100_000) int count,
                                @ForAll @IntRange(min = 0, max = 86_400 * 3) int lastSeconds,
                                @ForAll @IntRange(min = 0, max = 86_400 * 3) int extraSeconds) {
        Duration last = Duration.ofSeconds(lastSeconds);
        Duration first = last.plusSeconds(extraSeconds);
        String row = "  Warning  BackOff  " + human(last) + " (x" + count + " over " + human(first) + ")  kubelet  "
                + "Back-off restarting failed container app in pod web-0_shop(uid)";
        String text = "Pod: web-0 namespace: shop\n" + row + "\n";

        List<Rejection> rejections = new ArrayList<>();
        List<Recorded> records = Recordings.read("rows.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getCount()).isEqualTo(count);
        assertThat(event.getLastTimestamp()).isEqualTo(OPTIONS.now().minus(last));
        assertThat(event.getFirstTimestamp()).isEqualTo(OPTIONS.now().minus(first));
        assertThat(event.getFirstTimestamp()).isBeforeOrEqualTo(event.getLastTimestamp());
    }

    @Property
    void agesRoundTrip(@ForAll @IntRange(min = 0, max = 86_400 * 800) int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        assertThat(EventAge.parse(human(d))).hasValueSatisfying(age -> {
            assertThat(age.lastSeen()).isEqualTo(d);
            assertThat(age.count()).isEqualTo(1);
        });
    }

    /** kubectl prints {@code <invalid>} for a time ahead of its clock (kserve#1038: a cluster whose clock drifted). */
    @Test
    void anInvalidAgeIsNowAndKeepsItsCount() {
        assertThat(EventAge.parse("<invalid> (x116 over <invalid>)")).hasValueSatisfying(age -> {
            assertThat(age.lastSeen()).isEqualTo(Duration.ZERO);
            assertThat(age.firstSeen()).isEqualTo(Duration.ZERO);
            assertThat(age.count()).isEqualTo(116);
        });
        assertThat(EventAge.parse("<unknown>")).hasValueSatisfying(age -> assertThat(age.lastSeen()).isNull());
        List<Recorded> records = Recordings.read("kserve-1038.txt", """
                  Warning  BackOff    <invalid> (x116 over <invalid>)  kubelet, A.B.C.D  Back-off restarting failed container
                """, OPTIONS, r -> { });
        assertThat(records).singleElement().satisfies(r -> assertThat(r.time()).isEqualTo(OPTIONS.now()));
    }

    /** An exact age in kubectl's units (kubectl itself rounds; the parser must read any combination). */
    private static String human(Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        long[] sizes = {365L * 86_400, 86_400, 3_600, 60, 1};
        String[] units = {"y", "d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                b.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return b.length() == 0 ? "0s" : b.toString();
    }

    @Provide
    Arbitrary<String> describeLike() {
        Arbitrary<String> fragments = Arbitraries.of(
                "Name:  x", "Namespace: ns", "Events:", "  Type  Reason  Age  From  Message", "  ----  ------",
                "  Normal  Scheduled  3m9s  default-scheduler  Successfully assigned a/b to c", "Containers:",
                "  app:", "    State:  Waiting", "      Reason:  X", "    Last State:  Terminated", "      Exit Code:  x",
                "    Restart Count:  99999999999", "Capacity:", "  nvidia.com/gpu:  1", "Taints:  a=b:NoSchedule",
                "Tolerations:  :NoSchedule op=Exists", "Controlled By:  ReplicaSet/", "Node:  <none>",
                "LAST SEEN   TYPE      REASON   OBJECT   MESSAGE", "61s  Warning  Failed  pod/x  m", "  Warning  X  <unknown>  k  m",
                "Conditions:", "  Type  Status", "  Ready  True", "    Liveness:  http-get http://:x/ delay=0s timeout=1s period=10s #success=1 #failure=3",
                "", "```", "  (x3 over 5m)", "Status:  Terminating (lasts 5s)");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.oneOf(fragments, fragments, noise).list().ofMaxSize(30).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", "\"kind\":\"Event\",", "\"kind\":\"Pod\",",
                "\"metadata\":{\"name\":\"p\"},", "\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"x\"}", "\"items\":[",
                "\"type\":\"ADDED\",\"object\":", "\"lastTimestamp\":\"2025-01-01T00:00:00Z\"", ",", "\n", "null", "1",
                "{\"format\":\"incidents-recording\",\"version\":2}\n", "\"status\":{\"containerStatuses\":[{}]}");
        return Combinators.combine(fragments.list().ofMaxSize(25), Arbitraries.of("{", "["))
                .as((parts, first) -> first + String.join("", parts));
    }
}
