package dev.incidents.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Subject keys and their parse: the inverse of {@link Subject#key()}, as the split on '/' it replaced read them. */
class SubjectTest {

    @Test
    void a_key_parses_back_to_its_subject() {
        for (Subject subject : List.of(Subject.node("prod-us-east-1", "ip-10-0-1-23.ec2.internal"),
                Subject.workload("prod", "inference-c40", "Deployment", "vllm-qwen2-72b"),
                Subject.workload("prod", "", "Pod", "debug"), Subject.workload("prod", "node", "Job", "n"),
                Subject.node("", ""), Subject.workload("", "", "", ""))) {
            assertThat(Subject.parse(subject.key())).isEqualTo(subject);
        }
    }

    @Test
    void parts_are_read_as_a_split_on_every_slash_reads_them() {
        for (String key : List.of("a/node/b", "a/node/", "/node/b", "a/b/c/d", "a//c/d", "a/b/c/", "///",
                "a/node/b/c")) {
            String[] parts = key.split("/", -1);
            Subject expected = parts.length == 3 ? Subject.node(parts[0], parts[2])
                    : Subject.workload(parts[0], parts[1], parts[2], parts[3]);
            assertThat(Subject.parse(key)).as(key).isEqualTo(expected);
        }
        for (String key : List.of("", "a", "a/b", "a/b/c", "a/nodes/b", "a/nod/b", "a/b/c/d/e", "a/node/b/c/d", "//",
                "////")) {
            assertThatThrownBy(() -> Subject.parse(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
