package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.PodSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Support bundles in the layout of Troubleshoot's clusterResources collector, as a directory and as a
 * {@code .tar.gz}, and plain directories and archives of recordings.
 */
class SupportBundleTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2025-03-14T11:00:00Z"));
    /** Items as client-go's typed lists return them: no kind, no apiVersion. */
    private static final String PODS = """
            [
              {
                "metadata": {"name": "triton-79569cfbbc-m2wcc", "namespace": "inference",
                  "labels": {"pod-template-hash": "79569cfbbc"},
                  "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "triton-79569cfbbc", "controller": true}]},
                "spec": {"nodeName": "ip-10-0-1-149.ec2.internal", "containers": [{"name": "triton", "image": "nvcr.io/nvidia/tritonserver:24.01-py3"}]},
                "status": {"phase": "Pending", "startTime": "2025-03-14T10:01:00Z",
                  "containerStatuses": [{"name": "triton", "ready": false, "restartCount": 0,
                    "state": {"waiting": {"reason": "ErrImagePull", "message": "failed to pull and unpack image: no space left on device"}}}]}
              }
            ]
            """;
    private static final String REPLICA_SETS = """
            [{"metadata": {"name": "triton-79569cfbbc", "namespace": "inference",
              "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "triton-server", "controller": true}]}}]
            """;
    /** Newer collectors write the List object itself. */
    private static final String EVENTS = """
            {"kind": "EventList", "apiVersion": "v1", "metadata": {}, "items": [
              {"metadata": {"name": "triton-79569cfbbc-m2wcc.182c", "namespace": "inference"},
               "involvedObject": {"kind": "Pod", "namespace": "inference", "name": "triton-79569cfbbc-m2wcc"},
               "reason": "Failed", "type": "Warning", "count": 3, "source": {"component": "kubelet", "host": "ip-10-0-1-149.ec2.internal"},
               "message": "Failed to pull image \\"nvcr.io/nvidia/tritonserver:24.01-py3\\": no space left on device",
               "firstTimestamp": "2025-03-14T10:01:05Z", "lastTimestamp": "2025-03-14T10:03:08Z"}]}
            """;
    private static final String NODES = """
            [{"metadata": {"name": "ip-10-0-1-149.ec2.internal", "creationTimestamp": "2025-03-10T10:00:00Z"},
              "status": {"capacity": {"nvidia.com/gpu": "4"}, "allocatable": {"nvidia.com/gpu": "4"},
                "conditions": [{"type": "DiskPressure", "status": "True", "reason": "KubeletHasDiskPressure",
                  "message": "kubelet has disk pressure", "lastTransitionTime": "2025-03-14T10:02:00Z"}]}}]
            """;

    private final List<Rejection> rejections = new ArrayList<>();

    /** The files of a bundle, by their path in it, in the order an archive would hold them. */
    private static Map<String, String> bundleFiles(String top) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(top + "version.yaml", "apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\n");
        files.put(top + "cluster-resources/pods/inference.json", PODS);
        files.put(top + "cluster-resources/pods/logs/inference/triton-79569cfbbc-m2wcc/triton.log", "loading model\n");
        files.put(top + "cluster-resources/events/inference.json", EVENTS);
        files.put(top + "cluster-resources/nodes.json", NODES);
        files.put(top + "cluster-resources/replicasets/inference.json", REPLICA_SETS);
        files.put(top + "cluster-resources/pods-errors.json", "{\"kube-system\": \"forbidden\"}");
        files.put(top + "cluster-resources/services/inference.json", "[{\"metadata\": {\"name\": \"triton\"}}]");
        files.put(top + "cluster-resources/events/empty.json", "null");
        return files;
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    private List<Recorded> read(Path path) {
        List<Recorded> records = Recordings.read(List.of(path), OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        return records;
    }

    private static String summary(List<Recorded> records) {
        return String.join("\n", records.stream().map(r -> r.kind() + " " + r.key()).toList());
    }

    /** The pod (its workload resolved through its ReplicaSet's owner), its node and its event, in that order. */
    private static void assertTheTritonPodItsNodeAndItsEvent(List<Recorded> records) {
        assertThat(summary(records)).isEqualTo("""
                POD test/inference/triton-79569cfbbc-m2wcc
                NODE test/ip-10-0-1-149.ec2.internal
                EVENT test/inference/Pod/triton-79569cfbbc-m2wcc""");
        assertThat(((PodSnapshot) records.get(0).value()).getOwners()).extracting(o -> o.getKind() + "/" + o.getName())
                .containsExactly("ReplicaSet/triton-79569cfbbc", "Deployment/triton-server");
    }

    @Test
    void bundleDirectoryReadsTheKindsItsDirectoriesName(@TempDir Path dir) throws IOException {
        write(dir, bundleFiles(""));

        List<Recorded> records = read(dir);

        assertThat(summary(records)).isEqualTo("""
                POD test/inference/triton-79569cfbbc-m2wcc
                NODE test/ip-10-0-1-149.ec2.internal
                EVENT test/inference/Pod/triton-79569cfbbc-m2wcc""");
        PodSnapshot pod = (PodSnapshot) records.get(0).value();
        // the ReplicaSet file, read as ReplicaSets, resolves the pod's workload
        assertThat(pod.getOwners()).extracting(o -> o.getKind() + "/" + o.getName())
                .containsExactly("ReplicaSet/triton-79569cfbbc", "Deployment/triton-server");
        assertThat(((KubeEvent) records.get(2).value()).getCount()).isEqualTo(3);
        assertThat(records.get(0).file()).isEqualTo(dir.resolve("cluster-resources/pods/inference.json").toString());
    }

    /** A bundle unpacked as it comes: one directory, support-bundle-<time>, holding cluster-resources. */
    @Test
    void unpackedBundleWithItsTopDirectory(@TempDir Path dir) throws IOException {
        write(dir, bundleFiles("support-bundle-2025-03-14T11_00_00/"));

        assertThat(read(dir)).hasSize(3);
    }

    @Test
    void tarGzOfABundleReadsLikeItsDirectory(@TempDir Path dir) throws IOException {
        write(dir.resolve("unpacked"), bundleFiles(""));
        Path archive = dir.resolve("support-bundle.tar.gz");
        // a top directory name over 100 bytes: Go's archive/tar writes it in a PAX header
        String top = "support-bundle-2025-03-14T11_00_00-" + "x".repeat(80) + "/";
        Files.write(archive, tarGz(bundleFiles(top)));

        List<Recorded> records = read(archive);

        assertThat(summary(records)).isEqualTo(summary(read(dir.resolve("unpacked"))));
        assertThat(records.get(0).file()).isEqualTo(archive + "/" + top + "cluster-resources/pods/inference.json");
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("incidents-bundle-")))
                    .as("the unpacked copies are deleted when the stream is closed").isEmpty();
        }
    }

    /**
     * {@code kubectl cluster-info dump --output-directory}: nodes.json, then each namespace's typed Lists (their items
     * without kind) and each pod's logs.txt, which are the containers' own output and left alone.
     */
    @Test
    void clusterInfoDumpDirectory(@TempDir Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nodes.json", "{\"kind\": \"NodeList\", \"apiVersion\": \"v1\", \"metadata\": {}, \"items\": " + NODES + "}");
        files.put("inference/events.json", EVENTS);
        files.put("inference/pods.json", "{\"kind\": \"PodList\", \"apiVersion\": \"v1\", \"metadata\": {}, \"items\": " + PODS + "}");
        files.put("inference/replicasets.json", "{\"kind\": \"ReplicaSetList\", \"apiVersion\": \"apps/v1\", \"metadata\": {}, "
                + "\"items\": " + REPLICA_SETS + "}");
        files.put("inference/services.json", "{\"kind\": \"ServiceList\", \"apiVersion\": \"v1\", \"metadata\": {}, \"items\": "
                + "[{\"metadata\": {\"name\": \"triton\"}, \"spec\": {\"ports\": [{\"port\": 8000}]}}]}");
        files.put("inference/triton-79569cfbbc-m2wcc/logs.txt", "==== START logs for container triton of pod inference/"
                + "triton-79569cfbbc-m2wcc ====\nloading model\n==== END logs for container triton of pod inference/"
                + "triton-79569cfbbc-m2wcc ====\n");
        write(dir, files);

        List<Recorded> records = read(dir);

        assertTheTritonPodItsNodeAndItsEvent(records);
    }

    /** OpenShift's must-gather: YAML Lists per namespace and group, a file per Node, below one directory per image. */
    private static Map<String, String> mustGatherFiles(String top) {
        String image = top + "quay-io-openshift-release-dev-ocp-v4-0-art-dev-sha256-5b1c/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(image + "timestamp", "2025-03-14 11:00:00 +0000 UTC\n");
        files.put(image + "namespaces/inference/core/events.yaml", """
                ---
                apiVersion: v1
                items:
                - apiVersion: v1
                  count: 3
                  firstTimestamp: "2025-03-14T10:01:05Z"
                  involvedObject:
                    kind: Pod
                    name: triton-79569cfbbc-m2wcc
                    namespace: inference
                  kind: Event
                  lastTimestamp: "2025-03-14T10:03:08Z"
                  message: 'Failed to pull image "nvcr.io/nvidia/tritonserver:24.01-py3": no space left on device'
                  metadata:
                    name: triton-79569cfbbc-m2wcc.182c
                    namespace: inference
                  reason: Failed
                  source:
                    component: kubelet
                    host: ip-10-0-1-149.ec2.internal
                  type: Warning
                kind: EventList
                metadata:
                  resourceVersion: ""
                """);
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: triton-79569cfbbc-m2wcc
                  namespace: inference
                  ownerReferences:
                  - apiVersion: apps/v1
                    controller: true
                    kind: ReplicaSet
                    name: triton-79569cfbbc
                spec:
                  containers:
                  - image: nvcr.io/nvidia/tritonserver:24.01-py3
                    name: triton
                  nodeName: ip-10-0-1-149.ec2.internal
                status:
                  phase: Pending
                  startTime: "2025-03-14T10:01:00Z"
                """;
        files.put(image + "namespaces/inference/core/pods.yaml", "---\napiVersion: v1\nkind: PodList\nitems:\n- "
                + pod.strip().replace("\n", "\n  ") + "\n");
        files.put(image + "namespaces/inference/pods/triton-79569cfbbc-m2wcc/triton-79569cfbbc-m2wcc.yaml", "---\n" + pod);
        files.put(image + "namespaces/inference/pods/triton-79569cfbbc-m2wcc/triton/triton/logs/current.log", "loading\n");
        files.put(image + "namespaces/inference/apps/replicasets.yaml", """
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: apps/v1
                  kind: ReplicaSet
                  metadata:
                    name: triton-79569cfbbc
                    namespace: inference
                    ownerReferences:
                    - apiVersion: apps/v1
                      controller: true
                      kind: Deployment
                      name: triton-server
                """);
        files.put(image + "namespaces/inference/core/configmaps.yaml", "---\napiVersion: v1\nkind: ConfigMapList\nitems: []\n");
        files.put(image + "cluster-scoped-resources/core/nodes/ip-10-0-1-149.ec2.internal.yaml", """
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: ip-10-0-1-149.ec2.internal
                  creationTimestamp: "2025-03-10T10:00:00Z"
                status:
                  capacity:
                    nvidia.com/gpu: "4"
                  conditions:
                  - type: DiskPressure
                    status: "True"
                    reason: KubeletHasDiskPressure
                    lastTransitionTime: "2025-03-14T10:02:00Z"
                """);
        return files;
    }

    /**
     * OpenShift's must-gather, unpacked and as its archive: the Events, the Pods (their namespace's pods.yaml, not each
     * pod's own copy of it), the owners and the Nodes, by the place of each file; logs and ConfigMaps left alone.
     */
    @Test
    void mustGatherDirectoryAndArchive(@TempDir Path dir) throws IOException {
        write(dir.resolve("unpacked"), mustGatherFiles("must-gather.local.5213/"));
        Path archive = dir.resolve("must-gather.tar.gz");
        Files.write(archive, tarGz(mustGatherFiles("must-gather.local.5213/")));

        List<Recorded> records = read(dir.resolve("unpacked"));

        assertTheTritonPodItsNodeAndItsEvent(records);
        assertThat(summary(read(archive))).isEqualTo(summary(records));
    }

    @Test
    void plainDirectoryIsEveryFileInNameOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b-events.json"), EVENTS);
        Files.writeString(dir.resolve("a-nodes.json"), NODES.replace("[{", "[{\"kind\": \"Node\", "));
        Files.writeString(dir.resolve(".hidden"), "not a recording");
        Files.writeString(dir.resolve("c-describe.txt"), """
                Events:
                  Type     Reason     Age   From               Message
                  ----     ------     ----  ----               -------
                  Normal   Scheduled  58m   default-scheduler  Successfully assigned inference/triton-79569cfbbc-m2wcc to ip-10-0-1-149.ec2.internal
                """);

        List<Recorded> records = read(dir);

        assertThat(records).extracting(r -> Path.of(r.file()).getFileName().toString())
                .containsExactlyInAnyOrder("a-nodes.json", "b-events.json", "c-describe.txt");
    }

    @Test
    void gzippedRecordingAndTarOfRecordings(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("events.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(EVENTS.getBytes(StandardCharsets.UTF_8));
        }
        Path tar = dir.resolve("recordings.tar.gz");
        Files.write(tar, tarGz(Map.of("recordings/events.json", EVENTS)));

        assertThat(summary(read(gz))).isEqualTo("EVENT test/inference/Pod/triton-79569cfbbc-m2wcc");
        assertThat(summary(read(tar))).isEqualTo("EVENT test/inference/Pod/triton-79569cfbbc-m2wcc");
    }

    @Test
    void aTruncatedArchiveIsOneRejection(@TempDir Path dir) throws IOException {
        byte[] whole = tarGz(bundleFiles(""));
        Path archive = dir.resolve("cut.tar.gz");
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));

        Recordings.read(List.of(archive), OPTIONS, rejections::add);

        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0).toString()).startsWith(archive + ":0: cannot read");
    }

    /** A tar as Go's archive/tar writes it: USTAR headers, a PAX {@code path} record for names over 100 bytes. */
    static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] data = file.getValue().getBytes(StandardCharsets.UTF_8);
                byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
                if (name.length > 100) {
                    byte[] pax = paxRecord("path", file.getKey()).getBytes(StandardCharsets.UTF_8);
                    out.write(header("PaxHeaders/" + file.getKey().substring(file.getKey().lastIndexOf('/') + 1), pax.length, 'x'));
                    out.write(padded(pax));
                    out.write(header(file.getKey().substring(file.getKey().length() - 90), data.length, '0'));
                } else {
                    out.write(header(file.getKey(), data.length, '0'));
                }
                out.write(padded(data));
            }
            out.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    /** {@code "<length> path=<value>\n"}, the length counting its own digits. */
    private static String paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int total = length + String.valueOf(length).length();
        if (String.valueOf(total).length() > String.valueOf(length).length()) {
            total++;
        }
        return total + body;
    }

    private static byte[] header(String name, long size, char type) {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
        put(header, 100, String.format("%07o", 0644));
        put(header, 108, String.format("%07o", 0));
        put(header, 116, String.format("%07o", 0));
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", 0));
        header[156] = (byte) type;
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] padded(byte[] data) {
        return java.util.Arrays.copyOf(data, (data.length + 511) / 512 * 512);
    }
}
