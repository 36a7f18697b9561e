package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.NodeSnapshot;
import dev.incidents.schemas.OwnerRef;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.incidents.recordings.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RecordingsTest {
    private static final Instant NOW = Instant.parse("2025-03-14T10:03:09Z");
    private static final ReadOptions OPTIONS = new ReadOptions("test", NOW);

    private final List<Rejection> rejections = new ArrayList<>();

    private List<Recorded> read(ReadOptions options, String... fixtures) {
        List<Path> paths = new ArrayList<>();
        for (String fixture : fixtures) {
            paths.add(path(fixture));
        }
        return Recordings.read(paths, options, rejections::add);
    }

    private static String summary(List<Recorded> records) {
        return records.stream().map(r -> r.kind() + " " + r.key() + (r.isTombstone() ? " (tombstone)" : ""))
                .collect(Collectors.joining("\n"));
    }

    /** One row per format: what comes out, in time order. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "logs/events-list.json     | 3 | EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;EVENT test/default/Node/ip-10-0-1-149.ec2.internal;EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq",
            "logs/mixed-list.json      | 1 | POD test/llm/vllm-6d4b9c7f58-x2kzq",
            "logs/nodes-list.json      | 1 | NODE test/ip-10-0-1-149.ec2.internal",
            "logs/events-watch.json    | 3 | EVENT test/test-530513/Pod/some-pod;EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;EVENT test/inference/Pod/triton-5fc797b8f8-9qvzt",
            "logs/watch-events.json    | 3 | POD test/inference/triton-79569cfbbc-m2wcc;EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;POD test/inference/triton-79569cfbbc-m2wcc (tombstone)",
            "logs/cluster-info-dump.txt | 2 | NODE test/gpu-node-1;EVENT test/llm/Pod/vllm-0",
            "logs/cloud-logging-events.json | 1 | EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq",
            "logs/eventrouter.jsonl    | 2 | EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq;EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq",
            "logs/exporter.jsonl       | 2 | EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq",
            "logs/recording.jsonl      | 4 | NODE test/ip-10-0-1-149.ec2.internal;EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;POD test/inference/triton-79569cfbbc-m2wcc;POD test/inference/triton-79569cfbbc-m2wcc (tombstone)",
            "describe/seed-001.txt     | 10 | -",
            "describe/pod-oomkilled.describe.txt | 3 | EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq;EVENT test/llm/Pod/vllm-6d4b9c7f58-x2kzq;POD test/llm/vllm-6d4b9c7f58-x2kzq",
            "describe/node-gpu.describe.txt | 4 | EVENT test/default/Node/ip-10-0-1-149.ec2.internal;EVENT test/default/Node/ip-10-0-1-149.ec2.internal;EVENT test/default/Node/ip-10-0-1-149.ec2.internal;NODE test/ip-10-0-1-149.ec2.internal",
            "describe/rs-failed-create.describe.txt | 2 | EVENT test/inference/ReplicaSet/triton-5fc797b8f8;EVENT test/inference/ReplicaSet/triton-5fc797b8f8",
            "describe/get-events-all.txt | 4 | EVENT test/default/Node/ip-10-0-1-149.ec2.internal;EVENT test/inference/Pod/triton-5fc797b8f8-9qvzt;EVENT test/inference/Pod/triton-5fc797b8f8-9qvzt;EVENT test/inference/Pod/triton-79569cfbbc-m2wcc",
            "describe/get-events-one-line.txt | 1 | EVENT test/default/Pod/triton-79569cfbbc-m2wcc",
            "describe/get-events-namespaced.txt | 2 | EVENT test/inference/Pod/triton-79569cfbbc-m2wcc;EVENT test/inference/Pod/triton-79569cfbbc-m2wcc",
    })
    void readsEveryFormat(String fixture, int count, String expected) {
        List<Recorded> records = read(OPTIONS, fixture);

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(count);
        if (!expected.equals("-")) {
            assertThat(summary(records)).isEqualTo(expected.replace(';', '\n'));
        }
        assertThat(records).allSatisfy(r -> assertThat(r.file()).endsWith(fixture.substring(fixture.indexOf('/') + 1)));
        assertThat(records).isSortedAccordingTo(java.util.Comparator.comparing(Recorded::time));
    }

    /**
     * eventrouter's log (heptio's, OpenShift Logging's): each line the event as the router saw it added or updated,
     * the update's previous state beside it ignored; an event deleted when it expires is no signal.
     */
    @Test
    void eventroutersLinesAreTheEventsTheyCarry() {
        List<Recorded> records = read(OPTIONS, "logs/eventrouter.jsonl");

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getCount(), r -> r.time().toString())
                .containsExactly(tuple(1, "2025-03-14T09:41:12Z"), tuple(6, "2025-03-14T09:46:20Z"));
    }

    /**
     * gangmuk's blog: what the next commands printed below a describe pod (get events rows, a node's describe cut to
     * its Taints and Conditions without a Name: line, a node's journal) is theirs, not the described pod's fields: the
     * events are read as rows above a describe are, and no node is made of the pod.
     */
    @Test
    void theNextCommandsOutputBelowADescribeIsItsOwn() {
        String text = """
                $ kubectl describe pod vllm-0 -n llm
                Name:         vllm-0
                Namespace:    llm
                Node:         gpu-node-7/10.0.1.7
                Status:       Running
                Conditions:
                  Type               Status
                  Ready              False
                Events:          <none>

                $ kubectl get events -n llm
                LAST SEEN   TYPE      REASON             OBJECT       MESSAGE
                2m          Warning   FailedScheduling   pod/vllm-1   0/4 nodes are available: 4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.

                $ kubectl describe node gpu-node-7
                Taints:             node.kubernetes.io/unreachable:NoExecute
                Conditions:
                  Ready                       Unknown

                user@gpu-node-7:~$ sudo journalctl -u kubelet | tail -1
                Mar 14 10:02:11 gpu-node-7 kubelet[911]: E0314 10:02:11.000000     911 kubelet.go:2874] "Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized"
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).containsExactlyInAnyOrder(
                "EVENT test/llm/Pod/vllm-1", "POD test/llm/vllm-0", "EVENT test/default/Node/gpu-node-7");
    }

    /**
     * A describe the reporter cut with {@code ...} above its {@code Namespace:} line: the pod and its events are in the
     * namespace its own {@code Successfully assigned ns/pod} row names, not default; another pod's row does not say; the
     * {@code -n} of the describe command right above it does (a KodeKloud lab's {@code k describe po -n cka4974 ...}).
     */
    @Test
    void aDescribeCutAboveItsNamespaceIsInTheNamespaceItsAssignmentNames() {
        String text = """
                > kubectl describe pod nginx
                Name:         nginx
                ...
                Containers:
                  nginx:
                    Image:          nginx:foo
                    State:          Waiting
                      Reason:       ImagePullBackOff
                ...
                Events:
                  Type     Reason     Age               From               Message
                  ----     ------     ----              ----               -------
                  Normal   Scheduled  19s               default-scheduler  Successfully assigned dev/nginx to worker-node01
                  Warning  Failed     5s (x2 over 17s)  kubelet            Error: ErrImagePull

                > kubectl describe pod web
                Name:         web
                ...
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  19s   default-scheduler  Successfully assigned dev/nginx to worker-node01

                cluster4-controlplane ~ ➜  k describe po -n cka4974 nginx-frontend-64f67d769f-rw5jr
                Name:             nginx-frontend-64f67d769f-rw5jr
                    Mounts:
                      /etc/nginx/conf.d/default.conf from nginx-conf-vol (rw)
                Events:
                  Warning  Failed     42s (x6 over 3m42s)   kubelet            Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: not a directory: unknown
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).contains(
                "EVENT test/dev/Pod/nginx", "POD test/dev/nginx", "EVENT test/default/Pod/web",
                "EVENT test/cka4974/Pod/nginx-frontend-64f67d769f-rw5jr")
                .doesNotContain("POD test/default/nginx", "EVENT test/default/Pod/nginx");
    }

    /**
     * Whether a pod's snapshot shows its owners whole ({@code ownersKnown}): the API server's object (it has a uid)
     * does, with or without owners; a describe does where its header shows the place of {@code Controlled By:} (between
     * the IPs and the containers), and then, when the pod's name suggests another owner, the pod as created comes first,
     * a second before the oldest event the describe lists, so those events are the described owner's too; a
     * {@code get pods} row does not.
     */
    @Test
    void aSnapshotSaysWhetherItShowsThePodsOwnersWhole() {
        String text = """
                Name:         web-19
                Namespace:    default
                Status:       Pending
                IP:           10.244.1.9
                IPs:
                  IP:  10.244.1.9
                Containers:
                  web:
                    Image:          nginx:1.19.19
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  3m    default-scheduler  Successfully assigned default/web-19 to node-2
                """;
        List<Recorded> described = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        List<Recorded> cut = Recordings.read("paste.txt", text.replace("IPs:\n  IP:  10.244.1.9\n", "...\n"), OPTIONS,
                rejections::add);
        List<Recorded> listed = Recordings.read("paste.txt", """
                NAME     READY   STATUS             RESTARTS   AGE
                web-19   0/1     ImagePullBackOff   0          3m
                """, OPTIONS, rejections::add);
        List<Recorded> object = Recordings.read("pod.json", """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-19", "namespace": "default",
                 "uid": "0b1c", "creationTimestamp": "2025-03-14T09:40:00Z"}, "spec": {}, "status": {"phase": "Pending"}}
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<PodSnapshot> pods = described.stream().filter(r -> r.kind() == Recorded.Kind.POD)
                .map(r -> (PodSnapshot) r.value()).toList();
        assertThat(pods).extracting(PodSnapshot::getPhase, PodSnapshot::getOwnersKnown, p -> p.getOwners().size())
                .containsExactly(tuple("Pending", true, 0), tuple("Pending", true, 0));
        assertThat(pods.get(0).getObservedAt()).isEqualTo(NOW.minusSeconds(181));
        assertThat(pods.get(0).getContainers()).isEmpty();
        assertThat(cut).filteredOn(r -> r.kind() == Recorded.Kind.POD).singleElement()
                .satisfies(r -> assertThat(((PodSnapshot) r.value()).getOwnersKnown()).isFalse());
        assertThat(listed).singleElement().satisfies(r -> assertThat(((PodSnapshot) r.value()).getOwnersKnown()).isFalse());
        assertThat(object).singleElement().satisfies(r -> assertThat(((PodSnapshot) r.value()).getOwnersKnown()).isTrue());
    }

    /**
     * {@code kubectl get pod -o yaml} kept in a Markdown code fence, with the reporter's words after it and a second pod
     * in another fence: each fenced YAML document is read as the object it is (a fence holding an Events table leaves
     * the paste to the text reader, as before).
     */
    @Test
    void yamlObjectsInCodeFences() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  namespace: ml
                  uid: 5b1e
                  creationTimestamp: "2025-03-14T09:40:00Z"
                spec:
                  containers:
                  - name: app
                    image: vllm/vllm-openai:v0.6.0
                status:
                  phase: Running
                """;
        String text = "$ kubectl get pod vllm-0 -n ml -o yaml\n```yaml\n" + pod.formatted("vllm-0") + "```\n\n"
                + "It restarts every few minutes.\n\n```\n" + pod.formatted("vllm-1") + "```\n";
        List<Recorded> records = Recordings.read("notes.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).containsExactly("POD test/ml/vllm-0",
                "POD test/ml/vllm-1");
    }

    /**
     * harvester#9526: a pod's YAML with the reporter's {@code ...} where fields were cut: inside a mapping it is an
     * elision, not YAML's document end marker, and the object is read; a {@code ...} before the next document ends one.
     */
    @Test
    void dotsCuttingFieldsOutOfAnObjectAreNoDocumentEnd() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata:
                  creationTimestamp: "2025-11-05T17:16:15Z"
                ...
                  name: harvester-network-controller-bd6xd
                  namespace: harvester-system
                ...
                status:
                  phase: Running
                """;
        List<Recorded> records = Recordings.read("pod.yaml", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key())
                .containsExactly("POD test/harvester-system/harvester-network-controller-bd6xd");
        assertThat(YamlObjects.withoutElisions("a: 1\n...\n---\nb: 2\n")).isEqualTo("a: 1\n...\n---\nb: 2\n");
    }

    /**
     * The reporter's words before the fence are no obstacle; a fence holding an Events table beside one holding YAML
     * leaves the whole paste to the text reader (which reads the rows), not to a YAML reading that would drop them.
     */
    @Test
    void fencedYamlAfterWordsAndBesideAFencedTable() {
        String yaml = """
                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: vllm-0
                  namespace: ml
                  uid: 5b1e
                  creationTimestamp: "2025-03-14T09:40:00Z"
                status:
                  phase: Running
                ```
                """;
        String table = """
                ```
                Events:
                  Type     Reason   Age  From     Message
                  ----     ------   ---  ----     -------
                  Warning  BackOff  1m   kubelet  Back-off restarting failed container app in pod web-0_default(5b1f)
                ```
                """;
        List<Recorded> worded = Recordings.read("issue.md", "My pod keeps restarting:\n\n" + yaml, OPTIONS,
                rejections::add);
        List<Recorded> mixed = Recordings.read("issue.md", yaml + "\n" + table, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(worded).extracting(r -> r.kind() + " " + r.key()).containsExactly("POD test/ml/vllm-0");
        assertThat(mixed).extracting(r -> r.kind() + " " + r.key()).contains("EVENT test/default/Pod/web-0");
    }

    /** The same YAML quoted in a reply ({@code > } before each line), the reply's own words after it. */
    @Test
    void yamlObjectsQuotedInAReply() {
        String text = """
                > apiVersion: v1
                > kind: Pod
                > metadata:
                >   name: vllm-0
                >   namespace: ml
                >   uid: 5b1e
                >   creationTimestamp: "2025-03-14T09:40:00Z"
                > status:
                >   phase: Running

                Same here, it restarts every few minutes.
                """;
        List<Recorded> records = Recordings.read("reply.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).containsExactly("POD test/ml/vllm-0");
    }

    /** The driver's Xid in dmesg, printed through {@code ssh gpu-node-7}: that node's, not an unnamed one's. */
    @Test
    void aNodesLogPrintedThroughSshIsThatNodes() {
        String text = """
                $ kubectl describe node gpu-node-7
                Name:               gpu-node-7
                Capacity:
                  nvidia.com/gpu:     7

                $ ssh gpu-node-7 dmesg -T | grep Xid
                [Thu Mar 14 10:02:11 2025] NVRM: Xid (PCI:0000:3b:00): 79, pid=0, GPU has fallen off the bus.
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).containsExactlyInAnyOrder(
                "NODE test/gpu-node-7", "EVENT test/default/Node/gpu-node-7");
    }

    /**
     * TrueNAS SCALE's application events, newest first, each message under a line holding only its time: each
     * message at its own time, so the claim's brief wait comes before the pod's scheduling, not after it.
     */
    @Test
    void anEventListWithEachTimeOnTheLineAboveItsMessage() {
        String text = """
                2023-04-11 23:29:58
                Back-off restarting failed container
                2023-04-11 23:29:45
                Successfully assigned ix-heimdall/heimdall-56bb997675-jwv7h to ix-truenas
                2023-04-11 23:29:42
                0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getReason() + " " + r.time()).containsExactly(
                "FailedScheduling 2023-04-11T23:29:42Z", "Scheduled 2023-04-11T23:29:45Z", "BackOff 2023-04-11T23:29:58Z");
    }

    /**
     * The taints listing the UNTOLERATED_TAINT hint asks for ({@code -o custom-columns=NAME:...,TAINTS:...}), other
     * columns beside: each node with its taints, and the condition a node controller's taint stands for.
     */
    @Test
    void aCustomColumnsListingOfTheNodesTaints() {
        String text = """
                $ kubectl get nodes -o custom-columns='NAME:.metadata.name,DISK:.status.conditions[?(@.type=="DiskPressure")].status,TAINTS:.spec.taints[*].key'
                NAME              DISK    TAINTS
                gpu-node-1        True    node.kubernetes.io/disk-pressure
                gpu-node-2        False   nvidia.com/gpu=present:NoSchedule,node.kubernetes.io/unschedulable
                cpu-node-1        False   <none>
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<NodeSnapshot> nodes = records.stream().filter(r -> r.kind() == Recorded.Kind.NODE)
                .map(r -> (NodeSnapshot) r.value()).toList();
        assertThat(nodes).extracting(NodeSnapshot::getName).containsExactly("gpu-node-1", "gpu-node-2", "cpu-node-1");
        assertThat(nodes.get(0).getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("DiskPressure");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(nodes.get(1).getTaints()).extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly("nvidia.com/gpu=present:NoSchedule", "node.kubernetes.io/unschedulable=null:NoSchedule");
        assertThat(nodes.get(2).getTaints()).isEmpty();
    }

    /** {@code nvidia-smi}'s {@code GPU is lost} under a prompt naming the host: that node's GPU fault, as an Xid is. */
    @Test
    void nvidiaSmisLostGpuIsItsHostsNodeEvent() {
        String text = """
                gemfield@ai01:~$ nvidia-smi
                Unable to determine the device handle for GPU 0000:4C:00.0: GPU is lost.  Reboot the system to recover this GPU
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("test/default/Node/ai01");
            assertThat(((KubeEvent) r.value()).getReason()).isEqualTo("GPULost");
            assertThat(((KubeEvent) r.value()).getMessage()).isEqualTo(
                    "Unable to determine the device handle for GPU 0000:4C:00.0: GPU is lost. Reboot the system to recover this GPU");
        });
    }

    /**
     * A syslog excerpt naming its machine ({@code Jan  3 07:39:45 gpu-node-7 kernel: ...}) beside a {@code dmesg} print
     * without a host: the same machine's kernel; with two machines named, which one is not told.
     */
    @Test
    void aDmesgBesideOneMachinesSyslogIsThatMachines() {
        String syslog = """
                $ sudo cat /var/log/syslog
                Jan  3 07:39:45 %s kernel: [17257.355375] NVRM: fallen off the bus and is not responding to commands.
                %s
                $ sudo dmesg | grep Xid
                [ 4254.197860] NVRM: Xid (PCI:0000:3b:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.
                """;
        List<Recorded> one = Recordings.read("paste.txt", syslog.formatted("gpu-node-7", ""), OPTIONS, rejections::add);
        List<Recorded> two = Recordings.read("paste.txt", syslog.formatted("gpu-node-7",
                "Jan  3 07:39:46 gpu-node-8 kernel: [17258.1] nvidia: probe of 0000:5d:00.0 failed"), OPTIONS,
                rejections::add);

        assertThat(one).extracting(r -> r.kind() + " " + r.key()).containsExactly("EVENT test/default/Node/gpu-node-7");
        assertThat(two).extracting(r -> r.kind() + " " + r.key()).containsExactly(
                "EVENT test/default/Node/" + Unnamed.NODE);
    }

    /**
     * PolakiniO's lab journal: a {@code get -w} whose output the terminal printed below the describe it was typed
     * before, then the next prompt after {@code ^C}. The last event's message ends at the listing's header and at the
     * prompt: neither is the rest of a wrapped message.
     */
    @Test
    void aDescribesLastEventEndsAtAListingHeaderOrTheNextPrompt() {
        String text = """
                lab@kind:~/week1$ kubectl get pod probe-demo -w
                kubectl describe pod probe-demo
                kubectl get endpoints probe-svc -w
                NAME         READY   STATUS    RESTARTS   AGE
                probe-demo   0/1     Running   0          12s
                ^CName:             probe-demo
                Namespace:        week1
                Status:           Running
                Events:
                  Type     Reason     Age               From               Message
                  ----     ------     ----              ----               -------
                  Warning  Unhealthy  1s (x3 over 11s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404
                NAME        ENDPOINTS   AGE
                probe-svc               7m14s
                ^Clab@kind:~/week1$ kubectl describe pod probe-demo
                Name:             probe-demo
                Namespace:        week1
                Status:           Running
                Events:
                  Type     Reason     Age               From               Message
                  ----     ------     ----              ----               -------
                  Warning  Unhealthy  1s (x6 over 26s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404
                lab@kind:~/week1$ kubectl get endpoints probe-svc -w
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).filteredOn(r -> r.value() instanceof KubeEvent)
                .extracting(r -> ((KubeEvent) r.value()).getMessage(), r -> ((KubeEvent) r.value()).getCount())
                .containsExactly(tuple("Readiness probe failed: HTTP probe failed with statuscode: 404", 3),
                        tuple("Readiness probe failed: HTTP probe failed with statuscode: 404", 6));
    }

    /**
     * json604's and junhyeong9812's transcripts: a describe's Events table, then the next command's {@code get events}
     * listing with no blank line between them, then a prompt with a conda environment. Each message is its own.
     */
    @Test
    void aDescribesEventsEndAtTheNextListingAndItsRowsAtTheNextPrompt() {
        String text = """
                Name:             web-1
                Namespace:        lab
                Status:           Pending
                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  19s   default-scheduler  0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
                LAST SEEN   TYPE      REASON             OBJECT      MESSAGE
                116s        Warning   FailedScheduling   pod/web-1   0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.
                (base) jun@laptop:~$ kubectl describe node | grep -A 10 "Conditions"
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).filteredOn(r -> r.value() instanceof KubeEvent)
                .extracting(r -> ((KubeEvent) r.value()).getMessage())
                .containsOnly("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 "
                        + "Preemption is not helpful for scheduling.")
                .hasSize(2);
    }

    /** naprobele's SRE challenge notes: a get events row quoted whole in Markdown's inline code, in prose. */
    @Test
    void aGetEventsRowInInlineCodeNamesItsPod() {
        String text = """
                Started searching for culprits with ```kubectl get events``` and found the following:

                ```4m39s       Warning   FailedScheduling    pod/sretest-98b9bddd7-c2jjf    0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..```
                """;
        List<Recorded> records = Recordings.read("notes.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("FailedScheduling");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("sretest-98b9bddd7-c2jjf");
            assertThat(e.getMessage()).startsWith("0/1 nodes are available: 1 node(s) didn't match");
        });
    }

    /**
     * A kubelet journal's lines keep their own times (month, day and time, no year): three probe failures five seconds
     * apart and the kill after them, not one moment. A journal printed months before the reader's moment counts its
     * relative ages back from its newest line, as a paste with RFC 3339 times does.
     */
    @Test
    void aKubeletJournalKeepsItsLinesTimes() {
        String journal = """
                Mar 14 09:34:39 node-a kubelet[4052]: I0314 09:34:39.885628    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/web-0" containerName="web" probeResult="failure" output="HTTP probe failed with statuscode: 500"
                Mar 14 09:34:44 node-a kubelet[4052]: I0314 09:34:44.887534    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/web-0" containerName="web" probeResult="failure" output="HTTP probe failed with statuscode: 500"
                Mar 14 09:34:49 node-a kubelet[4052]: I0314 09:34:49.885197    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/web-0" containerName="web" probeResult="failure" output="HTTP probe failed with statuscode: 500"
                Mar 14 09:34:49 node-a kubelet[4052]: I0314 09:34:49.885576    4052 kuberuntime_manager.go:1027] "Message for Container of pod" containerName="web" pod="default/web-0" containerMessage="Container web failed liveness probe, will be restarted"
                """;
        assertThat(Recordings.read("journal.txt", journal, OPTIONS, rejections::add))
                .extracting(r -> ((KubeEvent) r.value()).getReason(), r -> r.time().toString())
                .containsExactly(tuple("Unhealthy", "2025-03-14T09:34:39Z"), tuple("Unhealthy", "2025-03-14T09:34:44Z"),
                        tuple("Unhealthy", "2025-03-14T09:34:49Z"), tuple("Killing", "2025-03-14T09:34:49Z"));

        ReadOptions months = new ReadOptions("test", Instant.parse("2025-09-01T00:00:00Z"));
        assertThat(Recordings.read("journal.txt", journal, months, rejections::add))
                .extracting(r -> r.time().toString()).last().isEqualTo("2025-03-14T09:34:49Z");
        assertThat(rejections).isEmpty();
    }

    /**
     * decocms-studio#7011: a get-events row the terminal wrapped after its OBJECT column (no LAST SEEN), its message on
     * the next line: the event is the pod's, not an unnamed pod's with {@code pod/x} as its message.
     */
    @Test
    void aGetEventsRowWrappedAfterItsObjectNamesIt() {
        String text = """
                Warning  Evicted  pod/studio-sandbox-prod-medium-t6fgk
                         Usage of EmptyDir volume "tmp" exceeds the limit "1Gi"
                """;
        List<Recorded> records = Recordings.read("events.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("Evicted");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("studio-sandbox-prod-medium-t6fgk");
            assertThat(e.getMessage()).isEqualTo("Usage of EmptyDir volume \"tmp\" exceeds the limit \"1Gi\"");
        });
    }

    @Test
    void seed001EventsParseExactly() {
        List<Recorded> records = read(OPTIONS, "describe/seed-001.txt");

        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(e -> e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getNamespace()
                        + "/" + e.getInvolvedObject().getName())
                .containsOnly("Pod/inference/triton-79569cfbbc-m2wcc");
        assertThat(events).extracting(KubeEvent::getType, KubeEvent::getReason, KubeEvent::getCount,
                        KubeEvent::getReportingComponent, KubeEvent::getReportingInstance, KubeEvent::getLastTimestamp)
                .containsExactly(
                        tuple("Normal", "Scheduled", 1, "default-scheduler", null, NOW.minusSeconds(189)),
                        tuple("Normal", "Pulling", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(188)),
                        tuple("Normal", "Pulled", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(183)),
                        tuple("Normal", "Created", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(183)),
                        tuple("Normal", "Started", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(183)),
                        tuple("Warning", "Failed", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(61)),
                        tuple("Warning", "Failed", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(61)),
                        tuple("Normal", "BackOff", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(60)),
                        tuple("Warning", "Failed", 1, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(60)),
                        tuple("Normal", "Pulling", 2, "kubelet", "ip-10-0-1-149.ec2.internal", NOW.minusSeconds(50)));
        KubeEvent repeated = events.get(9);
        assertThat(repeated.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(179));
        assertThat(repeated.getMessage()).isEqualTo("Pulling image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\"");
        assertThat(events.get(5).getMessage()).startsWith("Failed to pull image \"478253497479.dkr.ecr.us-east-1.amazonaws.com/triton:resnet50\": failed to pull and unpack image")
                .endsWith("docs/pdf/NsightCompute.pdf: no space left on device");
        assertThat(events.get(0).getMessage())
                .isEqualTo("Successfully assigned inference/triton-79569cfbbc-m2wcc to ip-10-0-1-149.ec2.internal");
        assertThat(events.get(2).getMessage()).isEqualTo("Successfully pulled image \"amazon/aws-cli:latest\" in 5.419s (5.419s including waiting). Image size: 128976715 bytes.");
        assertThat(records.get(0).line()).isEqualTo(lineOf("describe/seed-001.txt", "Normal   Scheduled"));
    }

    @Test
    void describePodBecomesASnapshotWithItsEvents() {
        List<Recorded> records = read(OPTIONS, "describe/pod-oomkilled.describe.txt");

        PodSnapshot pod = (PodSnapshot) records.get(2).value();
        assertThat(records.get(2).time()).isEqualTo(NOW);
        assertThat(pod.getObservedAt()).isEqualTo(NOW);
        assertThat(pod.getNodeName()).isEqualTo("gpu-node-7");
        assertThat(pod.getPhase()).isEqualTo("Running");
        assertThat(pod.getLabels()).containsEntry("pod-template-hash", "6d4b9c7f58");
        assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "vllm-6d4b9c7f58"), tuple("Deployment", "vllm"));
        var vllm = pod.getContainers().get(0);
        assertThat(vllm.getImage()).isEqualTo("vllm/vllm-openai:v0.6.3");
        assertThat(vllm.getRestartCount()).isEqualTo(7);
        assertThat(vllm.getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(vllm.getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(vllm.getLastState().getExitCode()).isEqualTo(137);
        assertThat(vllm.getLastState().getFinishedAt()).isEqualTo(Instant.parse("2025-03-14T10:05:30Z"));
        assertThat(vllm.getLimits()).containsEntry("nvidia.com/gpu", "1").containsEntry("memory", "24Gi");
        assertThat(vllm.getRequests()).containsEntry("cpu", "4");
        assertThat(vllm.getProbes()).extracting(p -> p.getKind() + " " + p.getHandler() + " " + p.getFailureThreshold())
                .containsExactly("liveness tcpSocket :8000 3", "readiness exec cat /tmp/ready 3", "startup httpGet :8000/health 30");
        assertThat(pod.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .contains("Ready=False", "PodScheduled=True");
        assertThat(pod.getNodeSelector()).containsEntry("nvidia.com/gpu.product", "NVIDIA-A10G");
        assertThat(pod.getTolerations()).extracting(t -> t.getKey() + "|" + t.getValue() + "|" + t.getEffect() + "|"
                        + t.getOperator() + "|" + t.getTolerationSeconds())
                .containsExactly("node.kubernetes.io/not-ready|null|NoExecute|Exists|300",
                        "node.kubernetes.io/unreachable|null|NoExecute|Exists|300",
                        "nvidia.com/gpu|present|NoSchedule|null|null");
        assertThat(pod.getPvcNames()).containsExactly("hf-cache");
        assertThat(pod.getQosClass()).isEqualTo("Burstable");
        assertThat(pod.toString()).doesNotContain("hf_not_to_be_kept");

        KubeEvent backOff = (KubeEvent) records.get(1).value();
        assertThat(backOff.getCount()).isEqualTo(37);
        assertThat(backOff.getReportingInstance()).isEqualTo("gpu-node-7");
        assertThat(backOff.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(24 * 60));
    }

    @Test
    void olderKubectlDescribeWithHostInFromAndTolerationsWithoutOperator() {
        List<Recorded> records = read(OPTIONS, "describe/pod-old-kubectl.describe.txt");

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(7);
        PodSnapshot pod = (PodSnapshot) records.get(6).value();
        assertThat(pod.getNodeName()).isEqualTo("gpu-a100-03.lab.local");
        assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("ImagePullBackOff");
        assertThat(pod.getContainers().get(0).getProbes().get(0).getInitialDelaySeconds()).isEqualTo(60);
        assertThat(pod.getTolerations()).extracting(t -> t.getKey() + ":" + t.getEffect() + " " + t.getTolerationSeconds())
                .containsExactly("node.kubernetes.io/not-ready:NoExecute 300", "node.kubernetes.io/unreachable:NoExecute 300");
        assertThat(pod.getOwners()).extracting(OwnerRef::getKind).containsExactly("ReplicaSet", "Deployment");
        KubeEvent failed = (KubeEvent) records.get(2).value();
        assertThat(failed.getReason()).isEqualTo("Failed");
        assertThat(failed.getCount()).isEqualTo(4);
        assertThat(failed.getReportingComponent()).isEqualTo("kubelet");
        assertThat(failed.getReportingInstance()).isEqualTo("gpu-a100-03.lab.local");
        assertThat(failed.getMessage()).endsWith("unauthorized: project not found, name: nvidia");
    }

    @Test
    void describeNodeBecomesASnapshot() {
        List<Recorded> records = read(OPTIONS, "describe/node-gpu.describe.txt");

        NodeSnapshot node = (NodeSnapshot) records.stream().filter(r -> r.value() instanceof NodeSnapshot).findFirst()
                .orElseThrow().value();
        assertThat(node.getTaints()).extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly("nvidia.com/gpu=present:NoSchedule", "node.kubernetes.io/disk-pressure=null:NoSchedule");
        assertThat(node.getCapacity()).containsEntry("nvidia.com/gpu", "1").containsEntry("cpu", "4");
        assertThat(node.getAllocatable()).containsEntry("cpu", "3920m");
        assertThat(node.getLabels()).containsEntry("nvidia.com/gpu.product", "NVIDIA-A10G").hasSize(4);
        assertThat(node.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason())
                .containsExactly("MemoryPressure=False KubeletHasSufficientMemory", "DiskPressure=True KubeletHasDiskPressure",
                        "PIDPressure=False KubeletHasSufficientPID", "Ready=True KubeletReady");
        assertThat(node.getConditions().get(1).getLastTransitionTime()).isEqualTo(Instant.parse("2025-03-14T10:01:30Z"));
        assertThat(node.getKubeletVersion()).isEqualTo("v1.29.0-eks-5e0fdde");
        assertThat(node.getContainerRuntimeVersion()).isEqualTo("containerd://1.7.11");
        KubeEvent gc = (KubeEvent) records.get(0).value();
        assertThat(gc.getCount()).isEqualTo(3);
        assertThat(gc.getReportingInstance()).isEqualTo("ip-10-0-1-149.ec2.internal");
    }

    @Test
    void replicaSetDescribeGivesItsEventsAndItsOwner() {
        List<Recorded> records = read(OPTIONS, "describe/rs-failed-create.describe.txt", "describe/seed-001.txt");

        KubeEvent combined = records.stream().map(Recorded::value).filter(KubeEvent.class::isInstance)
                .map(KubeEvent.class::cast).filter(e -> e.getInvolvedObject().getKind().equals("ReplicaSet"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(combined.getCount()).isEqualTo(8);
        assertThat(combined.getReason()).isEqualTo("FailedCreate");
        assertThat(combined.getMessage()).startsWith("(combined from similar events): Error creating: pods \"triton-5fc797b8f8-q2w9r\" is forbidden: exceeded quota");
        assertThat(combined.getReportingComponent()).isEqualTo("replicaset-controller");
    }

    @Test
    void getEventsTablesKeepCountsObjectsAndNamespaces() {
        List<Recorded> records = read(OPTIONS, "describe/get-events-all.txt", "describe/get-events-wide.txt");

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> {
            KubeEvent e = (KubeEvent) r.value();
            return e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName() + " " + e.getReason() + " x"
                    + e.getCount() + " " + e.getFirstTimestamp() + ".." + e.getLastTimestamp() + " " + e.getReportingComponent()
                    + "@" + e.getReportingInstance();
        }).containsExactly(
                "Node/ip-10-0-1-149.ec2.internal FreeDiskSpaceFailed x1 2025-03-14T09:58:00Z..2025-03-14T09:58:00Z null@null",
                // equal times keep file order: the -A table was given first
                "Pod/triton-5fc797b8f8-9qvzt FailedScheduling x1 2025-03-14T10:01:09Z..2025-03-14T10:01:09Z null@null",
                "Pod/train-0 FailedScheduling x12 2025-03-14T09:53:09Z..2025-03-14T10:01:09Z default-scheduler@null",
                "Pod/triton-5fc797b8f8-9qvzt TriggeredScaleUp x1 2025-03-14T10:01:34Z..2025-03-14T10:01:34Z null@null",
                "Pod/triton-79569cfbbc-m2wcc Pulling x2 2025-03-14T10:00:10Z..2025-03-14T10:02:19Z null@null",
                "Pod/vllm-6d4b9c7f58-x2kzq Unhealthy x31 2025-03-14T09:57:09Z..2025-03-14T10:02:24Z kubelet@gpu-node-7");
        assertThat(records.get(5).key()).isEqualTo("test/default/Pod/vllm-6d4b9c7f58-x2kzq");
        assertThat(((KubeEvent) records.get(0).value()).getMessage()).startsWith("Failed to garbage collect");
    }
    @Test
    void deploymentDescribeNamesItsReplicaSetForOwnerResolution() {
        List<Recorded> records = read(OPTIONS, "describe/deployment-replica-failure.describe.txt", "logs/pod-of-new-replicaset.json");

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key)
                .containsExactly("test/inference/Deployment/triton", "test/inference/triton-5fc797b8f8-9qvzt",
                        "test/inference/Deployment/triton");
        // the ReplicaFailure=True condition becomes an event (topology helper: the analyzer's only trace of FailedCreate)
        assertThat(((KubeEvent) records.get(2).value()).getReason()).isEqualTo("ReplicaFailure");
        // the pod's hash label does not match, so only the describe's "NewReplicaSet:" line gives the Deployment
        assertThat(((PodSnapshot) records.get(1).value()).getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "triton-5fc797b8f8"), tuple("Deployment", "triton"));
    }

    @Test
    void recordingHeaderGivesTheClusterUnlessOverridden() {
        List<Recorded> fromHeader = read(new ReadOptions(null, NOW), "logs/recording.jsonl");
        assertThat(fromHeader).extracting(Recorded::key).allMatch(k -> k.startsWith("prod-us-east-1/"));

        PodSnapshot pod = (PodSnapshot) fromHeader.get(2).value();
        assertThat(fromHeader.get(2).time()).isEqualTo(Instant.parse("2025-03-14T10:03:09.250Z"));
        assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName, OwnerRef::getUid)
                .containsExactly(tuple("ReplicaSet", "triton-79569cfbbc", "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                        tuple("Deployment", "triton", "triton-deploy-uid"));
        assertThat(fromHeader.get(3).isTombstone()).isTrue();
        assertThat(fromHeader.get(3).time()).isEqualTo(Instant.parse("2025-03-14T10:07:00Z"));

        assertThat(read(new ReadOptions("other", NOW), "logs/recording.jsonl")).extracting(Recorded::key)
                .allMatch(k -> k.startsWith("other/"));
    }

    @Test
    void ownersSeenInAListResolveThePodsWorkload() {
        PodSnapshot pod = (PodSnapshot) read(OPTIONS, "logs/mixed-list.json").get(0).value();

        assertThat(pod.getOwners()).extracting(OwnerRef::getKind, OwnerRef::getName)
                .containsExactly(tuple("ReplicaSet", "vllm-6d4b9c7f58"), tuple("Deployment", "vllm-server"));
    }

    @Test
    void malformedLinesAreRejectedWithFileLineAndReasonAndTheRestComesOut() {
        List<Recorded> records = read(OPTIONS, "logs/malformed.jsonl");

        assertThat(records).extracting(r -> r.line()).containsExactly(6L, 1L); // by event time
        assertThat(rejections).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rejections).allSatisfy(r -> assertThat(r.file()).endsWith("malformed.jsonl"));
        assertThat(rejections).extracting(Rejection::reason).anySatisfy(r -> assertThat(r).contains("bad timestamp"))
                .anySatisfy(r -> assertThat(r).startsWith("not JSON"))
                .anySatisfy(r -> assertThat(r).contains("without metadata.name"))
                .anySatisfy(r -> assertThat(r).startsWith("not a Kubernetes object"));
        assertThat(rejections.get(1).toString()).matches(".*malformed\\.jsonl:3: not JSON: .*");
    }

    @Test
    void brokenPrettyJsonResumesAtTheNextObject() {
        String text = """
                {
                    "kind": "Event",
                    "involvedObject": {"kind": "Pod", "name": "a", "namespace": "ns"},
                    "lastTimestamp": "2025-03-14T10:00:00Z"
                }
                {
                    "kind": "Event",
                    "involvedObject": {"kind": "Pod", "name": "b"
                }
                {
                    "kind": "Event",
                    "involvedObject": {"kind": "Pod", "name": "c", "namespace": "ns"},
                    "lastTimestamp": "2025-03-14T10:00:01Z"
                }
                """;
        List<Recorded> records = Recordings.read("watch.json", text, OPTIONS, rejections::add);

        assertThat(records).extracting(Recorded::key).containsExactly("test/ns/Pod/a", "test/ns/Pod/c");
        assertThat(records).extracting(Recorded::line).containsExactly(1L, 10L);
        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0).line()).isBetween(9L, 10L);
    }

    /** DESIGN section 6: a fragment still yields its incident, so rows naming no object are about an unnamed pod. */
    @Test
    void fragmentWithoutItsObjectIsAboutAnUnnamedPodOnTheFromHost() {
        String text = """
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Warning  Unhealthy  1s (x2 over 2s)  kubelet, node1  Readiness probe failed: connection refused
                  Warning  BackOff    12s   kubelet, node1     Back-off restarting failed container
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key)
                .containsOnly("test/default/Pod/" + DescribePod.UNNAMED_POD);
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getReportingInstance()).containsOnly("node1");
    }

    @Test
    void fragmentTakesItsPodFromTheKubeletsNewerBackOffWording() {
        String text = """
                  Warning  BackOff  12s (x4 over 1m)  kubelet  Back-off restarting failed container app in pod web-0_shop(0d1e7c52-1b2b-4c8e-9a57-3c7f2d0c8a11)
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/shop/Pod/web-0");
    }

    @Test
    void fragmentOfANodesOwnEventsIsAboutTheNodeInTheFromColumn() {
        String text = """
                  Normal   NodeHasDiskPressure  2m   kubelet, worker-7  Node worker-7 status is now: NodeHasDiskPressure
                  Warning  EvictionThresholdMet  2m  kubelet, worker-7  Attempting to reclaim ephemeral-storage
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsOnly("test/default/Node/worker-7");
    }

    /** kubernetes#125217: the node controller's NodeNotReady on a pod is about the node the Scheduled row names. */
    @Test
    void theNodeControllersPodEventRelatesToThePodsNode() {
        String text = """
                Events:
                  Type     Reason        Age   From               Message
                  ----     ------        ----  ----               -------
                  Normal   Scheduled     42m   default-scheduler  Successfully assigned default/web-595dff4799-hz9xr to wp-5.novalocal
                  Warning  NodeNotReady  39m   node-controller    Node is not ready
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent notReady = records.stream().map(r -> (KubeEvent) r.value())
                .filter(e -> "NodeNotReady".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(notReady.getInvolvedObject().getName()).isEqualTo("web-595dff4799-hz9xr");
        assertThat(notReady.getRelated().getKind()).isEqualTo("Node");
        assertThat(notReady.getRelated().getName()).isEqualTo("wp-5.novalocal");
        assertThat(notReady.getReportingInstance()).as("the node controller runs elsewhere").isNull();
    }

    /** gpu-operator#331: only a container's State / Last State lines were pasted. */
    @Test
    void containerStateBlockWithoutItsPodIsAnUnnamedPodsContainer() {
        String text = """
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    1
                    Restart Count:  3
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getContainers()).hasSize(1);
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(pod.getContainers().get(0).getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getLastState().getExitCode()).isEqualTo(1);
        assertThat(pod.getContainers().get(0).getRestartCount()).isEqualTo(3);
    }

    /**
     * coredns#3388: a State block below a listing of three pods of one namespace: a pod of that namespace, which one
     * not said; a listing over several namespaces says none.
     */
    @Test
    void containerStateBlockBelowAListingOfOneNamespaceIsAPodOfIt() {
        String block = """

                    State:          Running
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    0
                """;
        String oneNamespace = """
                root@master1:~# kubectl get pod -A -owide | grep coredns
                kube-system    coredns-46qtd     1/1     Running     836        25d     172.31.208.52    master2   <none>  <none>
                kube-system    coredns-b65fn     1/1     Running     164        25d     172.31.161.68    master1   <none>  <none>
                """;
        assertThat(Recordings.read("paste.txt", oneNamespace + block, OPTIONS, rejections::add))
                .extracting(Recorded::key).containsExactly("test/kube-system/coredns-46qtd", "test/kube-system/coredns-b65fn",
                        "test/kube-system/" + DescribePod.UNNAMED_POD);
        String twoNamespaces = oneNamespace.replace("kube-system    coredns-b65fn", "dns-test       coredns-b65fn");
        assertThat(Recordings.read("paste.txt", twoNamespaces + block, OPTIONS, rejections::add))
                .extracting(Recorded::key).contains("test/default/" + DescribePod.UNNAMED_POD);
        assertThat(rejections).isEmpty();
    }

    /** kubeplus#1382 and kubernetes#122932: an evicted pod's status lines, with or without its header. */
    @Test
    void podStatusLinesAreAPodEvenWithoutContainers() {
        String headless = """
                Status:       Failed
                Reason:       Evicted
                Message:      The node was low on resource: ephemeral-storage. Threshold quantity: 1Gi, available: 777784Ki.
                """;
        PodSnapshot pod = (PodSnapshot) Recordings.read("paste.txt", headless, OPTIONS, rejections::add).get(0).value();
        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getReason()).isEqualTo("Evicted");
        assertThat(pod.getMessage()).startsWith("The node was low on resource: ephemeral-storage.");

        String cut = """
                Name:           web-5dbc89ff58-zqsn2
                Namespace:      shop
                Node:           xen15-142/
                Status:         Failed
                Reason:         Evicted
                Message:        The node was low on resource: ephemeral-storage.
                """;
        pod = (PodSnapshot) Recordings.read("paste.txt", cut, OPTIONS, rejections::add).get(0).value();
        assertThat(pod.getName()).isEqualTo("web-5dbc89ff58-zqsn2");
        assertThat(pod.getNodeName()).isEqualTo("xen15-142");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(rejections).isEmpty();
    }

    /** nds-org/jupyter-et#13: a node's Conditions table pasted without its 'Conditions:' line. */
    @Test
    void nodeConditionThatIsBadBecomesItsEvent() {
        String text = """
                Name:               etkhub
                Roles:              master
                  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
                  ----             ------  -----------------                 ------------------                ------                       -------
                  DiskPressure     False   Fri, 14 Mar 2025 10:03:00 +0000   Wed, 20 Mar 2019 22:00:39 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
                  Ready            False   Fri, 14 Mar 2025 10:03:00 +0000   Fri, 14 Mar 2025 09:00:00 +0000   KubeletNotReady              PLEG is not healthy: pleg was last seen active 16h17m50s ago; threshold is 3m0s
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/default/Node/etkhub", "test/etkhub");
        KubeEvent notReady = (KubeEvent) records.get(0).value();
        assertThat(notReady.getReason()).isEqualTo("NodeNotReady");
        assertThat(notReady.getMessage()).startsWith("Node etkhub status is now: NodeNotReady (Ready=False, KubeletNotReady)")
                .contains("PLEG is not healthy");
        assertThat(notReady.getFirstTimestamp()).isEqualTo(Instant.parse("2025-03-14T09:00:00Z"));
        assertThat(notReady.getLastTimestamp()).isEqualTo(Instant.parse("2025-03-14T10:03:00Z"));
    }

    /** karpenter-provider-aws#7029: only the Conditions table, no Name. */
    @Test
    void conditionsTableWithoutItsNodeIsAnUnnamedNode() {
        String text = """
                Conditions:
                  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
                  ----             ------    -----------------                 ------------------                ------              -------
                  DiskPressure     Unknown   Fri, 14 Mar 2025 09:15:10 +0000   Fri, 14 Mar 2025 09:18:13 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
                  Ready            Unknown   Fri, 14 Mar 2025 09:15:10 +0000   Fri, 14 Mar 2025 09:18:13 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly(
                "test/default/Node/" + DescribeNode.UNNAMED_NODE, "test/" + DescribeNode.UNNAMED_NODE);
        assertThat(((KubeEvent) records.get(0).value()).getReason()).isEqualTo("NodeNotReady");
    }

    /** kubernetes#32542: kubectl 1.2-1.13 describe rows (FirstSeen LastSeen Count From SubObjectPath Type Reason Message) under a bare Events: line. */
    @Test
    void oldDescribeRowsWithBracedFromUnderAnEventsLineWithoutHeader() {
        String text = """
                Name:           web-2796558020-akaib
                Namespace:      default
                Status:         Pending
                Events:
                  41m   30m     3       {kubelet gke-pool-5v1s}   spec.containers{web}   Warning FailedSync      Error syncing pod, skipping: x
                  1m		1m		1	{default-scheduler }			Normal		Scheduled	Successfully assigned web-2796558020-akaib to gke-pool-5v1s
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("FailedSync", "Scheduled");
        KubeEvent sync = events.get(0);
        assertThat(sync.getCount()).isEqualTo(3);
        assertThat(sync.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(41 * 60));
        assertThat(sync.getLastTimestamp()).isEqualTo(NOW.minusSeconds(30 * 60));
        assertThat(sync.getReportingComponent()).isEqualTo("kubelet");
        assertThat(sync.getReportingInstance()).isEqualTo("gke-pool-5v1s");
        assertThat(events.get(1).getReportingComponent()).isEqualTo("default-scheduler");
    }

    /**
     * kubernetes#21315: kubectl 1.1 describe rows, before events had a type (FirstSeen LastSeen Count From SubobjectPath
     * Reason Message), pasted without their header; the type is the reason's, and the last message runs on over the
     * lines of the error page the probe got.
     */
    @Test
    void untypedDescribeRowsOfKubectl11() {
        String text = """
                kubectl describe pod/pod-with-healthcheck
                  40s           40s             1       {kubelet kubernetes-minion-zkwc}        spec.containers{nginx}                  Killing         Killing with docker id b64f4ec76991
                  40s           10s             2       {kubelet kubernetes-minion-zkwc}        spec.containers{nginx}                  Unhealthy       Liveness probe failed: <html>
                <head><title>404 Not Found</title></head>
                </html>
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("Killing", "Unhealthy");
        assertThat(events).extracting(KubeEvent::getType).containsExactly("Normal", "Warning");
        KubeEvent unhealthy = events.get(1);
        assertThat(unhealthy.getCount()).isEqualTo(2);
        assertThat(unhealthy.getInvolvedObject().getName()).isEqualTo("pod-with-healthcheck");
        assertThat(unhealthy.getReportingInstance()).isEqualTo("kubernetes-minion-zkwc");
        assertThat(unhealthy.getMessage()).startsWith("Liveness probe failed: <html>").contains("404 Not Found");
    }

    /**
     * strimzi-debugging#12: a runbook's listing reviewed as a diff, every line still carrying the added-line {@code +};
     * the {@code -n1} of the {@code tail} the logs command is piped into is no namespace of the kubectl command.
     */
    @Test
    void aListingAddedByADiffAndAPipedCommandsFlags() {
        String text = """
                +$ kubectl get po -l strimzi.io/name=$CLUSTER_NAME-zookeeper
                +NAME                     READY   STATUS             RESTARTS        AGE
                +my-cluster-zookeeper-0   0/1     CrashLoopBackOff   5 (2m16s ago)   16m
                +my-cluster-zookeeper-1   1/1     Running            0               16m
                +
                +$ kubectl logs $CLUSTER_NAME-zookeeper-0 | grep "Unable to load database on disk" | tail -n1
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/default/my-cluster-zookeeper-0",
                "test/default/my-cluster-zookeeper-1");
        assertThat(((PodSnapshot) records.get(0).value()).getContainers().get(0).getRestartCount()).isEqualTo(5);
    }

    /**
     * BuoyantIO/service-mesh-academy (startup-deep-dive): output rendered by R Markdown, every line of it after the
     * {@code ## } knitr puts before a command's output; the commands themselves are not prefixed.
     */
    @Test
    void outputRenderedAsCommentsUnderItsCommand() {
        String text = """
                kubectl get pods -n linkerd
                ## NAME                                     READY   STATUS                  RESTARTS      AGE
                ## linkerd-identity-5ff8bd9464-scswh        0/2     Init:CrashLoopBackOff   3 (29s ago)   113s
                ## linkerd-destination-695f674c6b-pmv47     0/4     Init:CrashLoopBackOff   3 (29s ago)   113s
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/linkerd/linkerd-identity-5ff8bd9464-scswh",
                "test/linkerd/linkerd-destination-695f674c6b-pmv47");
        PodSnapshot identity = (PodSnapshot) records.get(0).value();
        assertThat(identity.getInitContainers().get(0).getRestartCount()).isEqualTo(3);
        assertThat(identity.getInitContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
    }

    /**
     * A README's code block kept runnable: the commands bare, what they printed commented out line by line ({@code # })
     * between {@code #####} rules (rebornjhy's junhwanyun MSA notes). The marks come off: the describe and its Events
     * are read.
     */
    @Test
    void outputCommentedOutLineByLineInARunnableBlock() {
        String text = """
                kubectl describe po book-74ff69c667-qj745

                #####
                # Name:         book-74ff69c667-qj745
                # Namespace:    default
                # Containers:
                #   book:
                #     State:          Running
                #     Last State:     Terminated
                #       Reason:       Error
                #       Exit Code:    143
                #     Restart Count:  1
                # Events:
                #   Type     Reason     Age                   From               Message
                #   ----     ------     ----                  ----               -------
                #   Normal   Killing    3m7s                  kubelet            Container book failed liveness probe, will be restarted
                #   Warning  Unhealthy  3m12s (x5 over 3m32s) kubelet            Liveness probe failed: HTTP probe failed with statuscode: 404
                #####
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> r.kind() + " " + r.key()).contains("POD test/default/book-74ff69c667-qj745");
        assertThat(records.stream().map(Recorded::value).filter(KubeEvent.class::isInstance).map(KubeEvent.class::cast))
                .extracting(KubeEvent::getReason).containsExactlyInAnyOrder("Killing", "Unhealthy");
    }

    /**
     * talin12's triage notes: a listing of several broken pods, then a row the reporter copied without its pod's name
     * or command. A pull failure is the one pod in ErrImagePull's; a row no listed pod's status tells (or several do)
     * stays an unnamed pod's.
     */
    @Test
    void aRowWithoutItsPodBesideSeveralBrokenOnesIsTheOneWhoseStatusShowsIt() {
        String listing = """
                NAME                     READY   STATUS         RESTARTS     AGE
                fail-1-crashloop-pod     0/1     Error          1 (4s ago)   5s
                fail-2-imagepull-pod     %s   0            5s
                fail-3-pending-pod       0/1     Pending        0            5s

                  Warning  Failed  1s (x3 over 44s)  kubelet  Failed to pull image "yatri-api-service:v999": pull access denied, repository does not exist or may require authorization
                """;
        List<Recorded> records = Recordings.read("notes.md", listing.formatted("0/1     ErrImagePull"), OPTIONS, rejections::add);
        assertThat(records).filteredOn(r -> r.kind() == Recorded.Kind.EVENT).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("test/default/Pod/fail-2-imagepull-pod"));

        records = Recordings.read("notes.md", listing.formatted("1/1     Running     "), OPTIONS, rejections::add);
        assertThat(records).filteredOn(r -> r.kind() == Recorded.Kind.EVENT).singleElement()
                .satisfies(r -> assertThat(r.key()).endsWith("/" + Unnamed.POD));
        assertThat(rejections).isEmpty();
    }

    /**
     * galiks' lab notes: the reporter's cause in Russian right under the last row, no blank line between. Kubernetes
     * writes its messages in English, so a line in another script ends the table instead of continuing the message
     * (it made the 404 a "404Причина: ..." and the probe failure unreadable).
     */
    @Test
    void aLineInAnotherScriptUnderTheLastRowIsTheReportersNotTheMessage() {
        String text = """
                Events:
                  Type     Reason     Age                    From               Message
                  ----     ------     ----                   ----               -------
                  Normal   Scheduled  4m2s                   default-scheduler  Successfully assigned pavel-lab/web-9677bbcf6-sppxc to minikube
                  Warning  Unhealthy  118s (x25 over 3m55s)  kubelet            spec.containers{web}: Readiness probe failed: HTTP probe failed with statuscode: 404
                Причина: /not found возвращает 404, но liveness возвращает 200
                """;
        List<Recorded> records = Recordings.read("notes.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getMessage()).contains(
                "Readiness probe failed: HTTP probe failed with statuscode: 404");
    }

    /**
     * A script block whose comments are mostly the reporter's words, and one command's output commented out under it
     * (a node's Ready row after {@code # Result:}, as a Russian course's notes paste it): that output is read; a comment
     * under another command's printed output stays prose.
     */
    @Test
    void outputCommentedOutUnderOneCommandAmongProseComments() {
        String text = """
                # Check the cluster first
                kubectl get nodes

                # Find out why
                kubectl describe nodes master1 | grep KubeletNotReady

                # Result:
                #  Ready            False   Wed, 06 Oct 2021 21:46:39 +0300   Wed, 06 Oct 2021 21:26:26 +0300   KubeletNotReady              container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized

                kubectl apply -f kube-flannel.yml
                namespace/kube-flannel created
                # Now the node should turn Ready
                """;
        List<Recorded> records = Recordings.read("notes.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).filteredOn(r -> r.value() instanceof NodeSnapshot).singleElement()
                .satisfies(r -> assertThat(((NodeSnapshot) r.value()).getConditions())
                        .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("KubeletNotReady")));
    }

    /**
     * open-telemetry/opentelemetry-operator#259: a listing between a code span's backticks, the opening one alone on the
     * line before the header, the closing one after the last row's age.
     */
    @Test
    void aListingInsideACodeSpanOverSeveralLines() {
        String text = """
                `
                NAMESPACE                       NAME                                                         READY   STATUS    RESTARTS   AGE
                opentelemetry-operator-system   opentelemetry-operator-controller-manager-7df489cb85-nwjwl   2/2     Running   0          23s`
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getNamespace()).isEqualTo("opentelemetry-operator-system");
        assertThat(pod.getPhase()).isEqualTo("Running");
        assertThat(pod.getCreationTimestamp()).isEqualTo(OPTIONS.now().minusSeconds(23));
    }

    /**
     * devilzzz-lab/production-debugging-labs: a page's HTML source, the output in {@code <pre>} blocks with
     * {@code <strong>} around a row's status and {@code &lt;none&gt;} for kubectl's {@code <none>}.
     */
    @Test
    void outputInAPagesHtmlSource() {
        String text = """
                <h2>1. Check Pod Status</h2>
                <pre>NAME       READY   STATUS      RESTARTS     AGE     NODE
                oom-demo   0/1     <strong>OOMKilled</strong>   1 (4s ago)   6s      &lt;none&gt;</pre>
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getName()).isEqualTo("oom-demo");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getNodeName()).isNull();
    }

    /**
     * amazon-archives/debug-k8s-apps: pods listed without their namespace beside a system component's command
     * ({@code kubectl logs deployment/cluster-autoscaler -n kube-system}) whose log names them {@code default/hello-...}:
     * the log's namespace is theirs, not the command's.
     */
    @Test
    void aLogNamingListedPodsGivesTheirNamespace() {
        String text = """
                $ kubectl get pods
                NAME                     READY   STATUS    RESTARTS   AGE
                hello-6d4fbd5d76-9xqxg   1/1     Running   0          5s
                hello-6d4fbd5d76-brv7k   0/1     Pending   0          5s

                $ kubectl logs -f deployment/cluster-autoscaler -n kube-system
                I1113 01:40:00.754365       1 scale_up.go:263] Pod default/hello-6d4fbd5d76-brv7k is unschedulable
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/default/hello-6d4fbd5d76-9xqxg",
                "test/default/hello-6d4fbd5d76-brv7k");
    }

    /**
     * tanishkothari9/DevOps: {@code kubectl events --for pod/x --types=Warning | tail}: rows without the header and
     * without LAST SEEN, the object's kind capitalised as that command prints it, one-word reasons after the type.
     */
    @Test
    void kubectlEventsRowsWithoutTheirHeader() {
        String text = """
                Warning   NodeNotReady   Pod/web-app-d45775485-79ppb   Node is not ready
                Warning   Unhealthy      Pod/web-app-d45775485-79ppb   Liveness probe failed: Get "http://10.244.0.130:80/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
                """;
        List<KubeEvent> events = Recordings.read("paste.txt", text, OPTIONS, rejections::add).stream()
                .map(r -> (KubeEvent) r.value()).toList();

        assertThat(rejections).isEmpty();
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("NodeNotReady", "Unhealthy");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Pod");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("web-app-d45775485-79ppb");
            assertThat(e.getType()).isEqualTo("Warning");
        });
    }

    /**
     * ibtisam-iq/nectar (a Killercoda lab): a pod's describe cut to a few container fields, its kind not told by them,
     * leaves the pod's listing row its snapshot; its Events table has a blank line between the separator and the rows.
     */
    @Test
    void aDescribeCutToAFewFieldsKeepsTheListingRowAndItsEvents() {
        String text = """
                controlplane:~$ k get po -A
                NAMESPACE            NAME                                      READY   STATUS             RESTARTS      AGE
                kube-system          kube-controller-manager-controlplane      0/1     CrashLoopBackOff   1 (4s ago)    6s

                controlplane:~$ k describe po -n kube-system kube-controller-manager-controlplane
                Name:                 kube-controller-manager-controlplane
                Namespace:            kube-system
                    Command:
                      kube-controller-manegaar
                    Ready:          False
                Events:
                  Type     Reason   Age               From     Message
                  ----     ------   ----              ----     -------

                  Warning  BackOff  3s (x5 over 25s)  kubelet  Back-off restarting failed container kube-controller-manager in pod kube-controller-manager-controlplane_kube-system(c2086dde319f21250262f5d5edcf3af3)
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::kind).contains(Recorded.Kind.POD, Recorded.Kind.EVENT);
        assertThat(records).filteredOn(r -> r.kind() == Recorded.Kind.EVENT).singleElement()
                .satisfies(r -> assertThat(((KubeEvent) r.value()).getReason()).isEqualTo("BackOff"));
        PodSnapshot pod = (PodSnapshot) records.stream().filter(r -> r.kind() == Recorded.Kind.POD).findFirst()
                .orElseThrow().value();
        assertThat(pod.getNamespace()).isEqualTo("kube-system");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("CrashLoopBackOff");
    }

    /**
     * pravega/zookeeper-operator#232: {@code <unknown>} ages (an events.k8s.io event read by kubectl 1.18-1.19, which
     * printed no age for it): the event is taken at the paste's moment, as a row printed without an age.
     */
    @Test
    void anUnknownAgeIsThePastesMoment() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Events:
                  Type     Reason            Age        From               Message
                  ----     ------            ----       ----               -------
                  Warning  FailedScheduling  <unknown>  default-scheduler  running "VolumeBinding" filter plugin for pod "reddot-zk-0": pod has unbound immediate PersistentVolumeClaims
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent event = (KubeEvent) r.value();
            assertThat(event.getLastTimestamp()).isEqualTo(NOW);
            assertThat(r.time()).isEqualTo(NOW);
        });
    }

    /** coreos-kubernetes#461 (absolute FIRSTSEEN/LASTSEEN) and ministryofjustice/cloud-platform#590 (LAST SEEN first, event names). */
    @Test
    void oldGetEventsRowsWithAbsoluteTimesOrReversedAgesAndEventNames() {
        String text = """
                2025-03-14 11:00:09 +0100 CET   2025-03-14 11:03:09 +0100 CET   5         zre       Pod                              Warning   FailedSync   {kubelet ip-172-16-4-25}   Error syncing pod
                59m         6d           124       web-6597bc46dc.1576a87b365ab1e4         ReplicaSet                                         Warning   FailedCreate            replicaset-controller                                  Error creating: pods "web-6597bc46dc-2wm8j" is forbidden: exceeded quota
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactlyInAnyOrder("test/default/Pod/zre",
                "test/default/ReplicaSet/web-6597bc46dc");
        KubeEvent sync = records.stream().map(r -> (KubeEvent) r.value()).filter(e -> e.getReason().equals("FailedSync"))
                .findFirst().orElseThrow();
        assertThat(sync.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(180));
        assertThat(sync.getLastTimestamp()).isEqualTo(NOW);
        assertThat(sync.getCount()).isEqualTo(5);
        assertThat(sync.getReportingInstance()).isEqualTo("ip-172-16-4-25");
        KubeEvent create = records.stream().map(r -> (KubeEvent) r.value())
                .filter(e -> e.getReason().equals("FailedCreate")).findFirst().orElseThrow();
        assertThat(create.getFirstTimestamp()).isEqualTo(NOW.minus(java.time.Duration.ofDays(6)));
        assertThat(create.getLastTimestamp()).isEqualTo(NOW.minusSeconds(59 * 60));
        assertThat(create.getCount()).isEqualTo(124);
    }

    /**
     * kubernetes#11453: kubectl 1.0 describe Events (FirstSeen, LastSeen, Count, From, SubobjectPath, Reason, Message;
     * tabs; RFC 1123 times; lowerCamel reasons).
     */
    @Test
    void oneZeroDescribeRowsWithBothTimesAndACount() {
        String text = "Name:\t\t\t\tmysql\nNamespace:\t\t\tdefault\nStatus:\t\t\t\tPending\nContainers:\n  mysql:\n"
                + "    Image:\tmysql\n    State:\t\tWaiting\nEvents:\n"
                + "  FirstSeen\t\t\t\tLastSeen\t\t\tCount\tFrom\t\tSubobjectPath\tReason\t\t\tMessage\n"
                + "  Fri, 17 Jul 2015 10:30:55 -0700\tFri, 17 Jul 2015 10:31:10 -0700\t5\t{scheduler }\t\t\t"
                + "failedScheduling\t\t\tFailed for reason PodFitsResources and possibly others\n";
        List<Recorded> records = Recordings.read("paste.txt", text,
                new ReadOptions("test", Instant.parse("2015-07-17T17:33:30Z")), rejections::add);
        assertThat(rejections).isEmpty();
        KubeEvent event = records.stream().filter(r -> r.value() instanceof KubeEvent).map(r -> (KubeEvent) r.value())
                .findFirst().orElseThrow();
        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("mysql");
        assertThat(event.getCount()).isEqualTo(5);
        assertThat(event.getFirstTimestamp()).isEqualTo(Instant.parse("2015-07-17T17:30:55Z"));
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2015-07-17T17:31:10Z"));
        assertThat(event.getReportingComponent()).isEqualTo("scheduler");
        // kubernetes#9207: the same row with its tabs turned to spaces by the page it was pasted into
        rejections.clear();
        KubeEvent spaced = (KubeEvent) Recordings.read("paste.txt", text.replace('\t', ' ').replace("-0700 5", "-0700 6"),
                new ReadOptions("test", Instant.parse("2015-07-17T17:33:30Z")), rejections::add).stream()
                .filter(r -> r.value() instanceof KubeEvent).findFirst().orElseThrow().value();
        assertThat(spaced.getReason()).isEqualTo("FailedScheduling");
        assertThat(spaced.getCount()).isEqualTo(6);
        assertThat(spaced.getMessage()).isEqualTo("Failed for reason PodFitsResources and possibly others");
    }

    /**
     * GenAI-quickstart#41: {@code kubectl get events -o custom-columns=...} read by its own titles, about the object of
     * the command's field selector, in the namespace of its {@code -nNS}.
     */
    @Test
    void customColumnsEventsAboutTheSelectedObject() {
        String text = "$ kubectl get events -o custom-columns=FirstSeen:.firstTimestamp,LastSeen:.lastTimestamp,"
                + "Count:.count,From:.source.component,Type:.type,Reason:.reason,Message:.message --field-selector "
                + "involvedObject.kind=Pod,involvedObject.name=tgi-7bdbb4f5f6-wqw48 -ngenai\n"
                + "FirstSeen              LastSeen               Count   From                 Type      Reason             "
                + "Message\n"
                + "2024-03-14T18:05:46Z   2024-03-14T18:05:46Z   1       default-scheduler    Warning   FailedScheduling   "
                + "0/7 nodes are available: 7 node(s) didn't match Pod's node affinity/selector.\n"
                + "2024-03-14T18:06:33Z   2024-03-14T18:06:40Z   2       cluster-autoscaler   Normal    TriggeredScaleUp   "
                + "pod triggered scale-up: [{pool-a 0->1 (max: 3)}]\n";
        List<Recorded> records = Recordings.read("paste.txt", text,
                new ReadOptions("test", Instant.parse("2024-03-14T18:07:30Z")), rejections::add);
        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("FailedScheduling", "TriggeredScaleUp");
        assertThat(events).extracting(e -> e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                .containsOnly("genai/tgi-7bdbb4f5f6-wqw48");
        KubeEvent scaleUp = events.get(1);
        assertThat(scaleUp.getType()).isEqualTo("Normal");
        assertThat(scaleUp.getCount()).isEqualTo(2);
        assertThat(scaleUp.getFirstTimestamp()).isEqualTo(Instant.parse("2024-03-14T18:06:33Z"));
        assertThat(scaleUp.getLastTimestamp()).isEqualTo(Instant.parse("2024-03-14T18:06:40Z"));
        assertThat(scaleUp.getReportingComponent()).isEqualTo("cluster-autoscaler");
    }

    /**
     * A claim's describe cut by grep and the reporter to Type, Reason and Message: the paste's moment, about the claim
     * its command names; a row whose message starts with its object stays a get-events row about that object.
     */
    @Test
    void aClaimsRowCutToTypeReasonAndMessage() {
        List<Recorded> records = Recordings.read("paste.txt", "$ kubectl describe pvc web-data -n production-webapp "
                + "| grep ProvisioningFailed\nWarning  ProvisioningFailed  failed to provision volume with StorageClass "
                + "\"local-path\": ... create process timeout after 120 seconds\n", OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("ProvisioningFailed");
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
            assertThat(e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                    .isEqualTo("production-webapp/web-data");
            assertThat(e.getLastTimestamp()).isEqualTo(OPTIONS.now());
        });
        List<Recorded> objectFirst = Recordings.read("paste.txt", "Warning   FreeDiskSpaceFailed       "
                + "node/k3d-target-server-0 failed to garbage collect required amount of images. Wanted to free 5491729203 "
                + "bytes, but freed 0 bytes\n", OPTIONS, rejections::add);
        assertThat(objectFirst).singleElement().satisfies(r -> assertThat(((KubeEvent) r.value()).getInvolvedObject()
                .getName()).isEqualTo("k3d-target-server-0"));
    }

    /**
     * A homework transcript describing two pods, each command above its own events (the second cut by grep to its
     * failures, no row naming its pod): each table is the pod its command names, not the first table's pod.
     */
    @Test
    void eachDescribeCommandsTableIsItsOwnPods() {
        String paste = "$ kubectl describe pod catalog-web -n session14 | sed -n \"/^Events:/,\\$p\"\n"
                + "Events:\n  Type     Reason     Age   From               Message\n"
                + "  ----     ------     ----  ----               -------\n"
                + "  Normal   Scheduled  41s   default-scheduler  Successfully assigned session14/catalog-web to kind\n"
                + "  Warning  Failed     22s   kubelet            Error: ErrImagePull\n\n"
                + "$ kubectl describe pod catalog-cache -n session14 | grep -E \"Type|Failed\"\n"
                + "  Type     Reason     Age                From               Message\n"
                + "  Warning  Failed     20s (x2 over 36s)  kubelet            Failed to pull image \"x/redis-typo:7\": "
                + "rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/x/redis-typo:7\": not found\n";
        List<Recorded> records = Recordings.read("paste.txt", paste, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getName() + " "
                + ((KubeEvent) r.value()).getReason()).containsExactlyInAnyOrder("catalog-web Scheduled",
                "catalog-web Failed", "catalog-cache Failed");
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getNamespace())
                .containsOnly("session14");
    }

    /**
     * A paste whose own absolute times are months before the reader's {@code now} (a post-mortem replays a paste
     * saved long after it was printed) or after it was printed at its newest timestamp: its relative ages count back
     * from there, so its timeline stays one; a paste printed within a day of {@code now} keeps {@code now}.
     */
    @Test
    void relativeAgesCountBackFromThePastesOwnNewestTime() {
        String paste = "2026-09-04T20:14:53Z   Warning   FailedScheduling   pod/vllm-0   0/4 nodes are available: 4 "
                + "Insufficient nvidia.com/gpu.\n\n"
                + "Events:\n  Type     Reason     Age   From     Message\n  ----     ------     ----  ----     -------\n"
                + "  Normal   Pulling    3m    kubelet  Pulling image \"vllm/vllm-openai:v0.27.1\"\n";
        for (Instant now : List.of(Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))) {
            List<Recorded> records = Recordings.read("paste.txt", paste, new ReadOptions("test", now), rejections::add);
            assertThat(rejections).isEmpty();
            assertThat(records).extracting(Recorded::time).containsExactly(Instant.parse("2026-09-04T20:11:53Z"),
                    Instant.parse("2026-09-04T20:14:53Z"));
        }
        Instant sameDay = Instant.parse("2026-09-04T21:00:00Z");
        assertThat(Recordings.read("paste.txt", paste, new ReadOptions("test", sameDay), rejections::add))
                .extracting(Recorded::time).contains(Instant.parse("2026-09-04T20:57:00Z"));
    }

    /**
     * spareilleux/learn lesson 2: custom columns printed with {@code --no-headers} are read under the titles the command
     * gives them, about the object of its field selector; a custom-columns table without a time column is the paste's
     * moment (such a table stopped the whole file's read before).
     */
    @Test
    void customColumnsWithoutTheirHeaderOrATimeColumn() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        String headless = "> kubectl get events -n l02 --field-selector involvedObject.name=readiness-fail,type=Warning "
                + "-o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message --no-headers | sort -u\n"
                + "Warning   Unhealthy   Readiness probe failed: HTTP probe failed with statuscode: 404\n";
        List<Recorded> records = Recordings.read("paste.txt", headless, new ReadOptions("test", now), rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            KubeEvent e = (KubeEvent) r.value();
            assertThat(e.getReason()).isEqualTo("Unhealthy");
            assertThat(e.getMessage()).isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 404");
            assertThat(e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                    .isEqualTo("l02/readiness-fail");
            assertThat(e.getLastTimestamp()).isEqualTo(now);
        });
        List<Recorded> headed = Recordings.read("paste.txt", "TYPE      REASON      MESSAGE\n"
                + "Warning   BackOff     Back-off restarting failed container web in pod web-0_shop(1a2b)\n",
                new ReadOptions("test", now), rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(headed).singleElement().satisfies(r -> assertThat(((KubeEvent) r.value()).getReason())
                .isEqualTo("BackOff"));
        // without --no-headers the rows have their own header: the command alone names no columns
        assertThat(EventsTable.omittedHeader("kubectl get events -o custom-columns=TYPE:.type,REASON:.reason,"
                + "MESSAGE:.message")).isNull();
        assertThat(EventsTable.omittedHeader("kubectl get events --no-headers -o custom-columns=NAME:.metadata.name,"
                + "REASON:.reason,MESSAGE:.message")).isNull(); // NAME is no event column this reader knows
    }

    /**
     * kfp#5214: a FailedCreate row broken after its From column, its message on the next line, about the ReplicaSet the
     * refused pod's name comes from; intel CMK#299: the security context's {@code (pod: "x_ns(uid)", container: x)}.
     */
    @Test
    void rowsThatNameTheirObjectOnlyInTheirMessage() {
        List<Recorded> broken = Recordings.read("paste.txt", "Warning  FailedCreate  17m replicaset-controller \n"
                + "Error creating: pods \"ml-pipeline-ui-artifact-684c5db68-s74w8\" is forbidden: failed quota: "
                + "kf-resource-quota: must specify cpu,memory\n", OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(broken).hasSize(1);
        KubeEvent create = (KubeEvent) broken.get(0).value();
        assertThat(create.getInvolvedObject().getKind()).isEqualTo("ReplicaSet");
        assertThat(create.getInvolvedObject().getName()).isEqualTo("ml-pipeline-ui-artifact-684c5db68");
        assertThat(create.getReportingComponent()).isEqualTo("replicaset-controller");
        assertThat(create.getMessage()).startsWith("Error creating: pods \"ml-pipeline-ui-artifact-684c5db68-s74w8\"");
        List<Recorded> nonRoot = Recordings.read("paste.txt", "  Warning  Failed     6s (x4 over 18s)  kubelet            "
                + "Error: container has runAsNonRoot and image will run as root (pod: \"cmk-init_cmk-namespace(fa1d4889)\", "
                + "container: cmk-init)\n", OPTIONS, rejections::add);
        KubeEvent failed = (KubeEvent) nonRoot.get(0).value();
        assertThat(failed.getInvolvedObject().getNamespace()).isEqualTo("cmk-namespace");
        assertThat(failed.getInvolvedObject().getName()).isEqualTo("cmk-init");
    }

    /**
     * gitlab-runner chart#363 class: a row broken after its From column, its exec probe's error broken by the reporter
     * after each clause's colon; the line that begins {@code OCI runtime exec failed:} looks like a label, and after a
     * line ending with a colon it is the rest of the same message, not a runtime failure of its own.
     */
    @Test
    void aMessageBrokenAfterEachColonIsOneMessage() {
        List<Recorded> broken = Recordings.read("paste.txt", """
                Warning  Unhealthy  2m28s               kubelet           \s
                Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container:\s
                failed to start exec "b0b7d9df":
                OCI runtime exec failed: exec failed: container_linux.go:380: starting container process caused:\s
                exec: "/usr/bin/pgrep": stat /usr/bin/pgrep: no such file or directory: unknown
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(broken).singleElement().satisfies(r -> {
            KubeEvent probe = (KubeEvent) r.value();
            assertThat(probe.getReason()).isEqualTo("Unhealthy");
            assertThat(probe.getMessage()).startsWith("Readiness probe errored: rpc error:")
                    .contains("failed to start exec \"b0b7d9df\": OCI runtime exec failed: exec failed:")
                    .endsWith("stat /usr/bin/pgrep: no such file or directory: unknown");
        });
        // a label-like line after a message that ended its sentence is no part of it
        List<Recorded> labelled = Recordings.read("paste.txt", """
                Warning  Unhealthy  2m28s  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503
                Root cause: the database was scaled to zero.
                """, OPTIONS, rejections::add);
        assertThat(labelled).singleElement().satisfies(r -> assertThat(((KubeEvent) r.value()).getMessage())
                .isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 503"));
    }

    /**
     * A controller's refusal whose object only its pods' names tell: a ReplicaSet's Events table cut above its header
     * names the ReplicaSet only in {@code Created pod: x} (its refusal is a webhook's, naming no pod); a refusal
     * quoted alone names its controller only when the refused pod's name is unambiguous (a Deployment's
     * {@code <deploy>-<hash>-<5>}, a StatefulSet's {@code <name>-<ordinal>}); a {@code <name>-<5>} stays unnamed.
     */
    @Test
    void aControllersRefusalNamedByItsPods() {
        List<Recorded> table = Recordings.read("paste.txt", """
                Events:
                  Type     Reason            Age                From                   Message
                  ----     ------            ----               ----                   -------
                  Normal   SuccessfulCreate  3m                 replicaset-controller  Created pod: api-gw-5f6d8c9b7d-qx2lm
                  Warning  FailedCreate      40s (x9 over 2m)   replicaset-controller  Error creating: Internal error occurred: failed calling webhook "validate.example.io": context deadline exceeded
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        KubeEvent refusal = (KubeEvent) table.get(table.size() - 1).value();
        assertThat(refusal.getReason()).isEqualTo("FailedCreate");
        assertThat(refusal.getInvolvedObject().getKind() + "/" + refusal.getInvolvedObject().getName())
                .isEqualTo("ReplicaSet/api-gw-5f6d8c9b7d");
        assertThat(subjectOfLoneRefusal("api-gw-5f6d8c9b7d-qx2lm")).isEqualTo("ReplicaSet/api-gw-5f6d8c9b7d");
        assertThat(subjectOfLoneRefusal("ledger-2")).isEqualTo("StatefulSet/ledger");
        assertThat(subjectOfLoneRefusal("nightly-backup-7xk2p")).isEqualTo("Pod/" + Unnamed.POD);
    }

    private String subjectOfLoneRefusal(String pod) {
        List<Recorded> lone = Recordings.read("paste.txt", " Error creating: pods \"" + pod + "\" is forbidden: violates "
                + "PodSecurity \"restricted:latest\": runAsNonRoot != true (pod or container \"app\" must set "
                + "securityContext.runAsNonRoot=true)\n", OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(lone).hasSize(1);
        KubeEvent refusal = (KubeEvent) lone.get(0).value();
        assertThat(refusal.getReason()).isEqualTo("FailedCreate");
        return refusal.getInvolvedObject().getKind() + "/" + refusal.getInvolvedObject().getName();
    }

    /**
     * airflow#73164, hkube#904: a tool's {@code key: value} print of a terminated container (its reason is the
     * runtime's); the paragraph's {@code pod ns/name} names the pod. A reason that is no termination reason gives nothing.
     */
    @Test
    void aToolsPrintOfATerminatedContainer() {
        List<Recorded> airflow = Recordings.read("paste.txt", "Task t.5 failed in pod data-cube/dc-cls-bvma68of.\n"
                + "Pod phase: Failed, reason: None, message: None, container_type: main, container_name: base,\n"
                + "container_state: terminated, container_reason: OOMKilled, container_message: None, exit_code: 137\n",
                OPTIONS, rejections::add);
        assertThat(airflow).hasSize(1);
        dev.incidents.schemas.PodSnapshot pod = (dev.incidents.schemas.PodSnapshot) airflow.get(0).value();
        assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("data-cube/dc-cls-bvma68of");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getContainers().get(0).getName()).isEqualTo("base");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getState().getExitCode()).isEqualTo(137);
        List<Recorded> status = Recordings.read("paste.txt", "algorithm big-array has disconnected, reason: "
                + "CLOSE_ABNORMAL. status: terminated,exitCode: 0,reason: OOMKilled,startedAt: 2020-08-12T07:45:50Z\n",
                OPTIONS, rejections::add);
        assertThat(((dev.incidents.schemas.PodSnapshot) status.get(0).value()).getContainers().get(0).getState()
                .getReason()).isEqualTo("OOMKilled");
        assertThat(Recordings.read("paste.txt", "status: terminated, reason: Unknown\n", OPTIONS, rejections::add))
                .isEmpty();
        // openshift/release#35337: a container state's YAML cut above its terminated: key, under its message's log tail
        List<Recorded> cut = Recordings.read("paste.txt", "```\n          ts=2023-01-12T18:41:20.648Z caller=head.go:578 "
                + "level=info component=tsdb msg=\"WAL checkpoint loaded\"\n        reason: OOMKilled\n"
                + "        startedAt: \"2023-01-12T18:38:46Z\"\n```\n", OPTIONS, rejections::add);
        assertThat(((dev.incidents.schemas.PodSnapshot) cut.get(0).value()).getContainers().get(0).getState()
                .getReason()).isEqualTo("OOMKilled");
        assertThat(rejections).isEmpty();
    }

    /**
     * inevolin k8s-cpu-limits-analyzed class: a custom-columns listing of the last termination printed without its
     * header (name, restarts, reason, exit code); a row with no ended container's reason, or a row under its header, is
     * not read so.
     */
    @Test
    void aHeaderlessListingOfLastTerminations() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                ```
                oom-limit-75cc47b647-c4nv8   1     OOMKilled   137
                oom-open-689c68ff7d-4zrpc    0     <none>      <none>
                ```
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(rows).singleElement().satisfies(r -> {
            dev.incidents.schemas.PodSnapshot pod = (dev.incidents.schemas.PodSnapshot) r.value();
            assertThat(pod.getName()).isEqualTo("oom-limit-75cc47b647-c4nv8");
            dev.incidents.schemas.Container c = pod.getContainers().get(0);
            assertThat(c.getRestartCount()).isEqualTo(1);
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLastState().getExitCode()).isEqualTo(137);
            assertThat(c.getState().getKind()).isEqualToIgnoringCase("running");
        });
        List<Recorded> headed = Recordings.read("paste.txt", """
                NAME                         RESTARTS   REASON      EXIT
                oom-limit-75cc47b647-c4nv8   1          OOMKilled   137
                """, OPTIONS, rejections::add);
        assertThat(headed).as("the headed listing's rows are its reader's, not read twice").hasSizeLessThanOrEqualTo(1);
    }

    /**
     * argo-workflows#1788, rh-ai-quickstart RAG#16: events copied from the OpenShift console's event stream, one field
     * per line, with or without the console's links; the message's own words give the reason.
     */
    @Test
    void eventsCopiedFromTheOpenShiftConsole() {
        String text = "Pcoinflip-c29nz-981967317\nNamespaceNSargo\n\na minute ago\nGenerated from kubelet on "
                + "crc-shdl4-master-0\n9 times in the last 3 minutes\nMountVolume.SetUp failed for volume \"docker-sock\" : "
                + "hostPath type check failed: /var/run/docker.sock is not a socket file\n\n"
                + "PodP[upload-docs-jc79c](https://console.apps.example.com/k8s/ns/chai/pods/upload-docs-jc79c)\n"
                + "NamespaceNS[chai](https://console.apps.example.com/k8s/cluster/namespaces/chai)\n"
                + "2 Mar 2025, 13:09\nGenerated from kubelet on [ip-10-0-58-203](https://console.apps.example.com/k8s)\n"
                + "Failed to pull image \"registry.access.redhat.com/ubi9/python-39\": reading manifest latest: name "
                + "unknown: Repo not found\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(e -> e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName()
                + " " + e.getReason() + " " + e.getReportingInstance())
                .containsExactlyInAnyOrder("argo/coinflip-c29nz-981967317 FailedMount crc-shdl4-master-0",
                        "chai/upload-docs-jc79c Failed ip-10-0-58-203");
        KubeEvent mount = events.stream().filter(e -> "FailedMount".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(mount.getCount()).isEqualTo(9);
        assertThat(mount.getLastTimestamp()).isEqualTo(NOW.minusSeconds(60));
        assertThat(mount.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(180));
        KubeEvent pull = events.stream().filter(e -> "Failed".equals(e.getReason())).findFirst().orElseThrow();
        assertThat(pull.getLastTimestamp()).isEqualTo(Instant.parse("2025-03-02T13:09:00Z"));
    }

    /**
     * provider-aws-test-infra#232: the Kubernetes e2e framework's dump of a namespace's events into a test log; the
     * kubelet's are about a pod, on the host it names.
     */
    @Test
    void anE2eFrameworksEventDump() {
        List<Recorded> records = Recordings.read("paste.txt", "Nov 30 23:25:44.020: INFO: At 2025-03-14 09:10:47 +0000 UTC "
                + "- event for pvc-tester-4khdp: {kubelet ip-172-31-25-49.ec2.internal} FailedMount: MountVolume.SetUp "
                + "failed for volume \"pvc-3057\" : mount failed: exit status 32\nMounting command: mount\n", OPTIONS,
                rejections::add);
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName())
                .isEqualTo("Pod/pvc-tester-4khdp");
        assertThat(event.getReason()).isEqualTo("FailedMount");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReportingInstance()).isEqualTo("ip-172-31-25-49.ec2.internal");
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2025-03-14T09:10:47Z"));
    }

    /**
     * modelmesh-runtime-adapter#48: a pod's status.message kept from its YAML is the kubelet's eviction (an emptyDir
     * past its sizeLimit); the pod takes the one namespace the other rows name (a lifecycle hook's {@code in Pod
     * "x_gpt(uid)"}).
     */
    @Test
    void anEvictionMessageFromAPodsYamlInTheRowsNamespace() {
        String text = "27m  Warning  FailedPreStopHook  pod/mm-76d757c4fd-tbgpp  Exec lifecycle hook ([stop.sh]) for "
                + "Container \"mm\" in Pod \"mm-76d757c4fd-tbgpp_gpt(fb99c2ce)\" failed - error: exit 137\n\n"
                + "$ oc get pod mm-76d757c4fd-g7cwn -oyaml | less\n"
                + "    message: 'Usage of EmptyDir volume \"models-dir\" exceeds the limit \"1536Mi\". '\n"
                + "    phase: Failed\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        KubeEvent evicted = records.stream().map(r -> (KubeEvent) r.value()).filter(e -> "Evicted".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertThat(evicted.getInvolvedObject().getNamespace() + "/" + evicted.getInvolvedObject().getName())
                .isEqualTo("gpt/mm-76d757c4fd-g7cwn");
        assertThat(evicted.getMessage()).isEqualTo("Usage of EmptyDir volume \"models-dir\" exceeds the limit \"1536Mi\".");
    }

    /** knative#6489: a pod's status.conditions pasted alone, below the reporter's "...". */
    @Test
    void aPodsConditionsAlone() {
        String text = "...\nstatus:\n  conditions:\n  - lastProbeTime: null\n    lastTransitionTime: \"2025-03-14T09:40:00Z\"\n"
                + "    status: \"True\"\n    type: Initialized\n  - lastProbeTime: null\n"
                + "    lastTransitionTime: \"2025-03-14T09:40:00Z\"\n    message: 'containers with unready status: "
                + "[queue-proxy]'\n    reason: ContainersNotReady\n    status: \"False\"\n    type: Ready\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        dev.incidents.schemas.PodSnapshot pod = (dev.incidents.schemas.PodSnapshot) records.get(0).value();
        assertThat(pod.getPhase()).isEqualTo("Running");
        assertThat(pod.getContainers()).extracting(c -> c.getName() + " ready=" + c.getReady() + " "
                + c.getState().getKind()).containsExactly("queue-proxy ready=false running");
        assertThat(pod.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .containsExactly("Initialized=True", "Ready=False");
    }

    /**
     * k8s-device-plugin#112: a reporter's prompt and command above the YAML (or JSON) it printed: the output decides
     * the format; text under such a command stays text.
     */
    @Test
    void objectsBelowTheCommandThatPrintedThem() {
        List<Recorded> yaml = Recordings.read("paste.txt", "[root@edl dyc]# kubectl get node gpu-1 -o yaml\n"
                + "apiVersion: v1\nkind: Node\nmetadata:\n  name: gpu-1\nstatus:\n  allocatable:\n    nvidia.com/gpu: \"1\"\n",
                OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(yaml).hasSize(1);
        assertThat(((dev.incidents.schemas.NodeSnapshot) yaml.get(0).value()).getName()).isEqualTo("gpu-1");
        List<Recorded> json = Recordings.read("paste.txt", "$ kubectl get pod web-0 -n shop -o json\n{\"apiVersion\": "
                + "\"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web-0\", \"namespace\": \"shop\"}, "
                + "\"status\": {\"phase\": \"Pending\"}}\n", OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(((dev.incidents.schemas.PodSnapshot) json.get(0).value()).getName()).isEqualTo("web-0");
        List<Recorded> text = Recordings.read("paste.txt", "$ kubectl get events -n shop -o yaml\n"
                + "  Warning  FailedMount  2m  kubelet  MountVolume.SetUp failed for volume \"data\" : secret \"x\" not found\n",
                OPTIONS, rejections::add);
        assertThat(text).hasSize(1);
    }

    /** aks-engine#920: kubectl's report of the attached pod {@code kubectl run --rm -it} started, after it ended. */
    @Test
    void anAttachedPodThatEnded() {
        String text = "$ kubectl run dvtest --rm -it --restart=Never --image=nvidia/cuda:10.1 -- true\n\n"
                + "pod default/dvtest terminated (ContainerCannotRun)\n"
                + "oci runtime error: container_linux.go:247: starting container process caused \"process_linux.go:337:\n"
                + "running prestart hook 0 caused \\\"error running hook: exit status 1\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        dev.incidents.schemas.PodSnapshot pod = (dev.incidents.schemas.PodSnapshot) records.get(0).value();
        assertThat(pod.getName()).isEqualTo("dvtest");
        assertThat(pod.getPhase()).isEqualTo("Failed");
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("ContainerCannotRun");
        assertThat(pod.getContainers().get(0).getState().getMessage()).startsWith("oci runtime error: ")
                .contains("running prestart hook 0");
    }

    /**
     * kubernetes#3431: kubectl 0.x describe rows (Time, From, SubobjectPath, Reason, Message; tabs; no Type), their
     * lowerCamel reasons as the later CamelCase ones, the printer's {@code %!v(MISSING)} artefact dropped.
     */
    @Test
    void preOneOneDescribeRowsWithAbsoluteTimesAndLowerCamelReasons() {
        String text = "Time\t\t\t\tFrom\t\t\t\t\t\t\t\t\tSubobjectPath\tReason\t\tMessage\n"
                + "Thu, 12 Feb 2015 18:34:09 +0000\t{kubelet node-1.c.example.internal}\t\t\tfailedSync\tError syncing "
                + "pod, skipping: mkdir /var/lib/kubelet/pods/bb1e: no space left on device\t%!v(MISSING)\n"
                + "Thu, 12 Feb 2015 18:34:10 +0000\t{scheduler }\t\t\t\t\t\t\t\t\t\tscheduled\tSuccessfully assigned "
                + "cloud-user-debug to node-1.c.example.internal\t\t\t%!v(MISSING)\n";
        ReadOptions at = new ReadOptions("test", Instant.parse("2015-02-12T18:35:00Z"));
        List<Recorded> records = Recordings.read("paste.txt", text, at, rejections::add);

        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("FailedSync", "Scheduled");
        assertThat(events).extracting(KubeEvent::getType).containsExactly("Warning", "Normal");
        KubeEvent sync = events.get(0);
        assertThat(sync.getLastTimestamp()).isEqualTo(Instant.parse("2015-02-12T18:34:09Z"));
        assertThat(sync.getReportingComponent()).isEqualTo("kubelet");
        assertThat(sync.getReportingInstance()).isEqualTo("node-1.c.example.internal");
        assertThat(sync.getMessage()).endsWith("no space left on device");
    }

    /**
     * The pod a lone row is about when the paste names it only elsewhere: inside the kubelet's message (website#10377,
     * amazon-vpc-cni-k8s#888, kubernetes#31768), in an OpenShift describe command with its flags first
     * (dev-scripts#905, whose first line, a shell prompt in brackets, is not JSON), in the reporter's sentence
     * (gpu-operator#245), in a tool's log naming it with its namespace (a GitLab runner's job log,
     * terraform-kubernetes-gitlab-runner#16); its namespace from the one namespace the paste's commands use
     * (cloud-platform-environments#174).
     */
    @Test
    void aLoneRowsPodAndNamespaceFromWhereThePasteNamesThem() {
        assertThat(onlyEventAbout("  Warning  FailedCreatePodSandBox  1d  kubelet, node2     Failed create pod sandbox: "
                + "rpc error: code = Unknown desc = failed to set up sandbox container \"99e3\" network for pod "
                + "\"node1-6757cd5d77-qkqp9\": NetworkPlugin cni failed to set up pod network\n"))
                .isEqualTo("default/node1-6757cd5d77-qkqp9");
        assertThat(onlyEventAbout("  4m  2m  2  {kubelet gke-pool-hfyh}   Warning  FailedMount Unable to mount volumes "
                + "for pod \"spartakus-collector-3999054429-atph7_monitoring(9560-42)\": timeout expired\n"))
                .isEqualTo("monitoring/spartakus-collector-3999054429-atph7");
        assertThat(onlyEventAbout("[kni@provisionhost-0 dev-scripts]$ oc describe -n openshift-machine-api "
                + "pods/metal3-57cd4fd768-mttw6 | grep Error\n  Warning  Failed  17m (x12 over 19m)  kubelet, master-0  "
                + "Error: couldn't find key cache_url in ConfigMap openshift-machine-api/metal3-config\n"))
                .isEqualTo("openshift-machine-api/metal3-57cd4fd768-mttw6");
        assertThat(onlyEventAbout("Waiting for pod ci/runner-eebxo6ax-project-12739762-concurrent-3zzpmw to be running, "
                + "status is Pending\n\tUnschedulable: \"0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient "
                + "memory.\"\n")).isEqualTo("ci/runner-eebxo6ax-project-12739762-concurrent-3zzpmw");
        assertThat(onlyEventAbout("nvidia-driver-daemonset-72jqc will report the error\n  Warning  Failed  4s (x2 over "
                + "20s)  kubelet  Failed to pull image \"nvcr.io/nvidia/driver:470.57.02-rhcos4.9\": manifest unknown\n"))
                .isEqualTo("default/nvidia-driver-daemonset-72jqc");
        assertThat(onlyEventAbout("6m  6m  1  prometheus-operator-d75587d6.1556679b4e14bff3  ReplicaSet  Warning  "
                + "FailedCreate  replicaset-controller  Error creating: pods \"prometheus-operator-d75587d6-w2tz8\" is "
                + "forbidden: exceeded quota: namespace\nbash-3.2$ kubectl --context live-0 -n monitoring get deployments\n"))
                .isEqualTo("monitoring/prometheus-operator-d75587d6");
    }

    /**
     * A message quoted in Markdown and wrapped by its writer at their editor's width is one paragraph: read whole, to
     * the quote's end (dkmiller's notes, a GHCR pull refused for want of a token), not its first line only.
     */
    @Test
    void aMessageWrappedInsideAMarkdownQuoteIsReadWhole() {
        List<Recorded> records = Recordings.read("notes.md", """
                ## Pipeline submission

                First, log in to the registry, then submit the pipeline:

                    python pipelines/sample.py

                The step pod stays in ImagePullBackOff:

                >  Failed to pull image "ghcr.io/acme/gen_data": rpc error: code
                >  = Unknown desc = failed to pull and unpack image
                >  "ghcr.io/acme/gen_data:latest": failed to authorize: failed to
                > fetch anonymous token: unexpected status: 401 Unauthorized
                The step never started.
                """, OPTIONS, rejections::add);
        List<String> messages = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> ((KubeEvent) r.value()).getMessage()).toList();
        assertThat(messages).containsExactly("Failed to pull image \"ghcr.io/acme/gen_data\": rpc error: code = Unknown "
                + "desc = failed to pull and unpack image \"ghcr.io/acme/gen_data:latest\": failed to authorize: failed to "
                + "fetch anonymous token: unexpected status: 401 Unauthorized");
    }

    /**
     * A learner's notes: a Pod manifest, "and kubectl apply -f . we get the following error", then the scheduler's row
     * alone: the pod applied (codeaprendiz's KodeKloud taints lab); a manifest below the rows is the fix's, not theirs.
     */
    @Test
    void aLoneRowBelowAPodManifestIsThatPods() {
        String manifest = """
                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  labels:
                    run: nginx
                  name: mosquito
                spec:
                  containers:
                  - image: nginx
                    name: nginx
                ```
                """;
        String row = """
                and `kubectl apply -f .` we get the following error
                ```bash
                FailedScheduling  62s (x3 over 2m10s)  default-scheduler  0/2 nodes are available: 1 node(s) had taint {spray: mortein}, that the pod didn't tolerate.
                ```
                """;
        assertThat(onlyEventAbout(manifest + row)).isEqualTo("default/mosquito");
        assertThat(onlyEventAbout(row + manifest)).isEqualTo("default/" + DescribePod.UNNAMED_POD);
    }

    /**
     * A Pod manifest the paste shows without owners is a pod written by hand (rectcircle's blog: {@code case1-2},
     * which its name alone reads as StatefulSet case1's): its snapshots say they have no owner; a manifest with
     * {@code ownerReferences}, or a pod the paste shows no manifest of, says nothing.
     */
    @Test
    void aPodWhoseManifestThePasteShowsWithoutOwnersIsBare() {
        String text = """
                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: case1-2
                spec:
                  containers:
                  - name: p1
                    image: busybox:1.36
                ```

                ```yaml
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-0
                  ownerReferences:
                  - kind: StatefulSet
                    name: web
                ```

                ```
                NAME      READY   STATUS      RESTARTS   AGE
                case1-2   1/2     OOMKilled   0          25s
                web-0     1/1     Running     0          25s
                ```
                """;
        java.util.Map<String, Boolean> ownersKnown = Recordings.read("blog.md", text, OPTIONS, rejections::add).stream()
                .filter(r -> r.value() instanceof PodSnapshot)
                .collect(java.util.stream.Collectors.toMap(r -> ((PodSnapshot) r.value()).getName(),
                        r -> ((PodSnapshot) r.value()).getOwnersKnown()));
        assertThat(ownersKnown).containsEntry("case1-2", true).containsEntry("web-0", false);
    }

    /**
     * A listing's {@code <prefix>-<5>} pod Completed with no restart is a Job's (a DaemonSet's or a ReplicaSet's pods
     * run for good): its siblings of that prefix are the Job's attempts (mykidong's schema Job, two Init:Error).
     */
    @Test
    void podsBesideACompletedSiblingAreAJobs() {
        List<Recorded> records = Recordings.read("paste.txt", """
                NAME                           READY   STATUS       RESTARTS   AGE
                azakban-initschema-hr4bn       0/1     Init:Error   0          4h3m
                azakban-initschema-kg75t       0/1     Completed    0          4h3m
                azkaban-web-664967cb99-xhmrf   1/1     Running      0          3h9m
                nvidia-device-plugin-x7k2p     1/1     Running      0          3h9m
                """, OPTIONS, rejections::add);
        java.util.Map<String, String> owners = records.stream().map(r -> (PodSnapshot) r.value())
                .collect(java.util.stream.Collectors.toMap(PodSnapshot::getName, p -> p.getOwners().isEmpty() ? "-"
                        : p.getOwners().get(0).getKind() + "/" + p.getOwners().get(0).getName()));
        assertThat(owners).containsEntry("azakban-initschema-hr4bn", "Job/azakban-initschema")
                .containsEntry("azakban-initschema-kg75t", "Job/azakban-initschema")
                .containsEntry("azkaban-web-664967cb99-xhmrf", "-").containsEntry("nvidia-device-plugin-x7k2p", "-");
    }

    /**
     * The kubelet records its events on pods: its rows grepped from a describe whose pod a shell variable chose, in a
     * transcript that also inspects the Deployment ({@code get deploy taskboard-backend}), are the listed pod's that
     * fails as they say (a devops-heros final project's saved output), not the Deployment's.
     */
    @Test
    void kubeletRowsBesideAnInspectedControllerAreTheFailingListedPods() {
        List<Recorded> records = Recordings.read("case2.txt", """
                $ kubectl -n taskboard get pods -l app.kubernetes.io/component=backend
                NAME                                 READY   STATUS                  RESTARTS   AGE
                taskboard-backend-59d5dcc795-4r2g9   1/1     Running                 0          33m
                taskboard-backend-846c6d8b6d-p77rw   0/1     Init:ImagePullBackOff   0          45s

                $ kubectl -n taskboard describe $NEW | grep -E 'Failed|BackOff'
                  Warning  Failed     29s (x2 over 42s)  kubelet            spec.initContainers{migrate}: Failed to pull image "taskboard-backend:v2.0.1-typo": pull access denied, repository does not exist or may require authorization
                  Normal   BackOff    15s (x2 over 41s)  kubelet            spec.initContainers{migrate}: Back-off pulling image "taskboard-backend:v2.0.1-typo"

                $ kubectl -n taskboard get deploy taskboard-backend -o jsonpath='{.spec.template.spec.containers[0].image}'
                taskboard-backend:local
                """, OPTIONS, rejections::add);
        assertThat(records).filteredOn(r -> r.kind() == Recorded.Kind.EVENT).extracting(Recorded::key)
                .containsOnly("test/taskboard/Pod/taskboard-backend-846c6d8b6d-p77rw");
    }

    /**
     * A blog's source opens with a template tag (Hugo's {@code {{% notice %}}}, Jekyll's {@code {% raw %}}): text
     * around a describe, not a JSON object (andreasm80's blog, an RKE2 node's full disk).
     */
    @Test
    void aTemplateTagAboveTheOutputIsTextNotJson() {
        for (String tag : List.of("{{% notice warning \"Info\" %}}", "{% raw %}", "{{< highlight text >}}", "{# x #}")) {
            assertThat(onlyEventAbout(tag + "\nThe agent never started:\n{{% /notice %}}\n"
                    + "Name:             cattle-cluster-agent-5cc77b7988-dwrtj\nNamespace:        cattle-system\n"
                    + "Events:\n  Type     Reason  Age    From     Message\n  ----     ------  ----   ----     -------\n"
                    + "  Warning  Failed  6m24s  kubelet  Error: ErrImagePull\n"))
                    .as(tag).isEqualTo("cattle-system/cattle-cluster-agent-5cc77b7988-dwrtj");
        }
        assertThat(JsonLogReader.looksLikeJson("{\"kind\": \"Event\"")).isTrue();
        assertThat(JsonLogReader.looksLikeJson("{")).isTrue();
    }

    /**
     * What the issue tracker adds is taken off: the Markdown quote marker of every line (k8s-device-plugin#13), the
     * link its editor wraps around an image name (gpu-operator#560), and kubectl 1.34's field path before a message
     * (headscale-operator#123) goes back where the API keeps it.
     */
    @Test
    void quoteMarkersAutoLinksAndFieldPathPrefixesAreTakenOff() {
        List<Recorded> quoted = Recordings.read("paste.txt", """
                > NAME                                   READY     STATUS             RESTARTS   AGE
                > nvidia-device-plugin-daemonset-csjxw   0/1       CrashLoopBackOff   12         39m
                """, OPTIONS, rejections::add);
        assertThat(quoted).extracting(r -> ((PodSnapshot) r.value()).getName())
                .containsExactly("nvidia-device-plugin-daemonset-csjxw");

        KubeEvent linked = (KubeEvent) Recordings.read("paste.txt", "  Normal  BackOff  2m  kubelet  Back-off pulling image "
                + "\"[nvcr.io/nvidia/cuda@sha256:ed72](http://nvcr.io/nvidia/cuda@sha256:ed72)\"\n", OPTIONS,
                rejections::add).get(0).value();
        assertThat(linked.getMessage()).isEqualTo("Back-off pulling image \"nvcr.io/nvidia/cuda@sha256:ed72\"");

        KubeEvent prefixed = (KubeEvent) Recordings.read("paste.txt", "  Warning  Failed  2s  kubelet  "
                + "spec.containers{apikey-manager}: Error: ErrImagePull\n", OPTIONS, rejections::add).get(0).value();
        assertThat(prefixed.getMessage()).isEqualTo("Error: ErrImagePull");
        assertThat(prefixed.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{apikey-manager}");
        assertThat(rejections).isEmpty();
    }

    /**
     * The same pastes as threads also carry them: in a Markdown code fence (its lines are no output and do not count
     * against the quote markers), quoted in a reply to a reply ({@code > > }), and a Markdown table quoted.
     */
    @Test
    void fencesNestedQuotesAndQuotedTables() {
        String listing = """
                NAME                                   READY     STATUS             RESTARTS   AGE
                nvidia-device-plugin-daemonset-csjxw   0/1       CrashLoopBackOff   12         39m
                """;
        String quotedInFence = "```console\n" + listing.lines().map(l -> "> " + l + "\n").reduce("", String::concat)
                + "```\n";
        String quotedTwice = listing.lines().map(l -> "> > " + l + "\n").reduce("", String::concat);
        for (String paste : List.of(quotedInFence, quotedTwice)) {
            assertThat(Recordings.read("paste.txt", paste, OPTIONS, rejections::add))
                    .extracting(r -> ((PodSnapshot) r.value()).getName())
                    .as(paste).containsExactly("nvidia-device-plugin-daemonset-csjxw");
        }
        KubeEvent attach = (KubeEvent) Recordings.read("paste.txt", """
                >   | Multi-Attach error for volume  "pvc-1209d273" Volume is already used by  pod(s) web-54fb8577cf-xzsl9
                > -- | --
                """, OPTIONS, rejections::add).get(0).value();
        assertThat(attach.getReason()).isEqualTo("FailedAttachVolume");
        assertThat(rejections).isEmpty();
    }

    /**
     * Describe rows whose column gaps a rendered page collapsed to single spaces: the From cell is told by the shapes
     * components have, the kubelet with its node before 1.14 and a vendor's scheduler with its domain among them.
     */
    @Test
    void describeRowsCollapsedToSingleSpaces() {
        KubeEvent sandbox = (KubeEvent) Recordings.read("paste.txt", "Warning FailedCreatePodSandBox 31m kubelet, "
                + "ip-10-0-2-124.ec2.internal Failed create pod sandbox: rpc error: code = Unknown desc = failed to set up "
                + "sandbox container \"94f4\" network for pod \"web-ff8f488fd-swnrf\": NetworkPlugin cni failed to set up "
                + "pod \"web-ff8f488fd-swnrf_default\" network: add cmd: failed to assign an IP address to container\n",
                OPTIONS, rejections::add).get(0).value();
        assertThat(sandbox.getReportingComponent()).isEqualTo("kubelet");
        assertThat(sandbox.getReportingInstance()).isEqualTo("ip-10-0-2-124.ec2.internal");
        assertThat(sandbox.getMessage()).startsWith("Failed create pod sandbox:");

        KubeEvent verdict = (KubeEvent) Recordings.read("paste.txt", "Warning FailedScheduling 21s "
                + "gke.io/optimize-utilization-scheduler 0/2 nodes are available: 2 Insufficient nvidia.com/gpu.\n",
                OPTIONS, rejections::add).get(0).value();
        assertThat(verdict.getReportingComponent()).isEqualTo("gke.io/optimize-utilization-scheduler");
        assertThat(verdict.getMessage()).isEqualTo("0/2 nodes are available: 2 Insufficient nvidia.com/gpu.");
        assertThat(rejections).isEmpty();
    }

    /**
     * An event printed as its fields, one per line: {@code kubectl describe event} and a desktop client's event details
     * (Lens: the field's name and its value one space apart, a blank line between events).
     */
    @Test
    void eventsPrintedAsTheirFields() {
        List<Recorded> described = Recordings.read("paste.txt", """
                Name:             triton-0.17c4b1f6f1b2a3c4
                Namespace:        inference
                Labels:           <none>
                Annotations:      <none>
                API Version:      v1
                Count:            12
                Event Time:       <nil>
                First Timestamp:  2024-12-31T23:00:00Z
                Involved Object:
                  API Version:       v1
                  Field Path:        spec.containers{triton}
                  Kind:              Pod
                  Name:              triton-0
                  Namespace:         inference
                  Resource Version:  1234
                Kind:                Event
                Last Timestamp:      2024-12-31T23:50:00Z
                Message:             Back-off restarting failed container triton in pod triton-0_inference(0f3c)
                Metadata:
                  Creation Timestamp:  2024-12-31T23:00:00Z
                  Resource Version:    99
                Reason:                BackOff
                Reporting Component:   kubelet
                Reporting Instance:    gpu-node-1
                Source:
                  Component:  kubelet
                  Host:       gpu-node-1
                Type:         Warning
                Events:       <none>
                """, OPTIONS, rejections::add);
        assertThat(described).hasSize(1);
        KubeEvent backOff = (KubeEvent) described.get(0).value();
        assertThat(backOff.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(backOff.getInvolvedObject().getName()).isEqualTo("triton-0");
        assertThat(backOff.getNamespace()).isEqualTo("inference");
        assertThat(backOff.getReason()).isEqualTo("BackOff");
        assertThat(backOff.getCount()).isEqualTo(12);
        assertThat(backOff.getReportingInstance()).isEqualTo("gpu-node-1");
        assertThat(backOff.getFirstTimestamp()).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(backOff.getLastTimestamp()).isEqualTo(Instant.parse("2024-12-31T23:50:00Z"));

        List<Recorded> lens = Recordings.read("paste.txt", """
                Event: prometheus-0.15ca241e30b1e6e7
                Message 0/8 nodes are available: 8 node(s) didn't match node selector.
                Created 1h 5m ago (2019-10-03T12:52:12Z)
                Namespace lens-metrics
                Reason FailedScheduling
                Source default-scheduler
                First seen 1h ago 2019-10-03T12:52:12Z
                Last seen <1m ago 2019-10-03T13:57:15Z
                Count 2931
                Type Warning
                Involved object Pod prometheus-0

                Event: kube-state-metrics-54558ff88b-rfv2z.15ca241dac39ce92
                Message 0/8 nodes are available: 8 node(s) didn't match node selector.
                Namespace lens-metrics
                Reason FailedScheduling
                Source default-scheduler
                Count 2931
                Type Warning
                """, OPTIONS, rejections::add);
        assertThat(lens).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getName())
                .containsExactlyInAnyOrder("prometheus-0", "kube-state-metrics-54558ff88b-rfv2z");
        KubeEvent verdict = lens.stream().map(r -> (KubeEvent) r.value())
                .filter(e -> e.getInvolvedObject().getName().equals("prometheus-0")).findFirst().orElseThrow();
        assertThat(verdict.getNamespace()).isEqualTo("lens-metrics");
        assertThat(verdict.getCount()).isEqualTo(2931);
        assertThat(verdict.getReportingComponent()).isEqualTo("default-scheduler");
        assertThat(verdict.getLastTimestamp()).isEqualTo(Instant.parse("2019-10-03T13:57:15Z"));
        assertThat(rejections).isEmpty();
    }

    /**
     * A describe cut to a container's states, its Image line a space short of the fields below it (a line indented
     * deeper under a field kubectl never nests under is its sibling), under `describe pod -n ns -l sel`: a pod of ns.
     */
    @Test
    void aContainerBlockWhoseLinesLostASpaceUnderADescribeBySelector() {
        List<Recorded> records = Recordings.read("paste.txt", """
                $ kubectl describe pod -n redpanda-system -l control-plane=controller-manager
                ...
                   Image:         docker.io/redpandadata/redpanda-operator:v23.2.1-rc3
                ...
                    State:          Running
                      Started:      Tue, 01 Aug 2023 07:15:55 +0000
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Mon, 31 Jul 2023 18:43:58 +0000
                      Finished:     Tue, 01 Aug 2023 07:15:55 +0000
                """, OPTIONS, rejections::add);
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getNamespace()).isEqualTo("redpanda-system");
        assertThat(pod.getContainers().get(0).getLastState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getLastState().getExitCode()).isEqualTo(137);
        assertThat(rejections).isEmpty();
    }

    /** A container state from `get pod -o yaml` pasted with every indentation lost: its fields put back under it. */
    @Test
    void aContainerStateYamlWhoseIndentationWasLost() {
        PodSnapshot pod = (PodSnapshot) Recordings.read("paste.txt", """
                ...
                terminated:
                containerID: cri-o://33fa5091a84d47658d50ea3712deea5910a3e0a990d072e9ffdb4966fc0dd087
                exitCode: 137
                finishedAt: "2021-06-07T22:09:47Z"
                reason: OOMKilled
                startedAt: "2021-06-07T17:22:05Z"
                ...
                """, OPTIONS, rejections::add).get(0).value();
        assertThat(pod.getContainers().get(0).getState().getReason()).isEqualTo("OOMKilled");
        assertThat(pod.getContainers().get(0).getState().getExitCode()).isEqualTo(137);
        assertThat(rejections).isEmpty();
    }

    /** A node's condition from `get node -o yaml`, its lines misaligned under the item's dash: the node's, unnamed. */
    @Test
    void aNodeConditionYamlItemWithMisalignedLines() {
        List<Recorded> records = Recordings.read("paste.txt", """
                 - lastHeartbeatTime: 2019-04-19T06:38:17Z
                    lastTransitionTime: 2019-04-19T06:37:36Z
                    message: kubelet has disk pressure
                    reason: KubeletHasDiskPressure
                    status: "True"
                    type: DiskPressure
                """, OPTIONS, rejections::add);
        NodeSnapshot node = (NodeSnapshot) records.stream().filter(r -> r.value() instanceof NodeSnapshot).findFirst()
                .orElseThrow().value();
        assertThat(node.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .containsExactly("DiskPressure=True");
        assertThat(records).extracting(r -> r.value() instanceof KubeEvent e ? e.getReason() : "node")
                .contains("NodeHasDiskPressure");
        assertThat(rejections).isEmpty();
    }

    /** kubectl 1.1's and OpenShift 3.1's get events, before events had a type: the source in braces tells the layout. */
    @Test
    void getEventsRowsOfKubectlOneOneWithoutType() {
        List<Recorded> records = Recordings.read("paste.txt", """
                $ oc get events
                ...
                4h          20m        380       router-1-deploy            Pod                                                         FailedScheduling   {scheduler }                Failed for reason MatchNodeSelector and possibly others
                """, OPTIONS, rejections::add);
        KubeEvent e = (KubeEvent) records.get(0).value();
        assertThat(e.getInvolvedObject().getName()).isEqualTo("router-1-deploy");
        assertThat(e.getReason()).isEqualTo("FailedScheduling");
        assertThat(e.getType()).isEqualTo("Warning");
        assertThat(e.getCount()).isEqualTo(380);
        assertThat(e.getReportingComponent()).isEqualTo("scheduler");
        assertThat(e.getMessage()).isEqualTo("Failed for reason MatchNodeSelector and possibly others");
        assertThat(rejections).isEmpty();
    }

    /** `describe pod x | grep Reason` printing OOMKilled alone, under the pod's listed row: that container's last state. */
    @Test
    void aLoneTerminationReasonGreppedFromADescribe() {
        List<Recorded> records = Recordings.read("paste.txt", """
                kubectl get pods -n monitoring | grep compact
                thanos-compact-0                                         1/1     Running   22 (9m39s ago)   5d
                kubectl describe pod -n monitoring thanos-compact-0 | grep Reason
                      Reason:    OOMKilled
                """, OPTIONS, rejections::add);
        PodSnapshot pod = records.stream().map(Recorded::value).filter(v -> v instanceof PodSnapshot)
                .map(v -> (PodSnapshot) v).filter(p -> p.getContainers().stream().anyMatch(c -> c.getLastState() != null
                        && "OOMKilled".equals(c.getLastState().getReason())))
                .findFirst().orElseThrow();
        assertThat(pod.getName()).isEqualTo("thanos-compact-0");
        assertThat(pod.getNamespace()).isEqualTo("monitoring");
        assertThat(rejections).isEmpty();
    }

    /** The ServiceAccount admission names the refused pod's namespace: the account is looked up in it. */
    @Test
    void aServiceAccountRefusalNamesTheControllersNamespace() {
        KubeEvent refusal = (KubeEvent) Recordings.read("paste.txt", "Warning  FailedCreate  2m45s (x17 over 8m13s)  "
                + "replicaset-controller  Error creating: pods \"kube-stresscheck-7f75dbbcb7-\" is forbidden: error looking "
                + "up service account kube-system/kube-stresscheck: serviceaccount \"kube-stresscheck\" not found.\n",
                OPTIONS, rejections::add).get(0).value();
        assertThat(refusal.getNamespace()).isEqualTo("kube-system");
        assertThat(refusal.getInvolvedObject().getName()).isEqualTo("kube-stresscheck-7f75dbbcb7");
        assertThat(rejections).isEmpty();
    }

    /**
     * The Events table cut from {@code kubectl describe rs|deploy|sts|ds|job NAME} above it: the described controller's,
     * even when its FailedCreate message names no pod (kubectl 1.8 dropped a webhook's reason after "Error creating:").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$ kubectl describe rs api-5d8f7c9b4 -n shop|ReplicaSet|shop|api-5d8f7c9b4",
        "kubectl -n shop describe statefulsets.apps/db|StatefulSet|shop|db",
        "# oc describe job nightly-report --namespace=batch|Job|batch|nightly-report",
        "k describe ds node-agent|DaemonSet|default|node-agent"})
    void anEventsTableBelowADescribedControllerIsItsOwn(String command, String kind, String namespace, String name) {
        List<Recorded> rows = Recordings.read("paste.txt", command + """

                ......
                Events:
                  Type     Reason        Age                From                   Message
                  ----     ------        ----               ----                   -------
                  Warning  FailedCreate  7s (x13 over 28s)  replicaset-controller  Error creating:\s
                """, OPTIONS, rejections::add);
        assertThat(rows).hasSize(1);
        KubeEvent refusal = (KubeEvent) rows.get(0).value();
        assertThat(refusal.getReason()).isEqualTo("FailedCreate");
        assertThat(refusal.getInvolvedObject().getKind()).isEqualTo(kind);
        assertThat(refusal.getInvolvedObject().getNamespace()).isEqualTo(namespace);
        assertThat(refusal.getInvolvedObject().getName()).isEqualTo(name);
        assertThat(rejections).isEmpty();
    }

    /**
     * kubectl describe takes its name as a prefix: {@code describe rs web} describes ReplicaSet {@code web-7f4d464f8c},
     * which the pod it was refused names (authentik#5155: the Deployment's name typed, its ReplicaSet's events shown).
     */
    @Test
    void aDescribedControllerNamedByItsPrefixIsTheRefusedPodsController() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                kubectl describe -n authentik replicasets.apps ak-outpost-default-ldap-outpost
                 ...
                  Warning  FailedCreate  6m51s                replicaset-controller  Error creating: pods "ak-outpost-default-ldap-outpost-7f4d464f8c-7g76k" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "ldap" must set securityContext.runAsNonRoot=true)
                """, OPTIONS, rejections::add);
        assertThat(rows).hasSize(1);
        KubeEvent refusal = (KubeEvent) rows.get(0).value();
        assertThat(refusal.getInvolvedObject().getKind()).isEqualTo("ReplicaSet");
        assertThat(refusal.getInvolvedObject().getNamespace()).isEqualTo("authentik");
        assertThat(refusal.getInvolvedObject().getName()).isEqualTo("ak-outpost-default-ldap-outpost-7f4d464f8c");
        assertThat(rejections).isEmpty();
    }

    /**
     * A scheduling row naming no pod, and the reporter's one {@code get} of a pod controller below it (looking at its
     * node selector): the rows are about that controller's pod. Two controllers looked into name none; a get of pods
     * or of a claim names no controller.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$ kubectl -n elastic-system get sts elastic-operator -o jsonpath='{.spec.template.spec.nodeSelector}'|StatefulSet|elastic-system|elastic-operator",
        "kubectl get deployment triton -n ml -o yaml|Deployment|ml|triton",
        "kubectl get deploy triton -n ml -o yaml\\nkubectl get deploy vllm -n ml -o yaml|Pod|ml|" + Unnamed.POD,
        "kubectl get pvc storage-tempo-0 -n ml|Pod|ml|" + Unnamed.POD})
    void aPendingRowBesideTheOneControllerLookedIntoIsItsPods(String commands, String kind, String namespace,
                                                             String name) {
        List<Recorded> rows = Recordings.read("paste.txt", """
                Warning  FailedScheduling   62m
                  0/5 nodes are available: 1 node(s) had untolerated taint(s),
                  1 node(s) were unschedulable,
                  3 node(s) didn't match Pod's node affinity/selector.

                """ + commands.replace("\\n", "\n") + "\n{\"monitoring\":\"true\"}\n", OPTIONS, rejections::add);
        assertThat(rows).hasSize(1);
        KubeEvent pending = (KubeEvent) rows.get(0).value();
        assertThat(pending.getReason()).isEqualTo("FailedScheduling");
        assertThat(pending.getInvolvedObject().getKind()).isEqualTo(kind);
        assertThat(pending.getInvolvedObject().getNamespace()).isEqualTo(namespace);
        assertThat(pending.getInvolvedObject().getName()).isEqualTo(name);
    }

    /** A condensed row whose Age column the reporter moved under its wrapped message: the count is the row's. */
    @Test
    void aRepeatCountOnItsOwnLineBelowAnAgelessRowIsItsCount() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                Warning  Unhealthy  Startup probe failed: Get "http://10.42.0.245:80/":
                                    dial tcp 10.42.0.245:80: connect: connection refused
                                    (x3006 over 5h18m)
                """, OPTIONS, rejections::add);
        assertThat(rows).hasSize(1);
        KubeEvent unhealthy = (KubeEvent) rows.get(0).value();
        assertThat(unhealthy.getMessage()).isEqualTo("Startup probe failed: Get \"http://10.42.0.245:80/\": dial tcp "
                + "10.42.0.245:80: connect: connection refused");
        assertThat(unhealthy.getCount()).isEqualTo(3006);
        assertThat(java.time.Duration.between(unhealthy.getFirstTimestamp(), unhealthy.getLastTimestamp()))
                .isEqualTo(java.time.Duration.ofMinutes(318));
    }

    /** The namespace flag before the verb ({@code k -n default describe pod x}) is the described pod's. */
    @Test
    void aNamespaceFlagBeforeTheVerbIsTheDescribedPods() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                root@gpu-1:~# k -n default describe pod gpu-textgen
                .....
                Events:
                  Type     Reason                  Age                    From     Message
                  ----     ------                  ----                   ----     -------
                  Warning  FailedCreatePodSandBox  4m24s (x279 over 64m)  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox runtime: no runtime for "nvidia" is configured

                kubectl get pods -n gpu-operator -o wide
                """, OPTIONS, rejections::add);
        KubeEvent sandbox = rows.stream().map(Recorded::value).filter(KubeEvent.class::isInstance)
                .map(KubeEvent.class::cast).findFirst().orElseThrow();
        assertThat(sandbox.getInvolvedObject().getName()).isEqualTo("gpu-textgen");
        assertThat(sandbox.getInvolvedObject().getNamespace()).isEqualTo("default");
    }

    /**
     * {@code kubectl rollout status} ending on the progress deadline: the Deployment's {@code ProgressDeadlineExceeded},
     * in the command's namespace, after the paste's pods (kubectl prints it at the end of its wait).
     */
    @Test
    void aRolloutPastItsProgressDeadlineIsTheDeploymentsEventAfterThePods() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                NAME                               READY   STATUS
                booking-api-86c676689d-mbgk6       0/1     Running

                kubectl rollout status deployment/booking-api -n booking-dev
                error: deployment "booking-api" exceeded its progress deadline
                """, OPTIONS, rejections::add);
        assertThat(rows).extracting(r -> r.kind().name()).containsExactly("POD", "EVENT");
        KubeEvent deadline = (KubeEvent) rows.get(1).value();
        assertThat(deadline.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(deadline.getInvolvedObject().getKind()).isEqualTo("Deployment");
        assertThat(deadline.getInvolvedObject().getName()).isEqualTo("booking-api");
        assertThat(deadline.getInvolvedObject().getNamespace()).isEqualTo("booking-dev");
        assertThat(rejections).isEmpty();
    }

    /** A custom-columns {@code get events} row (lastTimestamp first, firstTimestamp last) quoted without its header. */
    @Test
    void aDatedGetEventsRowWithoutHeader() {
        List<Recorded> rows = Recordings.read("paste.txt", "2025-02-03T10:15:49Z  Warning FailedScheduling  "
                + "pod/cache-1 0/6 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: "
                + "0/6 nodes are available: 6 Preemption is not helpful for scheduling.  2025-02-03T09:57:47Z\n",
                OPTIONS, rejections::add);
        assertThat(rows).hasSize(1);
        KubeEvent pending = (KubeEvent) rows.get(0).value();
        assertThat(pending.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(pending.getInvolvedObject().getName()).isEqualTo("cache-1");
        assertThat(pending.getMessage()).endsWith("6 Preemption is not helpful for scheduling.");
        assertThat(pending.getFirstTimestamp()).isEqualTo(Instant.parse("2025-02-03T09:57:47Z"));
        assertThat(pending.getLastTimestamp()).isEqualTo(Instant.parse("2025-02-03T10:15:49Z"));
        assertThat(rejections).isEmpty();
    }

    /**
     * devopstoolkit-live (scale to zero): {@code get events -o custom-columns=TIME:...,REASON:...,MSG:...} cut by
     * {@code tail}, so no header: each row is an event at its time, typed by its reason, the pod named by the message.
     */
    @Test
    void aTimeReasonMessageRowWithoutHeader() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                2026-09-04T20:14:01Z   FailedScheduling             0/3 nodes are available: 3 Insufficient nvidia.com/gpu.
                2026-09-04T20:15:15Z   Scheduled                    Successfully assigned inference/vllm-86d74d98f8-8d8mj to gke-gpu-1
                2026-09-04T20:19:27Z   Started                      Container started
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(rows).extracting(r -> ((KubeEvent) r.value()).getReason())
                .containsExactly("FailedScheduling", "Scheduled", "Started");
        KubeEvent verdict = (KubeEvent) rows.get(0).value();
        assertThat(verdict.getType()).isEqualTo("Warning");
        assertThat(verdict.getLastTimestamp()).isEqualTo(Instant.parse("2026-09-04T20:14:01Z"));
        KubeEvent scheduled = (KubeEvent) rows.get(1).value();
        assertThat(scheduled.getType()).isEqualTo("Normal");
        assertThat(scheduled.getMessage()).isEqualTo("Successfully assigned inference/vllm-86d74d98f8-8d8mj to gke-gpu-1");
        // a log line's level is no reason
        assertThat(Recordings.read("log.txt", "2026-09-04T20:14:01Z  INFO  starting\n", OPTIONS, rejections::add)).isEmpty();
    }

    /** Multus names the pod of a sandbox it cannot network in its own brackets, namespace first. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "failed (add): [longhorn-system/instance-manager-r-f67e/ce44c8e8-8e9a-4215-9704-60a61a074d03:storage]: error adding container to network \"storage\": failed to find plugin \"macvlan\" in path [/opt/cni/bin]|longhorn-system|instance-manager-r-f67e",
        "failed (add): Multus: [default/samplepod/5fa13105-1bfb-4c6b-aee7-3437cfb50e25]: error loading k8s delegates k8s args|default|samplepod",
        "ERRORED: error configuring pod [cudn-ns/virt-launcher-vm-1] networking: Multus: [cudn-ns/virt-launcher-vm-1]: error loading k8s delegates|cudn-ns|virt-launcher-vm-1"})
    void multusNamesThePodInItsBrackets(String tail, String namespace, String pod) {
        assertSandboxOf("  Warning  FailedCreatePodSandBox  3m47s  kubelet  Failed to create pod sandbox: rpc error: code "
                + "= Unknown desc = failed to setup network for sandbox \"05c4\": plugin type=\"multus\" "
                + "name=\"multus-cni-network\" " + tail, namespace, pod);
    }

    /** The one row of {@code row} is a sandbox failure of pod {@code namespace/pod}, read without a rejection. */
    private void assertSandboxOf(String row, String namespace, String pod) {
        KubeEvent sandbox = (KubeEvent) Recordings.read("paste.txt", row + "\n", OPTIONS, rejections::add).get(0).value();
        assertThat(sandbox.getReason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.getInvolvedObject().getNamespace()).isEqualTo(namespace);
        assertThat(sandbox.getInvolvedObject().getName()).isEqualTo(pod);
        assertThat(rejections).isEmpty();
    }

    /**
     * CRI-O names the sandbox it cannot network {@code k8s_<pod>_<namespace>_<uid>_<attempt>}, the CNI library it calls
     * names the pod namespace first: either is the pod of a row pasted alone (here behind a tool's log prefix).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "failed to create pod network sandbox k8s_traefik-6479f6fff4-qhctl_traefik_522bf2e3-f7d2-40a7-892e-2131c5016f36_0(c0935cf26e4f): error adding pod traefik_traefik-6479f6fff4-qhctl to CNI network \"cbr0\": plugin type=\"flannel\" failed (add): failed to delegate add|traefik|traefik-6479f6fff4-qhctl",
        "failed to create pod network sandbox k8s_web-0_shop_5853eb00-e9a4-410c-82dd-06564832d7d9_1(9f0a2b): netplugin failed with no error message|shop|web-0",
        "error removing pod monitoring_node-exporter-x2k4p from CNI network \"k8s-pod-network\": connection is unauthorized|monitoring|node-exporter-x2k4p"})
    void theRuntimesSandboxNameOrTheCniLibrarysNamesThePod(String tail, String namespace, String pod) {
        assertSandboxOf("[12-05-2024 21:39:39.577 INF]   Warning  FailedCreatePodSandBox  5s (x2 over 16s)  kubelet     "
                + "       (combined from similar events): Failed to create pod sandbox: rpc error: code = Unknown desc = "
                + tail, namespace, pod);
    }

    /** Describe rows whose Age and From cells the reporter replaced with an ellipsis: read at the paste's moment. */
    @Test
    void describeRowsWithElidedCells() {
        List<Recorded> rows = Recordings.read("paste.txt", """
                Events:
                  Warning  Unhealthy  ...  Liveness probe failed: HTTP probe failed with statuscode: 404
                  Normal   Killing    …  kubelet  Container webhook failed liveness probe, will be restarted
                  Warning  BackOff    [...]  [...]  Back-off restarting failed container
                """, OPTIONS, rejections::add);
        assertThat(rows).extracting(r -> ((KubeEvent) r.value()).getReason())
                .containsExactly("Unhealthy", "Killing", "BackOff");
        KubeEvent probe = (KubeEvent) rows.get(0).value();
        assertThat(probe.getMessage()).isEqualTo("Liveness probe failed: HTTP probe failed with statuscode: 404");
        assertThat(rows.get(0).time()).isEqualTo(NOW);
        KubeEvent killing = (KubeEvent) rows.get(1).value();
        assertThat(killing.getReportingComponent()).isEqualTo("kubelet");
        assertThat(killing.getMessage()).isEqualTo("Container webhook failed liveness probe, will be restarted");
        assertThat(((KubeEvent) rows.get(2).value()).getMessage()).isEqualTo("Back-off restarting failed container");
        assertThat(rejections).isEmpty();
    }

    /**
     * A {@code describe pod} pasted outside a code block (kubernetes#93826): every indentation gone, put back from the
     * field names, so the container's last state and restarts are the container's, not the pod's.
     */
    @Test
    void aDescribeThatLostItsIndentation() {
        List<Recorded> flat = Recordings.read("paste.txt", """
                Name: web-5bbd7fd785-p4s9r
                Namespace: shop
                Node: node-3/192.168.43.166
                Labels: app=web
                pod-template-hash=5bbd7fd785
                Status: Running
                Controlled By: ReplicaSet/web-5bbd7fd785
                Containers:
                web:
                Image: wordpress:4.8-apache
                State: Waiting
                Reason: CrashLoopBackOff
                Last State: Terminated
                Reason: Error
                Exit Code: 1
                Started: Sun, 09 Aug 2020 12:12:19 +0530
                Finished: Sun, 09 Aug 2020 12:16:06 +0530
                Ready: False
                Restart Count: 19
                Volumes:
                kube-api-access-x2k4p:
                Type: Projected (a volume that contains injected data from multiple sources)
                ConfigMapName: kube-root-ca.crt
                QoS Class: BestEffort
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(flat).hasSize(1);
        PodSnapshot pod = (PodSnapshot) flat.get(0).value();
        assertThat(pod.getNamespace() + "/" + pod.getName()).isEqualTo("shop/web-5bbd7fd785-p4s9r");
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("web");
            assertThat(c.getRestartCount()).isEqualTo(19);
            assertThat(c.getState().getReason()).isEqualTo("CrashLoopBackOff");
            assertThat(c.getLastState().getReason()).isEqualTo("Error");
            assertThat(c.getLastState().getExitCode()).isEqualTo(1);
        });
    }

    /**
     * A describe whose export flattened the pod's and the containers' fields but kept the deeper entries indented (a
     * state's reason, a limit), with a script in the container's arguments: still put back, the script's
     * {@code while True:} not taken for a container.
     */
    @Test
    void aDescribeFlattenedAboveItsIndentedEntries() {
        List<Recorded> flat = Recordings.read("paste.txt", """
                Name:             memhog
                Namespace:        week1
                Status:           Running
                Containers:
                memhog:
                Image:         python:3.12-slim
                Args:
                a=[]
                while True:
                a.append("x"*1024*1024)
                State:          Waiting
                  Reason:       CrashLoopBackOff
                Last State:     Terminated
                  Reason:       OOMKilled
                  Exit Code:    137
                Ready:          False
                Restart Count:  5
                Limits:
                  cpu:     200m
                  memory:  128Mi
                Conditions:
                Type                        Status
                Ready                       False
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) flat.get(0).value();
        assertThat(pod.getContainers()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("memhog");
            assertThat(c.getRestartCount()).isEqualTo(5);
            assertThat(c.getLastState().getReason()).isEqualTo("OOMKilled");
            assertThat(c.getLimits()).containsEntry("memory", "128Mi");
        });
    }

    /** A {@code describe node} that lost its indentation: its capacity and allocatable are still the node's. */
    @Test
    void aNodeDescribeThatLostItsIndentation() {
        List<Recorded> flat = Recordings.read("paste.txt", """
                Name: gpu-node-7
                Roles: <none>
                Taints: <none>
                Unschedulable: false
                Capacity:
                cpu: 96
                memory: 2113401500Ki
                nvidia.com/gpu: 8
                pods: 110
                Allocatable:
                cpu: 95690m
                memory: 2087199900Ki
                nvidia.com/gpu: 7
                pods: 110
                System Info:
                Kernel Version: 5.15.0-1053-nvidia
                Kubelet Version: v1.29.4
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        NodeSnapshot node = (NodeSnapshot) flat.stream().map(Recorded::value).filter(v -> v instanceof NodeSnapshot)
                .findFirst().orElseThrow();
        assertThat(node.getName()).isEqualTo("gpu-node-7");
        assertThat(node.getCapacity()).containsEntry("nvidia.com/gpu", "8");
        assertThat(node.getAllocatable()).containsEntry("nvidia.com/gpu", "7");
    }

    /**
     * A message quoted alone that a terminal's copy broke at the screen's width goes on on the next line (joined
     * without a space: the break is inside a word); a second message on the next line stays a message of its own.
     */
    @Test
    void aQuotedMessageATerminalWrapped() {
        String message = "Failed to pull image \"quay.io/acme/operator:v0.4.1\": rpc error: code = NotFound desc = "
                + "failed to pull and unpack image \"quay.io/acme/operator:v0.4.1\": failed to resolve reference: "
                + "quay.io/acme/operator:v0.4.1: not found";
        List<Recorded> wrapped = Recordings.read("paste.txt", message.substring(0, 118) + "\n"
                + message.substring(118) + "\n", OPTIONS, rejections::add);
        assertThat(wrapped).extracting(r -> ((KubeEvent) r.value()).getMessage()).containsExactly(message);

        String other = "Failed to pull image \"quay.io/acme/sidecar:v2\": rpc error: code = Unknown desc = failed to "
                + "pull and unpack image \"quay.io/acme/sidecar:v2\": unexpected status code 429 Too Many Requests";
        List<Recorded> two = Recordings.read("paste.txt", message.substring(0, 118) + "\n" + other + "\n",
                OPTIONS, rejections::add);
        assertThat(two).extracting(r -> ((KubeEvent) r.value()).getMessage())
                .containsExactly(message.substring(0, 118), other);
        assertThat(rejections).isEmpty();
    }

    /**
     * A status fragment whose message kubectl's YAML printer folded over several lines, pasted so that it no longer
     * parses as YAML: the message is read whole, as YAML would join it, not as its first line.
     */
    @Test
    void aFoldedYamlMessageIsReadWhole() {
        List<Recorded> folded = Recordings.read("paste.txt", """
                        message: 'Back-off pulling image "quay.io/acme/operator@sha256:826cb403":
                          ErrImagePull: reading manifest sha256:826cb403
                          in quay.io/acme/operator: manifest unknown'
                        reason: ImagePullBackOff
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(folded).extracting(r -> ((KubeEvent) r.value()).getMessage())
                .contains("Back-off pulling image \"quay.io/acme/operator@sha256:826cb403\": ErrImagePull: reading "
                        + "manifest sha256:826cb403 in quay.io/acme/operator: manifest unknown");
    }

    /**
     * A get-events row cut before its LAST SEEN cell (linkerd2#6185) and a message pasted as a Markdown table row
     * (nextcloud/helm#2, a Multi-Attach error: the attach/detach controller's, not the kubelet's).
     */
    @Test
    void aRowWithoutItsAgeAndAMessageInAMarkdownTable() {
        KubeEvent gc = (KubeEvent) Recordings.read("paste.txt", "Warning   FreeDiskSpaceFailed       "
                + "node/k3d-target-server-0 failed to garbage collect required amount of images. Wanted to free 5491729203 "
                + "bytes, but freed 0 bytes\n", OPTIONS, rejections::add).get(0).value();
        assertThat(gc.getType()).isEqualTo("Warning");
        assertThat(gc.getReason()).isEqualTo("FreeDiskSpaceFailed");
        assertThat(gc.getInvolvedObject().getKind()).isEqualTo("Node");

        KubeEvent attach = (KubeEvent) Recordings.read("paste.txt", """
                  | Multi-Attach error for volume  "pvc-1209d273" Volume is already used by  pod(s) nextcloud-cron-54fb8577cf-xzsl9
                -- | --
                """, OPTIONS, rejections::add).get(0).value();
        assertThat(attach.getReason()).isEqualTo("FailedAttachVolume");
        assertThat(attach.getReportingComponent()).isEqualTo("attachdetach-controller");
        assertThat(attach.getInvolvedObject().getName()).as("the pod named in the message holds the volume")
                .isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(rejections).isEmpty();
    }

    /**
     * An error pasted beside a pod listing is about the one listed pod that is failing (gpu-operator#560), or, when
     * the failing ones are replicas of one workload, the first of them (openshift/release#76967, whose eviction
     * message is the kubelet's Evicted event's).
     */
    @Test
    void anErrorBesideAListingIsTheFailingPods() {
        assertThat(onlyEventAbout("""
                gpu-operator-resources   nvidia-container-toolkit-daemonset-xwp6p   0/1     Init:ImagePullBackOff   0              73m
                gpu-operator-resources   nvidia-driver-daemonset-jk2t8              1/1     Running                 12 (12m ago)   73m

                  Back-off pulling image "nvcr.io/nvidia/cuda@sha256:ed72"
                """)).isEqualTo("gpu-operator-resources/nvidia-container-toolkit-daemonset-xwp6p");
        assertThat(onlyEventAbout("""
                $ oc -n ci get pods -l app=dptp-controller-manager
                NAME                                       READY   STATUS                   RESTARTS        AGE
                dptp-controller-manager-77ffc657cf-4z7wb   0/2     ContainerStatusUnknown   2 (7h40m ago)   11h
                dptp-controller-manager-77ffc657cf-78tmc   0/2     ContainerStatusUnknown   2               5h33m
                dptp-controller-manager-77ffc657cf-bg8d8   2/2     Running                  0               24m

                $ oc -n ci get pods -l app=dptp-controller-manager -oyaml | yq '.items[0].status.message'
                The node was low on resource: memory. Threshold quantity: 100Mi, available: 87608Ki.
                """)).isEqualTo("ci/dptp-controller-manager-77ffc657cf-4z7wb");
    }

    private String onlyEventAbout(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        List<KubeEvent> events = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> (KubeEvent) r.value()).toList();
        assertThat(events).hasSize(1);
        return events.get(0).getInvolvedObject().getNamespace() + "/" + events.get(0).getInvolvedObject().getName();
    }

    /** kubernetes#43924: a kubectl 1.5 row pasted as Type, Reason and Message only, tab-separated. */
    @Test
    void tabSeparatedRowWithoutAgeIsAnEventAtThePastesMoment() {
        String text = "  Warning\t\tFailed\t\tFailed to pull image \"10.78.0.228:5000/monitorms\": x509: certificate "
                + "signed by unknown authority\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent failed = (KubeEvent) records.get(0).value();
        assertThat(failed.getReason()).isEqualTo("Failed");
        assertThat(failed.getLastTimestamp()).isEqualTo(NOW);
    }

    /** k8s-device-plugin#328: a get-events row pasted without LAST SEEN and TYPE. */
    @Test
    void getEventsRowWithOnlyReasonObjectAndMessage() {
        String text = "FailedScheduling    pod/model-2-79d7d6786c-bprm8    0/1 nodes are available: 1 Insufficient "
                + "nvidia.com/gpu.\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/default/Pod/model-2-79d7d6786c-bprm8");
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getMessage()).startsWith("0/1 nodes are available");
    }

    /** kubernetes#94216: an Init Containers section pasted without the pod's header. */
    @Test
    void initContainersSectionWithoutItsPodIsAnUnnamedPod() {
        String text = """
                Init Containers:
                  init:
                    Image:          rtf-app-init:v1.0.22
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    1
                    Restart Count:  16
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        assertThat(pod.getName()).isEqualTo(DescribePod.UNNAMED_POD);
        assertThat(pod.getInitContainers()).extracting(c -> c.getName() + " " + c.getState().getReason() + " "
                + c.getLastState().getExitCode()).containsExactly("init CrashLoopBackOff 1");
    }

    /** kubernetes/website#1220: kubectl 1.2 separated describe values with tabs and printed FirstSeen tables. */
    @Test
    void tabSeparatedDescribeFieldsOfAnOldJob() {
        String text = "Name:\t\tpi\nNamespace:\tdefault\nParallelism:\t1\nCompletions:\t1\n"
                + "Start Time:     Tue, 14 Mar 2025 09:56:16 +0000\nEvents:\n"
                + "  FirstSeen\tLastSeen\tCount\tFrom\t\t\tSubobjectPath\tType\t\tReason\t\t\tMessage\n"
                + "  ---------\t--------\t-----\t----\t\t\t-------------\t--------\t------\t\t\t-------\n"
                + "  1m\t\t1m\t\t1\t{job-controller }\t\t\tNormal\t\tSuccessfulCreate\tCreated pod: pi-dtn4q\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).contains("test/default/Job/pi");
        KubeEvent created = (KubeEvent) records.stream().filter(r -> r.value() instanceof KubeEvent).findFirst()
                .orElseThrow().value();
        assertThat(created.getReason()).isEqualTo("SuccessfulCreate");
        assertThat(created.getReportingComponent()).isEqualTo("job-controller");
    }

    /** vllm-project/aibrix#909: a row pasted without its Type column is still a row. */
    @Test
    void rowWithoutItsTypeColumnIsRead() {
        String text = """
                FailedScheduling   2m21s (x42 over 60m)  default-scheduler  1 node(s) had untolerated taint {nvidia.com/gpu: present}
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReportingComponent()).isEqualTo("default-scheduler");
        assertThat(event.getCount()).isEqualTo(42);
        assertThat(event.getMessage()).isEqualTo("1 node(s) had untolerated taint {nvidia.com/gpu: present}");
    }

    /** People trim a describe to its Name and Events ("[...]" between them): the events say it is a pod. */
    @Test
    void trimmedDescribeIsAPodWhenItsEventsAreAPods() {
        String text = """
                Name:         artifactory-0
                Namespace:    artifactory
                [...]
                Events:
                  Type     Reason       Age   From               Message
                  ----     ------       ----  ----               -------
                  Normal   Scheduled    17m   default-scheduler  Successfully assigned artifactory/artifactory-0 to node2
                  Warning  FailedMount  17m   kubelet            MountVolume.SetUp failed for volume "x" : timed out waiting for the condition
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsOnly("test/artifactory/Pod/artifactory-0");
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getReportingInstance()).contains("node2");
    }

    @Test
    void fragmentTakesItsObjectFromTheSurroundingText() {
        String text = """
                Pod: web-7d9f8b6c5d-abcde in namespace: shop, Node: worker-3
                  Warning  BackOff  12s (x4 over 1m)  kubelet  Back-off restarting failed container app in pod web-7d9f8b6c5d-abcde_shop
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(records.get(0).key()).isEqualTo("test/shop/Pod/web-7d9f8b6c5d-abcde");
        assertThat(event.getCount()).isEqualTo(4);
        assertThat(event.getFirstTimestamp()).isEqualTo(NOW.minusSeconds(60));
    }

    /** The namespace of a get-events paste without a NAMESPACE column is the one its command asked for. */
    @Test
    void eventRowsTakeTheNamespaceOfTheirCommand() {
        String text = """
                $ kubectl get events -n inference --sort-by=.lastTimestamp
                LAST SEEN   TYPE      REASON    OBJECT                              MESSAGE
                2m          Warning   BackOff   pod/vllm-7d9f8b6c5d-x2x9z   Back-off restarting failed container vllm in pod vllm-7d9f8b6c5d-x2x9z_inference(0b1c)
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/inference/Pod/vllm-7d9f8b6c5d-x2x9z");
    }

    /** A mount failure's message spans lines that start at the first column and look like describe fields. */
    @Test
    void multiLineMessagesDoNotEndTheTable() {
        String text = """
                Name:         web-0
                Namespace:    shop
                Containers:
                  app:
                    State:          Waiting
                      Reason:       ContainerCreating
                Events:
                  Type     Reason       Age   From     Message
                  ----     ------       ----  ----     -------
                  Warning  FailedMount  2m    kubelet  MountVolume.SetUp failed for volume "data" : mount failed: exit status 32
                Mounting command: systemd-run
                Mounting arguments: --description=Kubernetes transient mount -t nfs 10.0.0.5:/export /var/lib/kubelet/pods/x/volumes/kubernetes.io~nfs/data
                Output: Running scope as unit run-r1.scope.
                mount.nfs: access denied by server while mounting 10.0.0.5:/export
                  Warning  FailedMount  30s   kubelet  Unable to attach or mount volumes: unmounted volumes=[data]: timed out waiting for the condition
                """;
        List<Recorded> records = Recordings.read("describe.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<String> messages = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> ((KubeEvent) r.value()).getMessage()).toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).startsWith("MountVolume.SetUp failed").contains("Mounting command: systemd-run")
                .endsWith("access denied by server while mounting 10.0.0.5:/export");
        assertThat(messages.get(1)).startsWith("Unable to attach or mount volumes");
    }

    /**
     * A reporter's own {@code Label: text} line right under the table (a cause written in Portuguese, no blank line
     * between) is no line of the message, even after a row as long as a terminal's width: only the labels of the
     * components' multi-line messages continue one.
     */
    @Test
    void aReportersLabelledLineUnderTheTableIsNotTheMessage() {
        String text = """
                Events:
                  Type     Reason     Age                    From               Message
                  ----     ------     ----                   ----               -------
                  Warning  Unhealthy  118s (x25 over 3m55s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404
                Causa: o probe aponta para /ready-error, que o nginx não serve
                """;
        List<Recorded> records = Recordings.read("notes.md", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getMessage())
                .containsExactly("Readiness probe failed: HTTP probe failed with statuscode: 404");
    }

    @Test
    void aDescribeCommandAboveACutDownEventsTableNamesItsPod() {
        String text = """
                 kubectl describe pod awx-demo-786447d7bc-vtgwh -n awx | tail

                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  13m   default-scheduler  0/1 nodes are available: 1 Insufficient cpu.
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactly("test/awx/Pod/awx-demo-786447d7bc-vtgwh");
    }

    @Test
    void aPlaceholderWithSpacesInAPastedNameStaysPartOfTheName() {
        String text = """
                4m11s       Warning   Evicted               pod/egg-<id here>    The node was low on resource: memory. Container egg was using 5053216Ki, which exceeds its request of 0.
                4m7s        Normal    Scheduled             pod/egg-<id2 here>    Successfully assigned fate-10000/egg-<id2 here> to aks-nodepool1-<id>
                """;
        List<Recorded> records = Recordings.read("events.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::key).containsExactlyInAnyOrder(
                "test/fate-10000/Pod/egg-<id-here>", "test/fate-10000/Pod/egg-<id2-here>");
        assertThat(((KubeEvent) records.get(0).value()).getMessage()).startsWith("The node was low on resource: memory.");
    }

    @Test
    void objectsPastedAsYamlReadAsTheirJson() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: triton-79569cfbbc-m2wcc
                  namespace: inference
                  creationTimestamp: 2025-03-14T10:00:00Z
                status:
                  phase: Running
                  containerStatuses:
                  - name: triton
                    ready: false
                    restartCount: 4
                    lastState:
                      terminated:
                        reason: OOMKilled
                        exitCode: 137
                        finishedAt: "2025-03-14T10:04:00Z"
                ---
                apiVersion: v1
                kind: EventList
                items:
                - kind: Event
                  metadata: {name: triton.1, namespace: inference}
                  involvedObject: {kind: Pod, name: triton-79569cfbbc-m2wcc, namespace: inference}
                  reason: BackOff
                  type: Warning
                  message: Back-off restarting failed container triton
                  lastTimestamp: "2025-03-14T10:05:00Z"
                  count: 3
                """;
        String json = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"triton-79569cfbbc-m2wcc","namespace":"inference","creationTimestamp":"2025-03-14T10:00:00Z"},"status":{"phase":"Running","containerStatuses":[{"name":"triton","ready":false,"restartCount":4,"lastState":{"terminated":{"reason":"OOMKilled","exitCode":137,"finishedAt":"2025-03-14T10:04:00Z"}}}]}}
                {"apiVersion":"v1","kind":"EventList","items":[{"kind":"Event","metadata":{"name":"triton.1","namespace":"inference"},"involvedObject":{"kind":"Pod","name":"triton-79569cfbbc-m2wcc","namespace":"inference"},"reason":"BackOff","type":"Warning","message":"Back-off restarting failed container triton","lastTimestamp":"2025-03-14T10:05:00Z","count":3}]}
                """;
        List<Recorded> fromYaml = Recordings.read("pod.yaml", yaml, OPTIONS, rejections::add);
        List<Recorded> fromJson = Recordings.read("pod.json", json, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(fromYaml).extracting(Recorded::key).containsExactly("test/inference/triton-79569cfbbc-m2wcc",
                "test/inference/Pod/triton-79569cfbbc-m2wcc");
        assertThat(fromYaml).extracting(r -> r.time() + " " + r.kind() + " " + r.key() + " " + r.value())
                .isEqualTo(fromJson.stream().map(r -> r.time() + " " + r.kind() + " " + r.key() + " " + r.value()).toList());
    }

    @Test
    void yamlThatDoesNotParseIsRejectedWithItsLine() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web-0
                  labels: {app: web
                status:
                  phase: Running
                """;
        List<Recorded> records = Recordings.read("broken.yaml", yaml, OPTIONS, rejections::add);

        assertThat(records).isEmpty();
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("broken.yaml");
            assertThat(r.line()).isBetween(5L, 7L);
            assertThat(r.reason()).startsWith("not valid YAML");
        });
    }

    @Test
    void aRowPastedWithoutItsAgeColumnIsRead() {
        String text = "Warning  Unschedulable  kai-scheduler  no nodes with enough resources were found: 1 node(s) "
                + "didn't have enough resources: GPU memory.\n";
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getReason()).isEqualTo("Unschedulable");
        assertThat(event.getMessage()).startsWith("no nodes with enough resources were found");
    }

    @Test
    void multiLineMessagesOfLoneRowsContinueTheRow() {
        // kubectl get events rows pasted without their header, the last message two lines long (an exec probe's
        // output), then the reporter's own words after a blank line
        String text = """
                4m43s       Normal    Started             pod/db-5957645967-fj95t    Started container mysql
                4m41s       Warning   Unhealthy           pod/db-5957645967-fj95t    Startup probe failed: Warning: Using a password on the command line interface can be insecure.
                mysqladmin: connect to server at 'localhost' failed

                The pod became Ready a minute later.
                """;
        List<Recorded> records = Recordings.read("events.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        List<String> messages = records.stream().filter(r -> r.value() instanceof KubeEvent)
                .map(r -> ((KubeEvent) r.value()).getMessage()).toList();
        assertThat(messages).containsExactly("Started container mysql",
                "Startup probe failed: Warning: Using a password on the command line interface can be insecure."
                        + " mysqladmin: connect to server at 'localhost' failed");
    }

    @Test
    void wrappedMessagesAreJoined() {
        String text = """
                Events:
                  Type     Reason                  Age   From     Message
                  ----     ------                  ----  ----     -------
                  Warning  FailedCreatePodSandBox  30s   kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4f3c":
                           plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container
                  Normal   Scheduled               31s   default-scheduler  Successfully assigned ml/train-0 to gpu-node-2
                """;
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent sandbox = (KubeEvent) records.get(1).value();
        assertThat(sandbox.getMessage()).endsWith("failed to setup network for sandbox \"4f3c\": plugin type=\"aws-cni\" "
                + "name=\"aws-cni\" failed (add): add cmd: failed to assign an IP address to container");
        assertThat(records.get(1).key()).isEqualTo("test/ml/Pod/train-0");
        assertThat(sandbox.getReportingInstance()).isEqualTo("gpu-node-2");
    }

    @Test
    void filesMergeByEventTimeStableForEqualTimes() {
        String a = """
                {"kind":"Event","involvedObject":{"kind":"Pod","name":"a1","namespace":"ns"},"lastTimestamp":"2025-03-14T10:00:00Z"}
                {"kind":"Event","involvedObject":{"kind":"Pod","name":"a2","namespace":"ns"},"lastTimestamp":"2025-03-14T10:00:02Z"}
                {"kind":"Event","involvedObject":{"kind":"Pod","name":"a3","namespace":"ns"},"lastTimestamp":"2025-03-14T10:00:02Z"}
                """;
        String b = """
                {"kind":"Event","involvedObject":{"kind":"Pod","name":"b1","namespace":"ns"},"lastTimestamp":"2025-03-14T10:00:01Z"}
                {"kind":"Event","involvedObject":{"kind":"Pod","name":"b2","namespace":"ns"},"lastTimestamp":"2025-03-14T10:00:02Z"}
                """;
        Path dir = path("logs").resolve("../../merge-test");
        List<Recorded> records;
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("a.jsonl"), a);
            java.nio.file.Files.writeString(dir.resolve("b.jsonl"), b);
            records = Recordings.read(List.of(dir.resolve("a.jsonl"), dir.resolve("b.jsonl")), OPTIONS, rejections::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getName())
                .containsExactly("a1", "b1", "a2", "a3", "b2");
    }

    @Test
    void dashReadsStandardInput() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "61s  Warning  Failed  pod/web-0  Error: ErrImagePull\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            List<Recorded> records = Recordings.read(List.of(Path.of("-")), OPTIONS, rejections::add);

            assertThat(records).extracting(Recorded::key, Recorded::file).containsExactly(tuple("test/default/Pod/web-0", "-"));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void unreadableFileIsOneRejection() {
        List<Recorded> records = Recordings.read(List.of(Path.of("/no/such/file.json")), OPTIONS, rejections::add);

        assertThat(records).isEmpty();
        assertThat(rejections).extracting(Rejection::file, Rejection::line).containsExactly(tuple("/no/such/file.json", 0L));
    }

    private static List<String> readText(String fixture) {
        try {
            return java.nio.file.Files.readAllLines(path(fixture));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long lineOf(String fixture, String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(path(fixture));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }
}
