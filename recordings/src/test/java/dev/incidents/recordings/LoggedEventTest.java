package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A component's log of an event, read as that event about the object it names, at the line's time. */
class LoggedEventTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2024-05-02T14:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private KubeEvent onlyEvent(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        return (KubeEvent) records.get(0).value();
    }

    /**
     * The eviction manager's lines beyond a {@code kubelet[pid]} journal line: a month in the host's locale and the
     * structured form (kubernetes#129616), the kubelet under another process (OpenShift 3's {@code dockerd-current},
     * catasb#201), and klog lines alone, whose node is not named (k3s#888), even cut down to the process and the
     * source file (kubernetes#74169). Each log line is a record of its own,
     * however long: the next one's header is no continuation of it.
     */
    @Test
    void theEvictionManagerWhereverItsLinesAre() {
        KubeEvent localized = onlyEvent("janv. 06 12:44:17 qpk8s-node-033 kubelet[26615]: I0106 12:44:17.658612   26615 "
                + "eviction_manager.go:366] \"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"\n");
        assertThat(localized.getReason()).isEqualTo("EvictionThresholdMet");
        assertThat(localized.getInvolvedObject().getName()).isEqualTo("qpk8s-node-033");
        assertThat(localized.getMessage()).isEqualTo("Attempting to reclaim ephemeral-storage");

        KubeEvent underDocker = onlyEvent("Jan 10 09:41:08 speed3 dockerd-current[21270]: W0110 14:41:08.646423   23589 "
                + "eviction_manager.go:332] eviction manager: attempting to reclaim imagefs\n");
        assertThat(underDocker.getInvolvedObject().getName()).isEqualTo("speed3");

        List<Recorded> klog = Recordings.read("k3s.log", """
                W1010 09:15:45.265944       1 eviction_manager.go:333] eviction manager: attempting to reclaim ephemeral-storage
                I1010 09:15:45.266039       1 container_gc.go:85] attempting to delete unused containers
                I1010 09:15:45.281577       1 eviction_manager.go:344] eviction manager: must evict pod(s) to reclaim ephemeral-storage
                """, OPTIONS, rejections::add);
        assertThat(klog).extracting(r -> ((KubeEvent) r.value()).getMessage())
                .containsExactly("Attempting to reclaim ephemeral-storage", "Attempting to reclaim ephemeral-storage");
        assertThat(klog).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getName())
                .containsOnly(Unnamed.NODE);

        // kubernetes#74169: the journal's date and host trimmed off, the klog time and thread id too
        List<Recorded> cut = Recordings.read("journal.txt", """
                kubelet[27516]: W0216 eviction_manager.go:329] eviction manager: attempting to reclaim ephemeral-storage
                kubelet[27516]: I0216 eviction_manager.go:340] eviction manager: must evict pod(s) to reclaim ephemeral-storage
                kubelet[27516]: I0216 eviction_manager.go:358] eviction manager: pods ranked for eviction: etcd-m1_kube-system(939d
                """, OPTIONS, rejections::add);
        assertThat(cut).extracting(r -> ((KubeEvent) r.value()).getReason())
                .containsExactly("EvictionThresholdMet", "EvictionThresholdMet");
        assertThat(cut).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getName())
                .containsOnly(Unnamed.NODE);

        assertThat(Recordings.read("notes.txt", "the eviction manager: attempting to reclaim space is in the logs\n",
                OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * openshift-tests' event monitor (origin#23352): the object and namespace it names, the count after, the reason
     * read from the message when the line does not print it; a line that is no event (a deletion) is none.
     */
    @Test
    void theOpenShiftEventMonitorsLines() {
        List<Recorded> records = Recordings.read("monitor.txt", """
                Nov 29 10:29:16.442 W clusteroperator/service-catalog-controller-manager changed Degraded to Unknown
                Nov 29 10:29:19.104 W ns/openshift-service-catalog-apiserver daemonset/apiserver Error creating: pods "apiserver-" is forbidden: no PriorityClass with name test was found (3 times)
                Nov 29 10:29:20.001 W ns/ml pod/vllm-0 node/gpu-1 reason/BackOff Back-off restarting failed container
                Nov 29 10:29:19.105 W ns/openshift-service-catalog-apiserver pod/apiserver-6mrkp node/ip-10-0-162-148.us-east-2.compute.internal deleted
                """, new ReadOptions("test", Instant.parse("2019-11-29T10:30:00Z")), rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(2);
        KubeEvent created = (KubeEvent) records.get(0).value();
        assertThat(created.getReason()).isEqualTo("FailedCreate");
        assertThat(created.getInvolvedObject().getKind() + " " + created.getInvolvedObject().getNamespace() + "/"
                + created.getInvolvedObject().getName()).isEqualTo("DaemonSet openshift-service-catalog-apiserver/apiserver");
        assertThat(created.getCount()).isEqualTo(3);
        assertThat(created.getLastTimestamp()).isEqualTo(Instant.parse("2019-11-29T10:29:19Z"));
        KubeEvent backOff = (KubeEvent) records.get(1).value();
        assertThat(backOff.getReason()).isEqualTo("BackOff");
        assertThat(backOff.getInvolvedObject().getName()).isEqualTo("vllm-0");
    }

    /**
     * The kubelet's logs of what it records on its node: a condition change (kubernetes#115516, structured; the pre-1.20
     * wording too) and image garbage collection failing again (k3s#1346, its line cut by the pager; structured too).
     */
    @Test
    void theKubeletsLogOfItsNodesEvents() {
        KubeEvent pressure = onlyEvent("Feb 03 22:12:03 ip-10-128-18-28.ca-central-1.compute.internal kubelet[5402]: I0203 "
                + "22:12:03.642297    5402 kubelet_node_status.go:668] \"Recording event message for node\" "
                + "node=\"ip-10-128-18-28.ca-central-1.compute.internal\" event=\"NodeHasDiskPressure\"\n");
        assertThat(pressure.getReason()).isEqualTo("NodeHasDiskPressure");
        assertThat(pressure.getInvolvedObject().getKind() + "/" + pressure.getInvolvedObject().getName())
                .isEqualTo("Node/ip-10-128-18-28.ca-central-1.compute.internal");
        assertThat(pressure.getMessage()).isEqualTo("Node ip-10-128-18-28.ca-central-1.compute.internal status is now: "
                + "NodeHasDiskPressure");
        assertThat(onlyEvent("I0203 22:12:03.642297    5402 kubelet_node_status.go:72] Recording NodeNotReady event "
                + "message for node gpu-node-3\n").getInvolvedObject().getName()).isEqualTo("gpu-node-3");

        KubeEvent gc = onlyEvent("Jan 31 23:19:03 p5520 k3s[1463]: E0131 23:19:03.467008    1463 kubelet.go:1298] Image "
                + "garbage collection failed multiple times in a row: failed to garbage collect required amount of images. "
                + "Wanted to free 95408>\n");
        assertThat(gc.getReason()).isEqualTo("ImageGCFailed");
        assertThat(gc.getInvolvedObject().getName()).isEqualTo("p5520");
        assertThat(gc.getMessage()).startsWith("failed to garbage collect required amount of images.");
        KubeEvent structured = onlyEvent("E0131 23:19:03.467008    1463 kubelet.go:1350] \"Image garbage collection failed "
                + "multiple times in a row\" err=\"failed to garbage collect required amount of images. Wanted to free "
                + "9540819 bytes, but freed 0 bytes\"\n");
        assertThat(structured.getInvolvedObject().getName()).isEqualTo(Unnamed.NODE);
        assertThat(structured.getMessage()).endsWith("but freed 0 bytes");
    }

    /**
     * gogs/openshift-docker#3: an OpenShift 3 node's journal (the kubelet runs inside {@code atomic-openshift-node}), a
     * pre-1.20 kubelet's {@code Unable to mount volumes for pod "name_ns(uid)": ...}, cut by the reporter: the pod's
     * FailedMount, in the namespace its name carries.
     */
    @Test
    void anOldKubeletsMountFailureInANodesJournal() {
        KubeEvent event = onlyEvent("""
                May 24 16:07:17 ose3-node2.example.com atomic-openshift-node[2474]: E0524 16:07:17.915440    2474 kubelet.go:1796] Unable to mount volumes for pod "gogs-2-91275_infra(3c2d0709-2204-11e6-843d-525400daa840)": conf
                """);

        assertThat(event.getReason()).isEqualTo("FailedMount");
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("infra");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("gogs-2-91275");
        assertThat(event.getMessage()).startsWith("Unable to mount volumes for pod \"gogs-2-91275_infra(");
    }

    /**
     * A kubelet line with an RFC 3339 time in front, as rsyslog writes {@code /var/log/syslog} on current Ubuntu, and
     * journalctl's {@code -o short-iso} ({@code +0800}) and {@code -o short-full} (weekday, zone): the host after the
     * time is the node, and the time is the event's (to the millisecond, as records keep it).
     */
    @Test
    void aJournalLineWithAnIsoTimeNamesItsNode() {
        KubeEvent rsyslog = onlyEvent("2024-11-26T16:37:56.123456+08:00 gpu-node-3 kubelet[1177]: I1126 16:37:56.123400"
                + "    1177 eviction_manager.go:366] \"Eviction manager: attempting to reclaim\" resourceName=\"ephemeral-storage\"\n");
        assertThat(rsyslog.getReason()).isEqualTo("EvictionThresholdMet");
        assertThat(rsyslog.getInvolvedObject().getName()).isEqualTo("gpu-node-3");
        assertThat(rsyslog.getLastTimestamp()).isEqualTo(Instant.parse("2024-11-26T08:37:56.123Z"));

        KubeEvent shortIso = onlyEvent("2024-11-26T16:37:56+0800 gpu-node-3 kubelet[1177]: E1126 16:37:56.123400    1177 "
                + "kubelet.go:2874] \"Container runtime network not ready\" networkReady=\"NetworkReady=false "
                + "reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized\"\n");
        assertThat(shortIso.getInvolvedObject().getName()).isEqualTo("gpu-node-3");
        assertThat(shortIso.getLastTimestamp()).isEqualTo(Instant.parse("2024-11-26T08:37:56Z"));

        KubeEvent shortFull = onlyEvent("Tue 2024-11-26 16:37:56 CST gpu-node-3 kubelet[1177]: W1126 16:37:56.123400    "
                + "1177 eviction_manager.go:366] eviction manager: attempting to reclaim imagefs\n");
        assertThat(shortFull.getInvolvedObject().getName()).isEqualTo("gpu-node-3");
    }

    /**
     * A journal under a Chinese, Japanese or Korean locale prints the month as its number ({@code 11月 26 16:37:56},
     * a home lab's kubelet that would not start with swap on, nolebase): the host is still the node, the time still
     * the line's. A kubelet giving up at start ({@code failed to run Kubelet:}, structured or before 1.20), or its
     * systemd unit failing, leaves its node without status: the node controller's NodeNotReady, Ready Unknown, with
     * the kubelet's or systemd's why.
     */
    @Test
    void aKubeletThatCannotStartLeavesItsNodeNotReady() {
        KubeEvent swap = onlyEvent("11月 26 16:37:56 node01 kubelet[5885]: E1126 16:37:56.750615    5885 server.go:294] "
                + "\"Failed to run kubelet\" err=\"failed to run Kubelet: running with swap on is not supported, please "
                + "disable swap! or set --fail-swap-on flag to false. /proc/swaps contained: [Filename\\t\\t\\t\\tType]\"\n");
        assertThat(swap.getReason()).isEqualTo("NodeNotReady");
        assertThat(swap.getInvolvedObject().getKind()).isEqualTo("Node");
        assertThat(swap.getInvolvedObject().getName()).isEqualTo("node01");
        assertThat(swap.getLastTimestamp()).isEqualTo(Instant.parse("2023-11-26T16:37:56Z"));
        assertThat(swap.getMessage()).isEqualTo("Node node01 status is now: NodeNotReady (Ready=Unknown, NodeStatusUnknown): "
                + "Kubelet stopped posting node status: failed to run Kubelet: running with swap on is not supported, "
                + "please disable swap! or set --fail-swap-on flag to false. /proc/swaps contained: [Filename\t\t\t\tType]");

        KubeEvent korean = onlyEvent("11월 26 16:37:56 gpu-node-2 kubelet[812]: F1126 16:37:56.100000     812 "
                + "server.go:269] failed to run Kubelet: misconfiguration: kubelet cgroup driver: \"cgroupfs\" is different "
                + "from docker cgroup driver: \"systemd\"\n");
        assertThat(korean.getInvolvedObject().getName()).isEqualTo("gpu-node-2");

        // systemd's word on the unit (killer.sh's cka1024: ExecStart pointing at a missing binary, 203/EXEC)
        KubeEvent unit = onlyEvent("Apr 23 12:31:07 cka1024 systemd[1]: kubelet.service: Failed with result 'exit-code'.\n");
        assertThat(unit.getInvolvedObject().getName()).isEqualTo("cka1024");
        assertThat(unit.getMessage()).endsWith("Kubelet stopped posting node status: kubelet.service failed: exit-code");
        KubeEvent exited = onlyEvent("11月 26 16:37:46 node01 systemd[1]: kubelet.service: Main process exited, "
                + "code=exited, status=1/FAILURE\n");
        assertThat(exited.getMessage()).endsWith("kubelet.service exited with status 1/FAILURE");
        assertThat(Recordings.read("paste.txt", "Apr 23 12:30:07 cka1024 systemd[1]: kubelet.service: Main process "
                + "exited, code=exited, status=0/SUCCESS\n", OPTIONS, rejections::add)).as("a stop").isEmpty();
        assertThat(korean.getMessage()).endsWith("failed to run Kubelet: misconfiguration: kubelet cgroup driver: "
                + "\"cgroupfs\" is different from docker cgroup driver: \"systemd\"");
    }

    /**
     * The kubelet exiting on a module it starts once the runtime is up: its ContainerManager (kind's known issue on a
     * BTRFS host, the two lines quoted without klog header; minikube's journal with a cgroup subsystem missing; before
     * 1.20 a fatal line with the error after the words). Its node posts no status, as with {@code failed to run
     * Kubelet}.
     */
    @Test
    void aKubeletExitingOnItsContainerManagerLeavesItsNodeNotReady() {
        List<Recorded> kind = Recordings.read("paste.txt", """
                stat failed on /dev/nvme0n1p3 with error: no such file or directory
                "Failed to start ContainerManager" err="failed to get rootfs info: failed to get device for dir \\"/var/lib/kubelet\\": could not find device with major: 0, minor: 40 in cached partitions map"
                """, OPTIONS, rejections::add);
        assertThat(kind).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("NodeNotReady");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Node");
            assertThat(e.getMessage()).endsWith("Kubelet stopped posting node status: Failed to start ContainerManager: "
                    + "failed to get rootfs info: failed to get device for dir \"/var/lib/kubelet\": could not find "
                    + "device with major: 0, minor: 40 in cached partitions map");
        });

        KubeEvent minikube = onlyEvent("Aug 07 02:12:30 minikube kubelet[6011]: E0807 02:12:30.052218    6011 "
                + "kubelet.go:1431] \"Failed to start ContainerManager\" err=\"system validation failed - Following Cgroup "
                + "subsystem not mounted: [memory]\"\n");
        assertThat(minikube.getInvolvedObject().getName()).isEqualTo("minikube");
        assertThat(minikube.getMessage()).endsWith("Failed to start ContainerManager: system validation failed - "
                + "Following Cgroup subsystem not mounted: [memory]");

        KubeEvent legacy = onlyEvent("Mar 02 10:01:02 worker-3 kubelet[901]: F0302 10:01:02.000000     901 "
                + "kubelet.go:1380] Failed to start ContainerManager failed to initialize top level QOS containers: "
                + "failed to find subsystem mount for required subsystem: pids\n");
        assertThat(legacy.getMessage()).endsWith("Failed to start ContainerManager: failed to initialize top level QOS "
                + "containers: failed to find subsystem mount for required subsystem: pids");
        // an old kubelet that went on without it said so, and is no failure to start
        assertThat(Recordings.read("paste.txt", "E0101 10:00:00.000000 1 kubelet.go:1200] Failed to start "
                + "ContainerManager, system may not be properly isolated: x\n", OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * kubernetes#64303: a hollow kubelet's fatal line ({@code F}, klog exits after it) from its own code: whatever it
     * could not start, the kubelet is gone and its node posts no status. Another component's fatal line is not the
     * kubelet's.
     */
    @Test
    void aKubeletsFatalLineLeavesItsNodeNotReady() {
        KubeEvent watcher = onlyEvent("F0530 16:59:16.877788       7 kubelet.go:1339] failed to start Plugin Watcher. "
                + "err: failed to start plugin watcher, err: too many open files\n");
        assertThat(watcher.getReason()).isEqualTo("NodeNotReady");
        assertThat(watcher.getInvolvedObject().getKind()).isEqualTo("Node");
        assertThat(watcher.getMessage()).endsWith("Kubelet stopped posting node status: failed to start Plugin Watcher. "
                + "err: failed to start plugin watcher, err: too many open files");
        KubeEvent onHost = onlyEvent("Jun 01 10:00:00 worker-7 kubelet[77]: F0601 10:00:00.000000      77 "
                + "kubelet_node_status.go:42] Kubelet failed to get node info: node \"worker-7\" not found\n");
        assertThat(onHost.getInvolvedObject().getName()).isEqualTo("worker-7");
        assertThat(Recordings.read("paste.txt", "F0601 10:00:00.000000       1 server.go:495] unable to create proxier: "
                + "x\n", OPTIONS, rejections::add)).as("kube-proxy's").isEmpty();
    }

    /**
     * The volume manager's retry line ({@code nestedpendingoperations.go}), the same in every kubelet version but for
     * its error, quoted since about 1.11 (rke2#1793, an Azure Files page) and bare in others (a flannel journal): the
     * pod's FailedMount with the message the kubelet records as the event (no unique name, no pod in it), on the pod
     * the error names. A tear-down's failure is none (the pod is gone); a block device's map failure is FailedMapVolume.
     */
    @Test
    void theVolumeManagersRetryLineIsThePodsFailedMount() {
        KubeEvent quoted = onlyEvent("E0909 23:55:10.632727  3145 nestedpendingoperations.go:301] Operation for "
                + "\"{volumeName:kubernetes.io/host-path/eac51eca-extra-mount-0 podName:eac51eca nodeName:}\" failed. No "
                + "retries permitted until 2021-09-09 23:55:11.13267816 +0000 UTC m=+26.909590544 (durationBeforeRetry "
                + "500ms). Error: \"MountVolume.SetUp failed for volume \\\"extra-mount-0\\\" (UniqueName: "
                + "\\\"kubernetes.io/host-path/eac51eca-extra-mount-0\\\") pod \\\"kube-apiserver-ip-172-31-21-153\\\" "
                + "(UID: \\\"eac51eca\\\") : hostPath type check failed: /home/ubuntu/otherfile.yaml is not a directory\"\n");
        assertThat(quoted.getReason()).isEqualTo("FailedMount");
        assertThat(quoted.getType()).isEqualTo("Warning");
        assertThat(quoted.getInvolvedObject().getName()).isEqualTo("kube-apiserver-ip-172-31-21-153");
        assertThat(quoted.getMessage()).isEqualTo("MountVolume.SetUp failed for volume \"extra-mount-0\" : hostPath type "
                + "check failed: /home/ubuntu/otherfile.yaml is not a directory");

        KubeEvent bare = onlyEvent("Jul 26 11:59:55 localhost kubelet[64483]: E0726 11:59:55.606990   64483 "
                + "nestedpendingoperations.go:335] Operation for \"{volumeName:kubernetes.io/configmap/5cb41e8e-flannel-cfg "
                + "podName:5cb41e8e nodeName:}\" failed. No retries permitted until 2025-07-26 11:59:56.10695987 -0700 PDT "
                + "m=+3.018131295 (durationBeforeRetry 500ms). Error: MountVolume.SetUp failed for volume \"flannel-cfg\" "
                + "(UniqueName: \"kubernetes.io/configmap/5cb41e8e-flannel-cfg\") pod \"kube-flannel-ds-x7k2p\" (UID: "
                + "\"5cb41e8e\") : failed to sync configmap cache: timed out waiting for the condition\n");
        assertThat(bare.getInvolvedObject().getName()).isEqualTo("kube-flannel-ds-x7k2p");
        assertThat(bare.getMessage()).isEqualTo("MountVolume.SetUp failed for volume \"flannel-cfg\" : failed to sync "
                + "configmap cache: timed out waiting for the condition");

        KubeEvent device = onlyEvent("E0108 15:44:58.498052   14927 nestedpendingoperations.go:267] Operation for "
                + "\"\\\"kubernetes.io/rbd/k8s-rbd:pvc-e304\"\" failed. No retries permitted until 2020-01-08 "
                + "15:47:00.498014981 +0100 CET m=+619493.508747496 (durationBeforeRetry 2m2s). Error: \"MapVolume.SetUpDevice "
                + "failed for volume \\\"pvc-e27f\\\" (UniqueName: \\\"kubernetes.io/rbd/k8s-rbd:pvc-e304\\\") pod "
                + "\\\"gitlab-ce-1-j7lph\\\" (UID: \\\"69151c2c\\\") : rbd: map failed exit status 110\"\n");
        assertThat(device.getReason()).isEqualTo("FailedMapVolume");
        assertThat(device.getInvolvedObject().getName()).isEqualTo("gitlab-ce-1-j7lph");

        assertThat(Recordings.read("kubelet.log", "E0926 19:59:39.977461   54420 nestedpendingoperations.go:262] Operation for "
                + "\"\\\"kubernetes.io/secret/30f3-default-token-6tpnm\\\" (\\\"30f3\\\")\" failed. No retries "
                + "permitted until 2017-09-26 19:59:41.977419403 +0800 CST (durationBeforeRetry 2s). Error: "
                + "UnmountVolume.TearDown failed for volume \"default-token-6tpnm\" (UniqueName: "
                + "\"kubernetes.io/secret/30f3-default-token-6tpnm\") pod \"30f3\" (UID: \"30f3\") : remove: device or "
                + "resource busy\n", OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * chea-young's notes (syslog's copy, no process id) and a structured kubelet: its log of why the node is not Ready
     * is the node's NotReady, with the message it sets on the Ready condition (runtime network, PLEG); a klog line
     * without a journal's host is an unnamed node's, or the host's that the command printing it ran on.
     */
    @Test
    void theKubeletsLogOfWhyItsNodeIsNotReady() {
        KubeEvent network = onlyEvent("Apr 30 22:19:38 master kubelet: E0430 22:19:38.226587    2372 kubelet.go:2067] "
                + "Container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: "
                + "network plugin is not ready: cni config uninitialized\n");
        assertThat(network.getReason()).isEqualTo("NodeNotReady");
        assertThat(network.getInvolvedObject().getKind()).isEqualTo("Node");
        assertThat(network.getInvolvedObject().getName()).isEqualTo("master");
        assertThat(network.getMessage()).isEqualTo("Node master status is now: NodeNotReady (Ready=False, KubeletNotReady): "
                + "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: "
                + "network plugin is not ready: cni config uninitialized");
        KubeEvent structured = onlyEvent("May 02 13:58:01 gpu-3 kubelet[911]: E0502 13:58:01.000000     911 kubelet.go:2874] "
                + "\"Container runtime network not ready\" networkReady=\"NetworkReady=false reason:NetworkPluginNotReady "
                + "message:Network plugin returns error: cni plugin not initialized\"\n");
        assertThat(structured.getInvolvedObject().getName()).isEqualTo("gpu-3");
        assertThat(structured.getMessage()).endsWith("(Ready=False, KubeletNotReady): container runtime network not ready: "
                + "NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not "
                + "initialized");
        KubeEvent pleg = onlyEvent("May 02 13:58:01 gpu-3 kubelet[911]: I0502 13:58:01.000000     911 kubelet.go:2412] "
                + "\"Skipping pod synchronization\" err=\"PLEG is not healthy: pleg was last seen active 3m0.5s ago; "
                + "threshold is 3m0s\"\n");
        assertThat(pleg.getMessage()).endsWith("KubeletNotReady): PLEG is not healthy: pleg was last seen active 3m0.5s ago; "
                + "threshold is 3m0s");
        KubeEvent legacyPleg = onlyEvent("Jun 10 10:00:00 node-1 kubelet[77]: I0610 10:00:00.000000 77 kubelet.go:1775] "
                + "Skipping pod synchronization - [PLEG is not healthy: pleg was last seen active 3m5s ago; threshold is 3m0s]\n");
        assertThat(legacyPleg.getInvolvedObject().getName()).isEqualTo("node-1");
        assertThat(legacyPleg.getMessage()).endsWith("PLEG is not healthy: pleg was last seen active 3m5s ago; threshold is 3m0s");
        KubeEvent became = onlyEvent("I0502 13:58:01.000000     911 setters.go:552] \"Node became not ready\" node=\"gpu-3\" "
                + "condition={Type:Ready Status:False LastHeartbeatTime:2024-05-02 13:58:01 +0000 UTC LastTransitionTime:"
                + "2024-05-02 13:58:01 +0000 UTC Reason:KubeletNotReady Message:container runtime is down}\n");
        assertThat(became.getInvolvedObject().getName()).isEqualTo("gpu-3");
        assertThat(became.getMessage()).isEqualTo("Node gpu-3 status is now: NodeNotReady (Ready=False, KubeletNotReady): "
                + "container runtime is down");
        KubeEvent legacyBecame = onlyEvent("Jun 10 10:00:00 node-1 kubelet[77]: I0610 10:00:00.000000 77 setters.go:555] "
                + "Node became not ready: {Type:Ready Status:False LastHeartbeatTime:2019-06-10 10:00:00 +0000 UTC "
                + "LastTransitionTime:2019-06-10 10:00:00 +0000 UTC Reason:KubeletNotReady Message:PLEG is not healthy: pleg "
                + "was last seen active 3m3s ago; threshold is 3m0s}\n");
        assertThat(legacyBecame.getInvolvedObject().getName()).isEqualTo("node-1");
        assertThat(legacyBecame.getMessage()).endsWith("(Ready=False, KubeletNotReady): PLEG is not healthy: pleg was last "
                + "seen active 3m3s ago; threshold is 3m0s");
        // without a journal's host, an unnamed node's; below the command that printed it on a host, that host's
        assertThat(onlyEvent("E0430 22:19:38.226587    2372 kubelet.go:2067] Container runtime network not ready: "
                + "NetworkReady=false\n").getInvolvedObject().getName()).isEqualTo(Unnamed.NODE);
        assertThat(onlyEvent("root@worker-2:~# journalctl -u kubelet | tail -1\nE0430 22:19:38.226587    2372 "
                + "kubelet.go:2067] Container runtime network not ready: NetworkReady=false\n").getInvolvedObject()
                .getName()).isEqualTo("worker-2");
    }

    /**
     * The kubelet rejecting its CNI config list for a plugin binary it chains that is not installed: the list is printed
     * over the journal's lines before the error, and without a valid config the runtime's network never becomes ready.
     * The same words about one pod's network set-up are that pod's sandbox failure, not the node's.
     */
    @Test
    void aCniConfigNamingAMissingPluginLeavesItsNodeNotReady() {
        KubeEvent missing = onlyEvent("Mar 11 09:41:27 gpu-worker-2 kubelet[4410]: : [failed to find plugin \"flannel\" "
                + "in path [/opt/cni/bin] failed to find plugin \"portmap\" in path [/opt/cni/bin]]\n");
        assertThat(missing.getReason()).isEqualTo("NodeNotReady");
        assertThat(missing.getInvolvedObject().getName()).isEqualTo("gpu-worker-2");
        assertThat(missing.getMessage()).contains("NetworkPluginNotReady").endsWith("failed to find plugin \"flannel\" in "
                + "path [/opt/cni/bin] failed to find plugin \"portmap\" in path [/opt/cni/bin]");
        KubeEvent klog = onlyEvent("W0311 09:41:27.102113    4410 cni.go:237] Error validating CNI config list "
                + "{\"name\":\"k8s\",\"plugins\":[{\"type\":\"calico\"}]}: [failed to find plugin \"calico\" in path "
                + "[/opt/cni/bin]]\n");
        assertThat(klog.getInvolvedObject().getName()).isEqualTo(Unnamed.NODE);
        List<Recorded> podSetUp = Recordings.read("paste.txt", "Mar 11 09:41:27 gpu-worker-2 kubelet[4410]: E0311 "
                + "09:41:27.102113 4410 cni.go:385] Error adding serving_triton-0/4be1c2 to network flannel/cbr0: failed to "
                + "find plugin \"flannel\" in path [/opt/cni/bin]\n", OPTIONS, rejections::add);
        assertThat(podSetUp).noneMatch(r -> r.value() instanceof KubeEvent e && "NodeNotReady".equals(e.getReason()));
        // prose naming the error, not a kubelet's log line
        assertThat(Recordings.read("notes.txt", "the installer printed failed to find plugin \"bridge\" in path "
                + "[/opt/cni/bin] and exited\n", OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * awsdocs EKS troubleshooting class: a kubelet's lines cut before their PID, no journal host, one of them naming the
     * node it fails to register: the runtime's network not ready is that node's.
     */
    @Test
    void theNodeAKubeletRegistersNamesItsLog() {
        List<Recorded> read = Recordings.read("kubelet.log", """
                4191 kubelet.go:2130] Container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized
                4191 kubelet_node_status.go:106] Unable to register node "ip-10-40-175-122.ec2.internal" with API server: Unauthorized
                """, OPTIONS, rejections::add);
        // both lines say why the node is not Ready (the runtime's network, the API server refusing the kubelet)
        assertThat(read).filteredOn(r -> r.value() instanceof KubeEvent e && "NodeNotReady".equals(e.getReason()))
                .hasSize(2).allSatisfy(r -> assertThat(((KubeEvent) r.value()).getInvolvedObject().getName())
                        .isEqualTo("ip-10-40-175-122.ec2.internal"));
        assertThat(KubeletLogLine.ownNode("I0311 09:41:27.1 4410 kubelet_node_status.go:73] Attempting to register node "
                + "gpu-worker-2")).isEqualTo("gpu-worker-2");
        assertThat(KubeletLogLine.ownNode("E0311 09:41:27.1 4410 kubelet_node_status.go:380] Error updating node status, "
                + "will retry: error getting node \"gpu-worker-2\": Unauthorized")).isEqualTo("gpu-worker-2");
        assertThat(KubeletLogLine.ownNode("Container runtime network not ready")).isNull();
    }

    /**
     * The prober's line of a kubelet before 1.20 ({@code <probe> probe for "name_ns(uid):container" failed (failure):
     * <output>}): the pod's Unhealthy event, in the pod's namespace, on the container it names.
     */
    @Test
    void anOldKubeletsProberLine() {
        KubeEvent unhealthy = onlyEvent("I0611 08:02:13.550120    2241 prober.go:106] Liveness probe for "
                + "\"vllm-7d9c_inference(0b6c2f4e-8d1a-11e9-9f6a-42010a800002):vllm\" failed (failure): Get "
                + "http://10.44.0.12:8000/health: net/http: request canceled (Client.Timeout exceeded while awaiting headers)\n");
        assertThat(unhealthy.getReason()).isEqualTo("Unhealthy");
        assertThat(unhealthy.getInvolvedObject().getNamespace()).isEqualTo("inference");
        assertThat(unhealthy.getInvolvedObject().getName()).isEqualTo("vllm-7d9c");
        assertThat(unhealthy.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{vllm}");
        assertThat(unhealthy.getMessage()).isEqualTo("Liveness probe failed: Get http://10.44.0.12:8000/health: net/http: "
                + "request canceled (Client.Timeout exceeded while awaiting headers)");
    }

    /**
     * The kubelet's log of a pod it refused at admission, as the event it records: a device it cannot allocate
     * (structured "Pod admission denied" with its reason), a GPU the node has no more of ("Predicate failed on Pod",
     * and before 1.20 with the pod as name_ns(uid)).
     */
    @Test
    void theKubeletsLogOfAPodItRefused() {
        KubeEvent denied = onlyEvent("May 02 13:58:01 gpu-3 kubelet[911]: I0502 13:58:01.000000     911 kubelet.go:2345] "
                + "\"Pod admission denied\" podUID=\"5f1c\" pod=\"llm/vllm-0\" reason=\"UnexpectedAdmissionError\" "
                + "message=\"Allocate failed due to can't allocate unhealthy devices nvidia.com/gpu, which is unexpected\"\n");
        assertThat(denied.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(denied.getInvolvedObject().getNamespace()).isEqualTo("llm");
        assertThat(denied.getInvolvedObject().getName()).isEqualTo("vllm-0");
        assertThat(denied.getMessage()).startsWith("Allocate failed due to can't allocate unhealthy devices");
        KubeEvent outOf = onlyEvent("I0502 13:58:01.000000     911 predicate.go:150] \"Predicate failed on Pod\" "
                + "pod=\"llm/vllm-1\" err=\"Node didn't have enough resource: nvidia.com/gpu, requested: 1, used: 4, "
                + "capacity: 4\"\n");
        assertThat(outOf.getReason()).isEqualTo("OutOfnvidia.com/gpu");
        assertThat(outOf.getInvolvedObject().getName()).isEqualTo("vllm-1");
        KubeEvent legacy = onlyEvent("Jun 10 10:00:00 node-1 kubelet[77]: W0610 10:00:00.000000 77 predicate.go:132] "
                + "Predicate failed on Pod: triton-0_inference(7a1b-2c3d), for reason: Node didn't have enough resource: "
                + "nvidia.com/gpu, requested: 2, used: 7, capacity: 8\n");
        assertThat(legacy.getReason()).isEqualTo("OutOfnvidia.com/gpu");
        assertThat(legacy.getInvolvedObject().getNamespace()).isEqualTo("inference");
        assertThat(legacy.getMessage()).isEqualTo("Node didn't have enough resource: nvidia.com/gpu, requested: 2, used: 7, "
                + "capacity: 8");
    }

    /**
     * Continuous-integration dumps of events (batches 125 and 126): the e2e framework's pod watcher of storage suites,
     * without a reason or namespace (csi-baremetal#779); its namespace dump with Go's zero time for an event without
     * one, at the log line's time (tidb-operator#2256), and before 1.3 without a time of its own (kubernetes#18704);
     * openshift-tests' later interval locators, the container's wait read as its cause (origin#26858); the
     * framework's wait for ready nodes (kubernetes#22011).
     */
    @Test
    void whatCiJobsDumpOfEvents() {
        ReadOptions ci = new ReadOptions("test", Instant.parse("2022-03-18T01:41:40Z"));
        List<Recorded> watched = Recordings.read("build-log.txt", """
                01:40:50.218 event: v1/Pod baremetal-injector: kubelet Warning: Failed to pull image "k8s.gcr.io/e2e-test-images/busybox:1.29-1": rpc error: code = Unknown desc = failed to pull and unpack image (2022-03-18 01:38:29 +0000 UTC - 2022-03-18 01:40:50 +0000 UTC)
                01:41:03.235 event: v1/Pod baremetal-injector: kubelet Normal: Back-off pulling image "k8s.gcr.io/e2e-test-images/busybox:1.29-1" (2022-03-18 01:38:30 +0000 UTC - 2022-03-18 01:41:03 +0000 UTC)
                """, ci, rejections::add);
        assertThat(watched).extracting(r -> ((KubeEvent) r.value()).getReason()).containsExactly("Failed", "BackOff");
        KubeEvent failed = (KubeEvent) watched.get(0).value();
        assertThat(failed.getInvolvedObject().getName()).isEqualTo("baremetal-injector");
        assertThat(failed.getType()).isEqualTo("Warning");
        assertThat(failed.getFirstTimestamp()).isEqualTo(Instant.parse("2022-03-18T01:38:29Z"));
        assertThat(failed.getLastTimestamp()).isEqualTo(Instant.parse("2022-03-18T01:40:50Z"));

        KubeEvent zeroTime = onlyEvent("Apr 22 04:20:45.730: INFO: At 0001-01-01 00:00:00 +0000 UTC - event for "
                + "plain-cr-pd-4: {tidb-scheduler } FailedScheduling: Failed to bind volumes: provisioning failed for PVC "
                + "\"pd-plain-cr-pd-4\"\n");
        assertThat(zeroTime.getReason()).isEqualTo("FailedScheduling");
        assertThat(zeroTime.getInvolvedObject().getName()).isEqualTo("plain-cr-pd-4");
        assertThat(zeroTime.getLastTimestamp()).isEqualTo(Instant.parse("2024-04-22T04:20:45Z"));
        KubeEvent untimed = onlyEvent("Jan 21 06:55:28.262: INFO: event for liveness-http: {kubelet minion-muge} "
                + "Unhealthy: Liveness probe failed: Get http://10.253.6.11:8080/read: use of closed network connection\n");
        assertThat(untimed.getReason()).isEqualTo("Unhealthy");
        assertThat(untimed.getLastTimestamp()).isEqualTo(Instant.parse("2024-01-21T06:55:28Z"));

        List<Recorded> intervals = Recordings.read("monitor.txt", """
                event happened 45 times, something is wrong: ns/openshift-e2e-loki pod/loki-promtail-r6cbn node/worker-b-p276c - reason/BackOff Back-off pulling image "registry.redhat.io/openshift4/ose-oauth-proxy:latest"
                ns/openshift-e2e-loki pod/loki-promtail-7tpsj node/ip-10-0-148-202.ec2.internal container/oauth-proxy - reason/ContainerWait cause/ErrImagePull duration/671.53s rpc error: code = Unknown desc = reading manifest sha256:8e77 in registry.redhat.io/openshift4/ose-oauth-proxy: StatusCode: 404, Not found
                """, OPTIONS, rejections::add);
        assertThat(intervals).extracting(r -> ((KubeEvent) r.value()).getReason()).containsExactly("BackOff", "ErrImagePull");
        KubeEvent repeated = (KubeEvent) intervals.get(0).value();
        assertThat(repeated.getCount()).isEqualTo(45);
        assertThat(repeated.getInvolvedObject().getNamespace()).isEqualTo("openshift-e2e-loki");
        assertThat(repeated.getReportingInstance()).isEqualTo("worker-b-p276c");

        KubeEvent condition = onlyEvent("Feb 25 11:53:11.774: INFO: Condition Ready of node e2e-minion-11ke is false "
                + "instead of true. Reason: KubeletNotReady, message: container runtime is down\n");
        assertThat(condition.getReason()).isEqualTo("NodeNotReady");
        assertThat(condition.getInvolvedObject().getName()).isEqualTo("e2e-minion-11ke");
        assertThat(condition.getMessage()).contains("KubeletNotReady").endsWith("container runtime is down");
        assertThat(rejections).isEmpty();
    }

    /**
     * kubernetes#30550 class: client-go's recorder before 1.6 logged the internal type's reference
     * ({@code Event(api.ObjectReference{...})}): the same event as the versioned one.
     */
    @Test
    void theRecordersLineBeforeTheVersionedApi() {
        KubeEvent evicted = onlyEvent("I0818 03:35:27.856536    2658 server.go:680] Event(api.ObjectReference{Kind:\"Pod\", "
                + "Namespace:\"batch-7\", Name:\"loader\", UID:\"ce5092e5-64f4-11e6-b1e0-42010a800007\", APIVersion:\"v1\", "
                + "ResourceVersion:\"469\", FieldPath:\"\"}): type: 'Warning' reason: 'Evicted' The node was low on compute "
                + "resources.\n");
        assertThat(evicted.getReason()).isEqualTo("Evicted");
        assertThat(evicted.getNamespace()).isEqualTo("batch-7");
        assertThat(evicted.getInvolvedObject().getName()).isEqualTo("loader");
        assertThat(evicted.getMessage()).isEqualTo("The node was low on compute resources.");
    }

    /**
     * kubernetes#96256 class: a kubelet whose client certificate expired and that cannot get another, or whose
     * registration the API server refuses, posts no status: its node's NotReady (Unknown), the kubelet's words as why.
     */
    @Test
    void aKubeletTheApiServerNoLongerAuthenticates() {
        KubeEvent expired = onlyEvent("Nov 11 00:15:53 worker-3 kubelet[66610]: E1111 00:15:53.851634   66610 transport.go:113] "
                + "The currently active client certificate has expired, but the server is not responsive. A restart may be "
                + "necessary to retrieve new initial credentials.\n");
        assertThat(expired.getReason()).isEqualTo("NodeNotReady");
        assertThat(expired.getInvolvedObject().getName()).isEqualTo("worker-3");
        assertThat(expired.getMessage()).contains("Kubelet stopped posting node status: The currently active client "
                + "certificate has expired");
        KubeEvent unauthorized = onlyEvent("E0410 08:01:02.123456    1018 kubelet_node_status.go:106] Unable to register "
                + "node \"ip-10-40-175-122.ec2.internal\" with API server: Unauthorized\n");
        assertThat(unauthorized.getInvolvedObject().getName()).isEqualTo("ip-10-40-175-122.ec2.internal");
        assertThat(Recordings.read("notes.md", "The currently active client certificate has expired, so I restarted it\n",
                OPTIONS, rejections::add)).isEmpty();
    }
}
