package dev.incidents.analyzer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidents.schemas.Incident;
import dev.incidents.schemas.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class MuteRuleTest {
    final Incident probe = Transitions.demo("PROBE_FAILURE", "OPEN").incident();   // WARNING PROBE_FAILURE inference/Deployment/vllm-mistral, lastSeen 10:06:40
    final Incident node = Transitions.demo("NODE_DISK_PRESSURE", "OPEN").incident();    // CRITICAL NODE_DISK_PRESSURE, no namespace

    @Test
    void conditions_are_globs_that_must_all_hold() {
        assertThat(MuteRule.parse("namespace=infer*,category=PROBE_FAILURE").matches(probe)).isTrue();
        assertThat(MuteRule.parse("namespace=infer*,category=OOM_KILLED").matches(probe)).isFalse();
        assertThat(MuteRule.parse("workload=Deployment/vllm-*").matches(probe)).isTrue();
        assertThat(MuteRule.parse("workload=vllm-mistral").matches(probe)).isTrue();
        assertThat(MuteRule.parse("cluster=prod-??-east-1").matches(node)).isTrue();
        assertThat(MuteRule.parse("namespace=*").matches(node)).isFalse();
        assertThat(MuteRule.parse("severity=WARNING").matches(probe)).isTrue();
    }

    @Test
    void a_maintenance_window_holds_for_transitions_whose_last_evidence_falls_in_it() {
        assertThat(MuteRule.parse("cluster=prod-*,from=2025-03-14T10:00:00Z,until=2025-03-14T10:07:00Z").matches(probe)).isTrue();
        assertThat(MuteRule.parse("cluster=prod-*,from=2025-03-14T10:00:00Z,until=2025-03-14T10:06:40Z").matches(probe)).isFalse();
        assertThat(MuteRule.parse("from=2025-03-14T10:07:00Z").matches(probe)).isFalse();
    }

    @Test
    void bad_rules_say_what_is_wrong() {
        assertThatThrownBy(() -> MuteRule.parse("pod=x")).hasMessageContaining("unknown key 'pod'");
        assertThatThrownBy(() -> MuteRule.parse("namespace")).hasMessageContaining("not key=value");
        assertThatThrownBy(() -> MuteRule.parse("from=yesterday")).hasMessageContaining("RFC 3339");
    }

    @Test
    void a_file_has_one_rule_per_line_and_comments_and_min_severity_comes_first() {
        List<MuteRule> rules = MuteRule.parseLines(List.of("# maintenance", "", "category=PROBE_FAILURE  # flaky probes"));
        NoiseFilter filter = new NoiseFilter(Severity.CRITICAL, rules);

        assertThat(rules).hasSize(1);
        assertThat(filter.holdsBack(probe)).isEqualTo("min-severity");
        assertThat(new NoiseFilter(Severity.INFO, rules).holdsBack(probe)).isEqualTo("mute category=PROBE_FAILURE");
        assertThat(filter.holdsBack(node)).isNull();
    }
}
