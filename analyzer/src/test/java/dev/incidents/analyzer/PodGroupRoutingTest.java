package dev.incidents.analyzer;

import dev.incidents.analyzer.signal.GroupObserved;
import dev.incidents.schemas.PodGroupSnapshot;
import dev.incidents.schemas.fixtures.SampleRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A gang object joins the subject its members' snapshots go to: the workload its controller names. */
class PodGroupRoutingTest {

    @Test
    void aGroupGoesToItsControllersWorkload() {
        PodGroupSnapshot volcano = SampleRecords.volcanoGangPartlyPlaced();

        var routed = SignalRouting.podGroup(volcano).orElseThrow();

        assertThat(routed.key).isEqualTo(Subject.workload(volcano.getCluster(), "training", "Job", "qwen-72b-pretrain").key());
        assertThat(routed.value).isInstanceOf(GroupObserved.class);
        assertThat(((GroupObserved) routed.value).snapshot()).isSameAs(volcano);
    }

    @Test
    void aGroupWithoutOwnerIsASubjectOfItsOwnAndATombstoneGoesNowhere() {
        PodGroupSnapshot bare = PodGroupSnapshot.newBuilder(SampleRecords.volcanoGangPartlyPlaced()).setOwners(List.of()).build();

        assertThat(SignalRouting.podGroup(bare).orElseThrow().key)
                .isEqualTo(Subject.workload(bare.getCluster(), "training", "PodGroup", bare.getName()).key());
        assertThat(SignalRouting.podGroup(null)).isEmpty();
    }
}
