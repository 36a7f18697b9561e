package dev.incidents.recordings;

import dev.incidents.schemas.Condition;
import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node's Conditions table as {@code kubectl describe node} prints it (absolute times, the kubelet's and the node
 * controller's reasons and messages), whole, as a bare table, or as a single pasted row: the node snapshot carries
 * each condition with its status, reason, message and transition time, and a Ready that is not True becomes its
 * {@code NodeNotReady} event.
 */
class NodeConditionsTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-01-01T00:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private List<Recorded> read(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        return records;
    }

    private static NodeSnapshot node(List<Recorded> records) {
        return records.stream().map(Recorded::value).filter(NodeSnapshot.class::isInstance).map(NodeSnapshot.class::cast)
                .findFirst().orElseThrow();
    }

    private static Condition condition(NodeSnapshot node, String type) {
        return node.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static KubeEvent notReady(List<Recorded> records) {
        return records.stream().map(Recorded::value).filter(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .filter(e -> e.getReason().equals("NodeNotReady")).findFirst().orElseThrow();
    }

    /**
     * junhyeong9812's k3s home lab: {@code kubectl describe node | grep -A 10 "Conditions"} over three nodes, each part
     * between grep's {@code --} separators its own node, named by its Addresses' Hostname as the kubelet registers it
     * (lowercased).
     */
    @Test
    void eachNodesConditionsCutByGrepIsThatNodes() {
        String part = """
                Conditions:
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  MemoryPressure   False   Wed, 14 Jan 2026 16:40:46 +0900   Mon, 12 Jan 2026 10:04:07 +0900   KubeletHasSufficientMemory   kubelet has sufficient memory available
                  DiskPressure     %s    Wed, 14 Jan 2026 16:40:46 +0900   Wed, 14 Jan 2026 14:42:27 +0900   %s
                  Ready            True    Wed, 14 Jan 2026 16:40:46 +0900   Mon, 12 Jan 2026 10:04:07 +0900   KubeletReady                 kubelet is posting ready status
                Addresses:
                  InternalIP:  192.168.55.%s
                  Hostname:    %s
                Capacity:
                """;
        List<Recorded> records = read("$ kubectl describe node | grep -A 10 \"Conditions\"\n"
                + part.formatted("False", "KubeletHasNoDiskPressure     kubelet has no disk pressure", "9", "jun-mini1")
                + "--\n"
                + part.formatted("True ", "KubeletHasDiskPressure       kubelet has disk pressure", "114",
                        "jun-Victus-Laptop-16"));
        List<NodeSnapshot> nodes = records.stream().map(Recorded::value).filter(NodeSnapshot.class::isInstance)
                .map(NodeSnapshot.class::cast).toList();
        assertThat(nodes).extracting(NodeSnapshot::getName).containsExactly("jun-mini1", "jun-victus-laptop-16");
        assertThat(condition(nodes.get(0), "DiskPressure").getStatus()).isEqualTo("False");
        assertThat(condition(nodes.get(1), "DiskPressure").getStatus()).isEqualTo("True");
    }

    /** A node describe cut above its Name: its own events are the node's its Addresses' Hostname names. */
    @Test
    void aNodesEventsBelowItsHostname() {
        List<Recorded> records = read("""
                Addresses:
                  InternalIP:  10.0.0.5
                  Hostname:    gpu-node-7
                Events:
                  Type     Reason                 Age   From     Message
                  ----     ------                 ----  ----     -------
                  Warning  EvictionThresholdMet   2m    kubelet  Attempting to reclaim ephemeral-storage
                """);
        assertThat(records).map(Recorded::value).filteredOn(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.getReason()).isEqualTo("EvictionThresholdMet");
                    assertThat(e.getInvolvedObject().getKind()).isEqualTo("Node");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("gpu-node-7");
                });
    }

    /** deepops#355: a describe cut at its Conditions header; the node controller's not-ready taint says Ready=False. */
    @Test
    void theNotReadyTaintStandsForACutConditionsTable() {
        NodeSnapshot node = node(read("""
                Name:               ai1
                Roles:              master
                Taints:             node.kubernetes.io/not-ready:NoSchedule
                Unschedulable:      false
                Conditions:
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                """));

        assertThat(condition(node, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(node, "Ready").getReason()).isEqualTo("KubeletNotReady");
        assertThat(node(read("""
                Name:               gpu-7
                Taints:             node.kubernetes.io/unreachable:NoExecute
                """)).getConditions()).singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo("Unknown"));
    }

    /** minikube#6820: a describe cut before its Conditions; the disk-pressure taint says DiskPressure=True. */
    @Test
    void aPressureTaintStandsForItsCondition() {
        List<Recorded> records = read("""
                Name:               minikube
                Roles:              master
                Taints:             node.kubernetes.io/disk-pressure:NoSchedule
                Unschedulable:      false
                """);

        assertThat(condition(node(records), "DiskPressure").getStatus()).isEqualTo("True");
        assertThat(records).extracting(Recorded::value).filteredOn(KubeEvent.class::isInstance)
                .extracting(e -> ((KubeEvent) e).getReason()).containsExactly("NodeHasDiskPressure");
        assertThat(node(read("""
                Name:               gpu-7
                Taints:             node.kubernetes.io/memory-pressure:NoSchedule
                Conditions:
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  MemoryPressure   False   Mon, 06 Jan 2025 10:00:00 +0000   Mon, 06 Jan 2025 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
                """)).getConditions()).as("a pasted table wins over the taint").singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo("False"));
    }

    /**
     * A Conditions table cut after its first rows (k3d: MemoryPressure only) says nothing of the disk: the taint still
     * stands for DiskPressure=True beside the rows it has.
     */
    @Test
    void aPressureTaintStandsForTheRowACutTableLacks() {
        NodeSnapshot node = node(read("""
                Name:               k3d-agent-1
                Taints:             node.kubernetes.io/disk-pressure:NoSchedule
                Unschedulable:      false
                Conditions:
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  MemoryPressure   False   Sun, 28 Apr 2019 17:49:14 +0800   Sun, 28 Apr 2019 17:48:04 +0800   KubeletHasSufficientMemory   kubelet has sufficient memory available
                """));

        assertThat(condition(node, "MemoryPressure").getStatus()).isEqualTo("False");
        assertThat(condition(node, "DiskPressure").getStatus()).isEqualTo("True");
    }

    /** A describe cut to its Taints line, above other output: only nodes have taints, so it is the unnamed node's. */
    @Test
    void aTaintsLineAloneIsANodes() {
        List<Recorded> records = read("""
                Taints: node.kubernetes.io/disk-pressure:NoSchedule

                $ df -h /
                Filesystem      Size  Used Avail Use% Mounted on
                /dev/sda1        29G   29G     0 100% /
                """);

        NodeSnapshot node = node(records);
        assertThat(node.getName()).isEqualTo(Unnamed.NODE);
        assertThat(condition(node, "DiskPressure").getStatus()).isEqualTo("True");
    }

    /** nds-org/jupyter-et#13: PLEG unhealthy, the describe trimmed to its Name and Conditions. */
    @Test
    void plegNotHealthyInADescribedNode() {
        List<Recorded> records = read("""
                Name:               etkhub
                Roles:              master
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  OutOfDisk        False   Mon, 03 Jun 2019 13:54:18 +0000   Tue, 20 Nov 2018 09:40:53 +0000   KubeletHasSufficientDisk     kubelet has sufficient disk space available
                  MemoryPressure   False   Mon, 03 Jun 2019 13:54:18 +0000   Wed, 20 Mar 2019 22:00:39 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
                  DiskPressure     False   Mon, 03 Jun 2019 13:54:18 +0000   Wed, 20 Mar 2019 22:00:39 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
                  Ready            False   Mon, 03 Jun 2019 13:54:18 +0000   Sun, 02 Jun 2019 21:39:37 +0000   KubeletNotReady              PLEG is not healthy: pleg was last seen active 16h17m50.791825508s ago; threshold is 3m0s
                """);

        NodeSnapshot node = node(records);
        assertThat(node.getName()).isEqualTo("etkhub");
        Condition ready = condition(node, "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("KubeletNotReady");
        assertThat(ready.getMessage()).isEqualTo("PLEG is not healthy: pleg was last seen active 16h17m50.791825508s ago; threshold is 3m0s");
        assertThat(ready.getLastTransitionTime()).isEqualTo(Instant.parse("2019-06-02T21:39:37Z"));
        assertThat(condition(node, "DiskPressure").getReason()).isEqualTo("KubeletHasNoDiskPressure");
        KubeEvent event = notReady(records);
        assertThat(event.getFirstTimestamp()).isEqualTo(Instant.parse("2019-06-02T21:39:37Z"));
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2019-06-03T13:54:18Z"));
    }

    /** gesiscss/orc#21: one Ready row pasted alone, no header, no node name. */
    @Test
    void singlePastedReadyRow() {
        List<Recorded> records = read("""
                  Ready                False   Sun, 06 Dec 2020 18:56:49 +0100   Sun, 06 Dec 2020 18:49:40 +0100   KubeletNotReady              PLEG is not healthy: pleg was last seen active 10m18.040734348s ago; threshold is 3m0s
                """);

        NodeSnapshot node = node(records);
        assertThat(node.getName()).isEqualTo(DescribeNode.UNNAMED_NODE);
        Condition ready = condition(node, "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("KubeletNotReady");
        assertThat(ready.getMessage()).startsWith("PLEG is not healthy");
        assertThat(ready.getLastTransitionTime()).isEqualTo(Instant.parse("2020-12-06T17:49:40Z"));
        assertThat(notReady(records).getFirstTimestamp()).isEqualTo(Instant.parse("2020-12-06T17:49:40Z"));
    }

    /** kubernetes#73397: NodeStatusUnknown from the node controller, a condition with a CNI's reason beside it. */
    @Test
    void kubeletStoppedPostingNodeStatus() {
        List<Recorded> records = read("""
                Conditions:
                  Type                 Status    LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----                 ------    -----------------                 ------------------                ------                       -------
                  NetworkUnavailable   False     Mon, 21 Jan 2019 21:02:25 +0000   Mon, 21 Jan 2019 21:02:25 +0000   WeaveIsUp                    Weave pod has set this
                  OutOfDisk            Unknown   Mon, 21 Jan 2019 19:29:36 +0000   Fri, 25 Jan 2019 13:57:23 +0000   NodeStatusUnknown            Kubelet stopped posting node status.
                  Ready                Unknown   Mon, 21 Jan 2019 19:29:36 +0000   Fri, 25 Jan 2019 13:57:23 +0000   NodeStatusUnknown            Kubelet stopped posting node status.
                """);

        NodeSnapshot node = node(records);
        Condition ready = condition(node, "Ready");
        assertThat(ready.getStatus()).isEqualTo("Unknown");
        assertThat(ready.getReason()).isEqualTo("NodeStatusUnknown");
        assertThat(ready.getMessage()).isEqualTo("Kubelet stopped posting node status.");
        assertThat(ready.getLastTransitionTime()).isEqualTo(Instant.parse("2019-01-25T13:57:23Z"));
        assertThat(condition(node, "NetworkUnavailable").getMessage()).isEqualTo("Weave pod has set this");
        KubeEvent event = notReady(records);
        // the heartbeat stopped before the transition: the event is seen from the transition on
        assertThat(event.getFirstTimestamp()).isEqualTo(Instant.parse("2019-01-25T13:57:23Z"));
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2019-01-25T13:57:23Z"));
    }

    /** kubernetes#36273: kubectl 1.4 separated the cells with tabs. */
    @Test
    void tabSeparatedTableOfOldKubectl() {
        List<Recorded> records = read("""
                Conditions:
                  Type\t\t\tStatus\t\tLastHeartbeatTime\t\t\tLastTransitionTime\t\t\tReason\t\t\t\tMessage
                  ----\t\t\t------\t\t-----------------\t\t\t------------------\t\t\t------\t\t\t\t-------
                  NetworkUnavailable \tFalse \t\tSat, 05 Nov 2016 00:01:27 +0000 \tSat, 05 Nov 2016 00:01:27 +0000 \tRouteCreated \t\t\tRouteController created a route
                  OutOfDisk \t\tUnknown \tThu, 03 Nov 2016 12:18:28 +0000 \tThu, 03 Nov 2016 12:19:12 +0000 \tNodeStatusUnknown \t\tKubelet stopped posting node status.
                  Ready \t\tUnknown \tThu, 03 Nov 2016 12:18:28 +0000 \tThu, 03 Nov 2016 12:19:12 +0000 \tNodeStatusUnknown \t\tKubelet stopped posting node status.
                """);

        Condition ready = condition(node(records), "Ready");
        assertThat(ready.getStatus()).isEqualTo("Unknown");
        assertThat(ready.getReason()).isEqualTo("NodeStatusUnknown");
        assertThat(ready.getMessage()).isEqualTo("Kubelet stopped posting node status.");
        assertThat(ready.getLastTransitionTime()).isEqualTo(Instant.parse("2016-11-03T12:19:12Z"));
    }

    /**
     * kubernetes#72533 (AKS): the runtime down and the CNI not ready in one message; the second row's Reason cell
     * is left empty (adapted) to check that an empty cell does not shift the message into it.
     */
    @Test
    void runtimeDownAndAnEmptyReasonCell() {
        List<Recorded> records = read("""
                Name:               aks-agentpool-22124581-0
                Roles:              agent
                Conditions:
                  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----                 ------  -----------------                 ------------------                ------                       -------
                  Ready                False   Tue, 08 Jan 2019 10:14:28 +0000   Tue, 08 Jan 2019 10:10:21 +0000   KubeletNotReady              container runtime is down,PLEG is not healthy: pleg was last seen active 3m0.419452839s ago; threshold is 3m0s
                  NetworkUnavailable   False   Tue, 08 Jan 2019 10:14:28 +0000   Tue, 08 Jan 2019 10:10:21 +0000                                RouteController created a route
                """);

        NodeSnapshot node = node(records);
        assertThat(condition(node, "Ready").getMessage())
                .isEqualTo("container runtime is down,PLEG is not healthy: pleg was last seen active 3m0.419452839s ago; threshold is 3m0s");
        Condition network = condition(node, "NetworkUnavailable");
        assertThat(network.getReason()).isNull();
        assertThat(network.getMessage()).isEqualTo("RouteController created a route");
    }

    /**
     * kontena/pharos-host-upgrades#12: a condition with no message, its row padded with spaces up to the Message
     * column's start and no further (kubectl's tabwriter pads every cell but the last): its reason is read, nothing
     * rejected.
     */
    @Test
    void aRowPaddedToTheEmptyMessageColumn() {
        String header = "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message";
        String row = "  HostUpgrades     True    Wed, 23 May 2018 13:56:05 +0000   Wed, 23 May 2018 13:56:05 +0000   HostUpgradeSuccess";
        row = row + " ".repeat(header.indexOf("Message") - row.length());
        List<Recorded> records = read("Conditions:\n" + header + "\n"
                + "  ----             ------  -----------------                 ------------------                ------                       -------\n"
                + "  Ready            True    Wed, 23 May 2018 13:56:16 +0000   Wed, 23 May 2018 08:11:28 +0000   KubeletReady                 kubelet is posting ready status\n"
                + row + "\n");

        Condition upgrades = condition(node(records), "HostUpgrades");
        assertThat(upgrades.getReason()).isEqualTo("HostUpgradeSuccess");
        assertThat(upgrades.getMessage()).isNullOrEmpty();
    }

    /** GoogleCloudPlatform/container-engine-accelerators#497: a vendor's condition is a node's by its heartbeat column. */
    @Test
    void vendorConditionOfAGpuNode() {
        List<Recorded> records = read("""
                Name:               gke-weitong-cluster-p100-22d24db3-kd6j
                Conditions:
                  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----                 ------  -----------------                 ------------------                ------                       -------
                  XidCriticalError     True    Mon, 23 Jun 2025 18:45:43 +0000   Mon, 23 Jun 2025 18:44:57 +0000   {"31":true}                  6e43a052-e544-467b-a972-63d7cd2ce80a
                """);

        Condition xid = condition(node(records), "XidCriticalError");
        assertThat(xid.getStatus()).isEqualTo("True");
        assertThat(xid.getReason()).isEqualTo("{\"31\":true}");
        assertThat(xid.getLastTransitionTime()).isEqualTo(Instant.parse("2025-06-23T18:44:57Z"));
    }

    /** A pod's Conditions table has no times: it stays a pod's. */
    @Test
    void podConditionsAreNotANodes() {
        List<Recorded> records = read("""
                Status:           Failed
                Reason:           Evicted
                Message:          The node was low on resource: memory.
                Conditions:
                  Type              Status
                  Initialized       True
                  Ready             False
                """);

        assertThat(records).extracting(Recorded::kind).containsExactly(Recorded.Kind.POD);
    }
    /** k3s#6290: a node's Events table without its describe; the kubelet's own messages name the node. */
    @Test
    void aNodesEventsAloneNamedByTheKubeletsMessages() {
        List<KubeEvent> events = read("""
                Events:
                  Type     Reason                   Age                    From        Message
                  ----     ------                   ----                   ----        -------
                  Normal   NodeHasDiskPressure      12m                    kubelet     Node node1 status is now: NodeHasDiskPressure
                  Warning  EvictionThresholdMet     9m18s (x15 over 12m)   kubelet     Attempting to reclaim ephemeral-storage
                """).stream().map(Recorded::value).map(KubeEvent.class::cast).toList();

        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Node");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("node1");
        });
    }

    /** gpu-operator#1065: a node describe's Capacity and Allocatable alone, the reporter's marker after a quantity. */
    @Test
    void resourceBlocksAloneAreAnUnnamedNodes() {
        NodeSnapshot node = node(read("""
                Capacity:
                  cpu:                        128
                  nvidia.com/gpu:             8
                Allocatable:
                  cpu:                        128
                  nvidia.com/gpu:             7       <=========== here
                """));

        assertThat(node.getName()).isEqualTo(DescribeNode.UNNAMED_NODE);
        assertThat(node.getCapacity()).containsEntry("nvidia.com/gpu", "8");
        assertThat(node.getAllocatable()).containsEntry("nvidia.com/gpu", "7");
    }

    /**
     * kubernetes#55713: a 1.8 `kubectl get nodes` listing: each row is its node, STATUS its Ready condition; the
     * NotReady one gets its NodeNotReady event, a cordoned Ready one is unschedulable and gets none.
     */
    @Test
    void aGetNodesListingGivesEachNodesReadiness() {
        List<Recorded> records = read("""
                NAME                STATUS                     ROLES         AGE       VERSION
                lls-lon-db-master   Ready,SchedulingDisabled   master,node   7d        v1.8.0+coreos.0
                lls-lon-testing01   NotReady                   node          6d        v1.8.0+coreos.0
                """);

        List<NodeSnapshot> nodes = records.stream().map(Recorded::value).filter(NodeSnapshot.class::isInstance)
                .map(NodeSnapshot.class::cast).toList();
        assertThat(nodes).extracting(NodeSnapshot::getName).containsExactly("lls-lon-db-master", "lls-lon-testing01");
        assertThat(condition(nodes.get(0), "Ready").getStatus()).isEqualTo("True");
        assertThat(nodes.get(0).getUnschedulable()).isTrue();
        assertThat(condition(nodes.get(1), "Ready").getStatus()).isEqualTo("False");
        assertThat(notReady(records).getInvolvedObject().getName()).isEqualTo("lls-lon-testing01");
        assertThat(records).extracting(Recorded::value).filteredOn(KubeEvent.class::isInstance).hasSize(1);
    }

    /**
     * kubernetes#108589: a `get nodes -o wide` header that lost its first letter in the copy (`AME`) is still the
     * table's; rows pasted without any header count when they end in the kubelet's version, as `--no-headers` prints
     * them. A row without that cell and without a header is not taken for a node.
     */
    @Test
    void aClippedHeaderOrNoneStillGivesTheNodes() {
        List<Recorded> clipped = read("""
                AME               STATUS     ROLES                  AGE     VERSION   INTERNAL-IP     EXTERNAL-IP
                ip-172-31-25-234   Ready      control-plane,master   9d      v1.23.4   172.31.25.234   <none>
                worker1            NotReady   <none>                 8d      v1.23.4   172.31.21.205   <none>
                """);
        assertThat(clipped).map(Recorded::value).filteredOn(NodeSnapshot.class::isInstance)
                .map(n -> ((NodeSnapshot) n).getName()).containsExactly("ip-172-31-25-234", "worker1");
        assertThat(notReady(clipped).getInvolvedObject().getName()).isEqualTo("worker1");

        List<Recorded> bare = read("""
                worker2   NotReady   <none>   4d2h    v1.23.4
                worker3   NotReady   <none>   3d22h   v1.23.4
                """);
        assertThat(bare).map(Recorded::value).filteredOn(KubeEvent.class::isInstance)
                .map(e -> ((KubeEvent) e).getInvolvedObject().getName()).containsExactly("worker2", "worker3");

        assertThat(read("worker4   NotReady   <none>   4d2h\n")).map(Recorded::value)
                .filteredOn(NodeSnapshot.class::isInstance).isEmpty();
    }

    /**
     * kubernetes#35017: {@code kubectl describe node 127.0.0.1|grep DiskPressure}, the one condition row grep left: the
     * command names the node; two describe commands naming different nodes name none.
     */
    @Test
    void aConditionRowGreppedFromADescribeIsTheNodeTheCommandNames() {
        List<Recorded> records = read("""
                [root@ip-172-18-6-200 eviction]# kubectl describe node 127.0.0.1|grep DiskPressure
                  DiskPressure \t\tTrue \tTue, 18 Oct 2016 02:09:49 -0400 \tTue, 18 Oct 2016 02:05:38 -0400 \tKubeletHasDiskPressure \t\tkubelet has disk pressure
                """);
        NodeSnapshot node = node(records);
        assertThat(node.getName()).isEqualTo("127.0.0.1");
        assertThat(condition(node, "DiskPressure").getStatus()).isEqualTo("True");
        assertThat(records).map(Recorded::value).filteredOn(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .singleElement().satisfies(e -> {
                    assertThat(e.getReason()).isEqualTo("NodeHasDiskPressure");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("127.0.0.1");
                });

        assertThat(node(read("""
                $ kubectl describe node gpu-a | grep DiskPressure; kubectl describe node gpu-b | grep DiskPressure
                  DiskPressure     True    Tue, 18 Oct 2016 02:09:49 -0400   Tue, 18 Oct 2016 02:05:38 -0400   KubeletHasDiskPressure   kubelet has disk pressure
                """)).getName()).isEqualTo(DescribeNode.UNNAMED_NODE);
    }

    /**
     * hhhyunwoo's blog (a Prometheus disk filling a node): a describe copied from its {@code Lease:} section down, its
     * {@code Name:} above the cut; the lease is held in the node's name, so the conditions and events are that node's.
     */
    @Test
    void aDescribeCutAboveItsNameIsTheNodeItsLeaseNames() {
        List<Recorded> records = read("""
                Lease:
                  HolderIdentity:  kiml-test-monitor1
                  AcquireTime:     <unset>
                  RenewTime:       Thu, 13 Apr 2023 14:50:18 +0900
                Conditions:
                  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----                 ------  -----------------                 ------------------                ------                       -------
                  DiskPressure         True    Thu, 13 Apr 2023 14:50:21 +0900   Thu, 13 Apr 2023 06:08:51 +0900   KubeletHasDiskPressure       kubelet has disk pressure
                  Ready                True    Thu, 13 Apr 2023 14:50:21 +0900   Sat, 08 Apr 2023 01:09:51 +0900   KubeletReady                 kubelet is posting ready status. AppArmor enabled
                Events:
                  Type     Reason                Age                       From     Message
                  ----     ------                ----                      ----     -------
                  Warning  EvictionThresholdMet  5m23s (x8450 over 2d20h)  kubelet  Attempting to reclaim ephemeral-storage
                """);

        assertThat(node(records).getName()).isEqualTo("kiml-test-monitor1");
        assertThat(records).map(Recorded::value).filteredOn(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .allSatisfy(e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("kiml-test-monitor1"))
                .extracting(KubeEvent::getReason).contains("NodeHasDiskPressure", "EvictionThresholdMet");
    }

    /**
     * A homework transcript: a {@code get nodes} listing with one node NotReady, then Conditions rows cut from a
     * describe with no name above them: they are that node's.
     */
    @Test
    void conditionsBesideAListingWithOneNodeNotReadyAreThatNodes() {
        List<Recorded> records = read("""
                $ kubectl get nodes -o wide
                NAME           STATUS     ROLES           AGE   VERSION
                minikube       Ready      control-plane   19d   v1.37.0
                minikube-m02   NotReady   <none>          19d   v1.37.0

                  Ready            Unknown   Thu, 08 Oct 2026 00:37:41 +0530   Thu, 08 Oct 2026 00:38:53 +0530   NodeStatusUnknown   Kubelet stopped posting node status.
                """);
        assertThat(records).map(Recorded::value).filteredOn(KubeEvent.class::isInstance).map(KubeEvent.class::cast)
                .isNotEmpty().allSatisfy(e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("minikube-m02"));
    }
}
