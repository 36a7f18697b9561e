package dev.incidents.analyzer.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidents.schemas.Incident;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A Job retries in new pods (restart policy Never) and leaves the attempts that failed behind: mykidong's
 * azkaban-on-kubernetes schema Job, two pods {@code Init:Error} beside a third {@code Completed}. The Completed pod says
 * whose pods they are (a DaemonSet's or a ReplicaSet's never complete) and that the Job is done: nothing opens, whatever
 * order the rows of that one moment come in; the failed attempts alone are an init container failing.
 */
class JobAttemptsReplayTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:21:00Z");
    private static final String HEADER = "NAME                           READY   STATUS       RESTARTS   AGE\n";
    private static final String FAILED_1 = "azakban-initschema-hr4bn       0/1     Init:Error   0          4h3m\n";
    private static final String FAILED_2 = "azakban-initschema-ppngd       0/1     Init:Error   0          4h3m\n";
    private static final String COMPLETED = "azakban-initschema-kg75t       0/1     Completed    0          4h3m\n";

    @Test
    void aJobThatCompletedEndsItsFailedAttemptsInAnyOrder() {
        assertThat(Pastes.latest(HEADER + FAILED_1 + COMPLETED + FAILED_2, NOW)).isEmpty();
        assertThat(Pastes.latest(HEADER + FAILED_1 + FAILED_2 + COMPLETED, NOW)).isEmpty();
        assertThat(Pastes.latest(HEADER + COMPLETED + FAILED_1 + FAILED_2, NOW)).isEmpty();
    }

    @Test
    void failedAttemptsAloneAreAnInitContainerFailing() {
        assertThat(Pastes.latest(HEADER + FAILED_1 + FAILED_2, NOW)).extracting(Incident::getCategory)
                .containsExactly("INIT_CONTAINER_FAILED");
    }
}
