package dev.incidents.analyzer.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volcano's gang verdicts, verbatim from its issues and design documents. */
class GangVerdictTest {

    @Test
    void members_running_below_min_available_are_a_partial_placement() {
        // volcano-sh/volcano#2462, the PodGroup's Unschedulable condition (minAvailable sorts before Running as text)
        GangVerdict v = GangVerdict.parse(
                "12/8 tasks in gang unschedulable: pod group is not ready, 20 minAvailable, 8 Running").orElseThrow();

        assertThat(v.minAvailable()).isEqualTo(20);
        assertThat(v.byStatus()).isEqualTo(Map.of("Running", 8));
        assertThat(v.placed()).isEqualTo(8);
        assertThat(v.partlyPlaced()).isTrue();
    }

    @Test
    void bound_and_binding_members_hold_their_nodes_too() {
        GangVerdict v = GangVerdict.parse("2/4 tasks in gang unschedulable: pod group is not ready, 1 Binding, "
                + "1 Bound, 2 Pending, 4 minAvailable; Pending: 2 Unschedulable").orElseThrow();

        assertThat(v.placed()).isEqualTo(2);
        assertThat(v.partlyPlaced()).isTrue();
    }

    @Test
    void a_group_with_nothing_placed_waits_whole_and_is_not_partial() {
        // volcano-sh/volcano#1094, #2416, #2930 and the wording of PR #4117 (the counts after ';' are the pending
        // tasks' scheduling reasons, not statuses)
        for (String message : new String[] {
                "1/1 tasks in gang unschedulable: pod group is not ready, 1 Pending, 1 minAvailable.",
                "1/1 tasks in gang unschedulable: pod group is not ready, 1 Pending, 1 minAvailable; Pending: 1 Undetermined",
                "1/0 tasks in gang unschedulable: pod group is not ready, 1 minAvailable",
                "3/6 tasks in gang unschedulable: pod group is not ready, 6 Pending, 6 minAvailable; Pending: 1 "
                        + "Unschedulable, 2 Undetermined, 3 Schedulable"}) {
            GangVerdict v = GangVerdict.parse(message).orElseThrow();
            assertThat(v.placed()).as(message).isZero();
            assertThat(v.partlyPlaced()).as(message).isFalse();
        }
    }

    @Test
    void a_group_placed_up_to_its_minimum_is_not_partial() {
        assertThat(GangVerdict.parse("2/6 tasks in gang unschedulable: pod group is not ready, 2 Pending, "
                + "4 Running, 4 minAvailable").orElseThrow().partlyPlaced()).isFalse();
    }

    @Test
    void other_messages_are_not_gang_verdicts() {
        assertThat(GangVerdict.parse("pod group is ready")).isEmpty();
        assertThat(GangVerdict.parse("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")).isEmpty();
        assertThat(GangVerdict.parse("1/1 tasks in gang unschedulable: pod group is not ready")).isEmpty();
        assertThat(GangVerdict.parse(null)).isEmpty();
        assertThat(GangVerdict.parse("1/1 tasks in gang unschedulable: pod group is not ready, "
                + "99999999999 Running, 1 minAvailable")).isEmpty();
    }
}
