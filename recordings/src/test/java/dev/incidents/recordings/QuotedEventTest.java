package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's message quoted by something other than an event table: it is read as the row it was, about the pod the
 * paste names, at the time the line gives.
 */
class QuotedEventTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2024-05-02T14:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    /** {@code namespace/name} of the object an event is about. */
    private static String namespacedName(KubeEvent event) {
        return event.getInvolvedObject().getNamespace() + "/" + event.getInvolvedObject().getName();
    }

    private KubeEvent onlyEvent(String text) {
        List<Recorded> records = Recordings.read("paste.txt", text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        return (KubeEvent) records.get(0).value();
    }

    /**
     * gpu-operator#481 class: the message quoted inside the reporter's sentence, straight or curly quotes; a short quote
     * (a pod's name) or a long one that is no component's message reads as nothing.
     */
    @Test
    void aMessageQuotedInsideASentence() {
        KubeEvent rejected = onlyEvent("""
                We see in the events of pod "Allocate failed due to requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0, which is unexpected"
                """);
        assertThat(rejected.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(rejected.getMessage()).startsWith("Allocate failed due to requested number of devices unavailable");
        KubeEvent unscheduled = onlyEvent("""
                The scheduler keeps saying “0/3 nodes are available: 3 Insufficient nvidia.com/gpu.” for the new replica
                """);
        assertThat(unscheduled.getReason()).isEqualTo("FailedScheduling");
        assertThat(Recordings.read("paste.txt", """
                The pod "triton-0" restarts and the log says "the model repository is not ready yet, retrying in 5 seconds"
                """, OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * kuberay pod-security guide class: the API server's refusal copied out of its audit log, a JSON string with its
     * quotes escaped, in a shell comment: the refusal the controller records. A message's own escaped quotes (an exec
     * probe's command as Go quotes it) stay escaped.
     */
    @Test
    void aMessageCopiedOutOfAJsonString() {
        KubeEvent refused = onlyEvent("""
                # "pods \\"raycluster-complete-head-fkbf5\\" is forbidden: violates PodSecurity \\"restricted:latest\\": allowPrivilegeEscalation != false (container \\"ray-head\\" must set securityContext.allowPrivilegeEscalation=false) ...
                """);
        assertThat(refused.getReason()).isEqualTo("FailedCreate");
        assertThat(refused.getMessage()).startsWith("Error creating: pods \"raycluster-complete-head-fkbf5\" is forbidden:")
                .contains("violates PodSecurity \"restricted:latest\"");
        KubeEvent probe = onlyEvent("""
                Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: "echo \\"Service up\\"": executable file not found in $PATH: unknown
                """);
        assertThat(probe.getReason()).isEqualTo("Unhealthy");
        assertThat(probe.getMessage()).contains("exec: \"echo \\\"Service up\\\"\": executable file not found");
    }

    /**
     * konflux-ci#1975 class: the runtime's refusal of an exec (a kubectl exec's, an exec probe's) quoted alone is no
     * container start failure: the container runs; its refusal to create one is.
     */
    @Test
    void anExecRefusedIsNoContainerStartFailure() {
        assertThat(Recordings.read("paste.txt", """
                OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown
                """, OPTIONS, rejections::add)).isEmpty();
        assertThat(Recordings.read("paste.txt", """
                Error response from daemon: OCI runtime exec failed: exec failed: container_linux.go:349: starting container process caused "exec: \\"bash\\": executable file not found in $PATH": unknown
                """, OPTIONS, rejections::add)).isEmpty();
        KubeEvent create = onlyEvent("""
                OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown
                """);
        assertThat(create.getReason()).isEqualTo("Failed");
    }

    /**
     * A Docker daemon of 1.12 to 17.03 refusing to start a container, as the kubelet quoted it: {@code oci runtime
     * error: ... starting container process caused}, in 1.12 inside the JSON of an {@code invalid header field value}
     * error. Its refusal of an exec ({@code oci runtime error: exec failed:}) is no start failure.
     */
    @Test
    void anOldDockerDaemonsStartRefusal() {
        KubeEvent json = onlyEvent("""
                Error response from daemon: {"message":"invalid header field value \\"oci runtime error: container_linux.go:247: starting container process caused \\\\\\"exec: \\\\\\\\\\\\\\"run --all\\\\\\\\\\\\\\": executable file not found in $PATH\\\\\\"\\\\n\\""}
                """);
        assertThat(json.getReason()).isEqualTo("Failed");
        assertThat(json.getMessage()).contains("executable file not found");
        KubeEvent plain = onlyEvent("""
                Error response from daemon: oci runtime error: container_linux.go:262: starting container process caused "exec: \"/entrypoint.sh\": permission denied"
                """);
        assertThat(plain.getReason()).isEqualTo("Failed");
        assertThat(Recordings.read("paste.txt", """
                Error response from daemon: oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \"curl\": executable file not found in $PATH"
                """, OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * The kubelet of 1.0 and 1.1 put one wording before every failed pull ({@code image pull failed for x, this may be
     * because there are no credentials on this request.  details: (...)}), and the pod's waiting reason held it whole,
     * so {@code get pods} printed it as STATUS: a pull failure of the image it names, on the pod of the row it ends.
     */
    @Test
    void anEarlyKubeletsPullFailure() {
        KubeEvent alone = onlyEvent("""
                image pull failed for quay.io/acme/triton-server:23.04, this may be because there are no credentials on this request.  details: (Error: image acme/triton-server:23.04 not found)
                """);
        assertThat(alone.getReason()).isEqualTo("Failed");
        assertThat(alone.getMessage()).isEqualTo("Failed to pull image \"quay.io/acme/triton-server:23.04\": image pull "
                + "failed for quay.io/acme/triton-server:23.04, this may be because there are no credentials on this "
                + "request.  details: (Error: image acme/triton-server:23.04 not found)");
        KubeEvent status = onlyEvent("""
                model-server-x2k4f 0/1 image pull failed for registry.local:5000/ml/model-server, this may be because there
                """);
        assertThat(status.getInvolvedObject().getName()).isEqualTo("model-server-x2k4f");
        assertThat(status.getMessage()).startsWith("Failed to pull image \"registry.local:5000/ml/model-server\": ");
    }

    /**
     * MediaMarktSaturn/helm-charts#217 class: runc's own part of a start failure quoted alone, from "error during
     * container init" (or "runc create failed", "unable to start container process"): the kubelet's Failed event.
     */
    @Test
    void runcsPartOfAStartFailureAlone() {
        KubeEvent alone = onlyEvent("""
                `error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory`
                """);
        assertThat(alone.getReason()).isEqualTo("Failed");
        assertThat(alone.getMessage()).isEqualTo("error during container init: exec: \"/bin/sh\": stat /bin/sh: no such "
                + "file or directory");
        assertThat(onlyEvent("runc create failed: unable to start container process: exec: \"wge\": executable file "
                + "not found in $PATH\n").getReason()).isEqualTo("Failed");
    }

    /**
     * knative-handson-workshop class: a Knative Service listing whose REASON column carries its Revision's failure:
     * the revision reconciler's event about that Revision.
     */
    @Test
    void aKnativeRevisionFailureInAServiceListing() {
        KubeEvent failed = onlyEvent("""
                NAME         URL                                  LATEST          AGE   CONDITIONS   READY   REASON
                helloworld   http://helloworld.default.example   helloworld-v3   81m   1 OK / 3     False   RevisionFailed : Revision "helloworld-v4" failed with message: Unable to fetch image "docker.io/haraldu/helloworld-nodejs:2": failed to resolve image to digest: failed to fetch image information: GET https://index.docker.io/v2/haraldu/helloworld-nodejs/manifests/2: MANIFEST_UNKNOWN: manifest unknown; map[Tag:2].
                """);
        assertThat(failed.getReason()).isEqualTo("InternalError");
        assertThat(failed.getInvolvedObject().getKind() + "/" + failed.getInvolvedObject().getName())
                .isEqualTo("Revision/helloworld-v4");
        assertThat(failed.getMessage()).startsWith("Unable to fetch image \"docker.io/haraldu/helloworld-nodejs:2\":")
                .contains("MANIFEST_UNKNOWN");
    }

    /** pangeo-eosc#74: JupyterHub's spawn progress log shows the scheduler's message to the user. */
    @Test
    void aSpawnerLogLine() {
        KubeEvent event = onlyEvent("""
                Your server is starting up.
                2024-05-02T13:52:58Z [Warning] 0/36 nodes are available: 3 node(s) were unschedulable, 33 Insufficient nvidia.com/gpu. preemption: 0/36 nodes are available: 1 Insufficient nvidia.com/gpu, 3 Preemption is not helpful for scheduling, 32 No preemption victims found for incoming pod..
                """);

        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getMessage()).startsWith("0/36 nodes are available: 3 node(s) were unschedulable")
                .endsWith("No preemption victims found for incoming pod..");
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2024-05-02T13:52:58Z"));
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("Pod");
        assertThat(event.getInvolvedObject().getName()).isEqualTo(DescribePod.UNNAMED_POD);
    }

    /** k8s-device-plugin#36: a Go template's print of the pod's conditions, below the command naming the pod. */
    @Test
    void aGoTemplatePrintOfConditionsBelowTheCommandNamingThePod() {
        KubeEvent event = onlyEvent("""
                $ kubectl get pod gpu-pod -o go-template --template '{{.status.conditions}}'
                [map[type:PodScheduled lastProbeTime:<nil> lastTransitionTime:2024-05-02T13:00:00Z message:0/2 nodes are available: 1 PodToleratesNodeTaints, 2 Insufficient nvidia.com/gpu. reason:Unschedulable status:False]]
                """);

        assertThat(event.getMessage())
                .isEqualTo("0/2 nodes are available: 1 PodToleratesNodeTaints, 2 Insufficient nvidia.com/gpu.");
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2024-05-02T13:00:00Z"));
        assertThat(event.getInvolvedObject().getName()).isEqualTo("gpu-pod");
    }

    /**
     * A scheduler plugin's error quoted alone (1.17-1.19 wording): the FailedScheduling it was, about the pod it names;
     * and a kubelet's config error naming its Secret with a namespace: a pod reads only its own namespace's Secrets.
     */
    @Test
    void aSchedulerPluginErrorAndAConfigErrorSayWhichPodAndWhere() {
        KubeEvent binding = onlyEvent("""
                error while running "VolumeBinding" filter plugin for pod "minio-0": pod has unbound immediate PersistentVolumeClaims
                """);
        assertThat(binding.getReason()).isEqualTo("FailedScheduling");
        assertThat(binding.getInvolvedObject().getName()).isEqualTo("minio-0");
        assertThat(binding.getMessage()).endsWith("pod has unbound immediate PersistentVolumeClaims");

        KubeEvent config = onlyEvent("""
                Error: couldn't find key network in Secret kube-system/hcloud
                """);
        assertThat(config.getReason()).isEqualTo("Failed");
        assertThat(config.getInvolvedObject().getNamespace()).isEqualTo("kube-system");
    }

    /**
     * The kubelet's other refusals to make a container's config pasted alone: a non-root policy it cannot keep or verify
     * (naming its pod as {@code (pod: "<name>_<namespace>(uid)", container: x)}), with kubectl 1.34's field path in
     * front, and a subPath it cannot prepare.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Error: container has runAsNonRoot and image has non-numeric user (nonroot), cannot verify user is non-root (pod: \"event-exporter-6746869bb-wzc6p_monitoring(5090cc65-1e05-4504-ac7b-57b243c111e2)\", container: event-exporter)|event-exporter-6746869bb-wzc6p|monitoring",
        "spec.containers{app}: Error: container has runAsNonRoot and image will run as root (pod: \"app-64ccb9645d-kfrwr_default(d13d1d45)\", container: app)|app-64ccb9645d-kfrwr|default",
        "Error: container's runAsUser breaks non-root policy (pod: \"web-0_shop(0a1b)\", container: web)|web-0|shop",
    })
    void theKubeletsRefusalsOfAContainersConfigNameTheirPod(String line, String pod, String namespace) {
        KubeEvent refusal = onlyEvent(line + "\n");

        assertThat(refusal.getReason()).isEqualTo("Failed");
        assertThat(refusal.getType()).isEqualTo("Warning");
        assertThat(refusal.getInvolvedObject().getName()).isEqualTo(pod);
        assertThat(refusal.getInvolvedObject().getNamespace()).isEqualTo(namespace);
    }

    /**
     * The kubelet's journal under disk pressure: its eviction manager reclaiming (the node's EvictionThresholdMet, on
     * the host the journal names) and refusing pods at admission (each pod's Evicted, with the words the kubelet
     * records), in the log wording before 1.20 and the structured one since.
     */
    @Test
    void theKubeletsJournalUnderPressure() {
        KubeEvent reclaiming = onlyEvent("""
                Apr 02 09:10:11 gpu-node-7 kubelet[913]: W0402 09:10:11.507237     913 eviction_manager.go:330] eviction manager: attempting to reclaim imagefs
                """);
        assertThat(reclaiming.getReason()).isEqualTo("EvictionThresholdMet");
        assertThat(reclaiming.getInvolvedObject().getKind() + "/" + reclaiming.getInvolvedObject().getName())
                .isEqualTo("Node/gpu-node-7");
        assertThat(reclaiming.getMessage()).isEqualTo("Attempting to reclaim imagefs");

        KubeEvent refused = onlyEvent("""
                Apr 02 09:10:40 gpu-node-7 kubelet[913]: W0402 09:10:40.133749     913 eviction_manager.go:159] Failed to admit pod dcgm-exporter-4xq7z_gpu-operator(0c3e5a2b-1d4f-4e8a-9b7c-2f6d8e1a3b5c) - node has conditions: [DiskPressure]
                """);
        assertThat(refused.getReason()).isEqualTo("Evicted");
        assertThat(namespacedName(refused)).isEqualTo("gpu-operator/dcgm-exporter-4xq7z");
        assertThat(refused.getMessage()).startsWith("The node had condition: [DiskPressure].");
        assertThat(refused.getReportingInstance()).isEqualTo("gpu-node-7");

        KubeEvent structured = onlyEvent("""
                I0402 09:11:02.000100     913 eviction_manager.go:200] "Failed to admit pod to node" pod="ml/vllm-0" nodeCondition=[MemoryPressure]
                """);
        assertThat(structured.getReason()).isEqualTo("Evicted");
        assertThat(namespacedName(structured)).isEqualTo("ml/vllm-0");
        assertThat(structured.getMessage()).startsWith("The node had condition: [MemoryPressure].");
    }

    /**
     * Karpenter's troubleshooting page: an event printed as logfmt pairs, its message last and unquoted; with the object
     * and namespace keys an exporter adds, quoted values too. A logfmt line without a reason and a message is no event.
     */
    @Test
    void anEventPrintedAsLogfmtPairs() {
        KubeEvent sandbox = onlyEvent("""
                time=2023-06-12T19:18:15Z type=Warning reason=FailedCreatePodSandBox from=kubelet message=Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "0f46": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container
                """);
        assertThat(sandbox.getReason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.getType()).isEqualTo("Warning");
        assertThat(sandbox.getReportingComponent()).isEqualTo("kubelet");
        assertThat(sandbox.getLastTimestamp()).isEqualTo(Instant.parse("2023-06-12T19:18:15Z"));
        assertThat(sandbox.getMessage()).startsWith("Failed to create pod sandbox: rpc error:")
                .endsWith("failed to assign an IP address to container");

        KubeEvent exported = onlyEvent("""
                level=info namespace=ml object=pod/vllm-0 reason=BackOff type=Warning message="Back-off restarting failed container vllm in pod vllm-0_ml"
                """);
        assertThat(exported.getReason()).isEqualTo("BackOff");
        assertThat(namespacedName(exported)).isEqualTo("ml/vllm-0");
        assertThat(exported.getMessage()).isEqualTo("Back-off restarting failed container vllm in pod vllm-0_ml");

        assertThat(Recordings.read("paste.txt", "level=info msg=\"reconciled\" controller=nodeclaim\n", OPTIONS,
                rejections::add)).isEmpty();
    }

    /**
     * cluster-api-actuator-pkg#239: the kube-controller-manager's event recorder logs each event as klog's structured
     * {@code "Event occurred"} line, the object as {@code namespace/name} and its kind in a key of its own.
     */
    @Test
    void klogsEventOccurredLineNamesTheKindApart() {
        KubeEvent created = onlyEvent("""
                "Event occurred" object="default/pdb-workload" fieldPath="" kind="ReplicationController" apiVersion="v1" type="Warning" reason="FailedCreate" message="Error creating: pods \\"pdb-workload-cm797\\" is forbidden: violates PodSecurity \\"restricted:latest\\": allowPrivilegeEscalation != false"
                """);
        assertThat(created.getReason()).isEqualTo("FailedCreate");
        assertThat(created.getInvolvedObject().getKind()).isEqualTo("ReplicationController");
        assertThat(namespacedName(created)).isEqualTo("default/pdb-workload");
        assertThat(created.getMessage()).startsWith("Error creating: pods \"pdb-workload-cm797\" is forbidden:");
    }

    /**
     * longhorn's knowledge base: a k3s journal splitting a mount failure into its lines; the mount utility's output is
     * why the volume did not mount, the kubelet's FailedMount (its pod not named there). Prose quoting the same output
     * is no log line.
     */
    @Test
    void aMountsOutputInTheKubeletsJournal() {
        KubeEvent mount = onlyEvent("""
                Oct 11 07:42:23 dev-worker-1 k3s[1294]: Output: mount.nfs: Protocol not supported for 10.43.207.185:/pvc-1353 on /var/lib/kubelet/plugins/kubernetes.io/csi/driver.longhorn.io/185c/globalmount
                """);
        assertThat(mount.getReason()).isEqualTo("FailedMount");
        assertThat(mount.getReportingInstance()).isEqualTo("dev-worker-1");
        assertThat(mount.getMessage()).startsWith("mount failed: Output: mount.nfs: Protocol not supported");

        assertThat(Recordings.read("paste.txt", "The log said Output: mount.nfs: access denied by server\n", OPTIONS,
                rejections::add)).isEmpty();
    }

    /**
     * milvus#7498: the eviction manager's own log of a pod it evicted, before 1.20 and in klog's structured form since:
     * the pod's Evicted event (which resource, the line does not say).
     */
    @Test
    void theEvictionManagerLogsAPodItEvicted() {
        KubeEvent evicted = onlyEvent("""
                Sep 06 11:45:43 test-worker6 kubelet[1877]: I0906 11:45:43.963190    1877 eviction_manager.go:578] eviction manager: pod milvus-e2e-test-kind-nightly-546tr-cmn0v_kube-ops(1d81845d-0eaf-11ec-ba94-1c1b0d568bc0) is evicted successfully
                """);
        assertThat(evicted.getReason()).isEqualTo("Evicted");
        assertThat(namespacedName(evicted)).isEqualTo("kube-ops/milvus-e2e-test-kind-nightly-546tr-cmn0v");
        assertThat(evicted.getReportingInstance()).isEqualTo("test-worker6");

        KubeEvent structured = onlyEvent("""
                I0402 09:11:02.000100     913 eviction_manager.go:377] "Eviction manager: pod is evicted successfully" pod="ml/vllm-0"
                """);
        assertThat(structured.getReason()).isEqualTo("Evicted");
        assertThat(namespacedName(structured)).isEqualTo("ml/vllm-0");
    }

    /**
     * kubeflow/community-distribution#794: a test harness's log record that says it found an event, then the event's
     * message: the kubelet's words after the lead are the event; a line that merely mentions an event is not one.
     */
    @Test
    void aToolsLogRecordQuotingAnEventItFound() {
        KubeEvent failed = onlyEvent("""
                INFO|2020-01-28T21:58:34|/home/ci/kubeflow/testing/troubleshoot_deployment.py|50| Found event Error: failed to start container "tf-job-operator": Error response from daemon: OCI runtime create failed: container_linux.go:345: starting container process caused "exec: \\"/opt/kubeflow/tf-operator.v1\\": stat /opt/kubeflow/tf-operator.v1: no such file or directory": unknown
                """);
        assertThat(failed.getReason()).isEqualTo("Failed");
        assertThat(failed.getMessage()).startsWith("Error: failed to start container \"tf-job-operator\": Error response");

        assertThat(Recordings.read("paste.txt", "INFO| Found event handler for the new pod, nothing to do\n", OPTIONS,
                rejections::add)).isEmpty();
    }

    /**
     * A describe row retyped with single spaces and without its Age: the From cell is told by the shapes of Kubernetes'
     * own components, so a sentence that merely starts with Warning and a capitalised word is no event.
     */
    @Test
    void aDescribeRowRetypedWithoutItsAge() {
        KubeEvent retyped = onlyEvent("""
                Warning  FailedScheduling default-scheduler 0/2 nodes are available: 2 node(s) had untolerated taint {nvidia.com/gpu: present}.
                """);
        assertThat(retyped.getReason()).isEqualTo("FailedScheduling");
        assertThat(retyped.getReportingComponent()).isEqualTo("default-scheduler");
        assertThat(retyped.getMessage()).startsWith("0/2 nodes are available: 2 node(s) had untolerated taint");

        List<Recorded> prose = Recordings.read("paste.txt", "Warning Deprecated options were removed in this release\n",
                OPTIONS, rejections::add);
        assertThat(prose).isEmpty();
    }

    /** A 1.2-1.5 scheduler's verdict quoted alone names its pod first: the event is about that pod. */
    @Test
    void anOldSchedulersVerdictNamesItsPod() {
        KubeEvent verdict = onlyEvent("""
                pod (registry-520578653-d8n7i) failed to fit in any node fit failure on node (box): PodToleratesNodeTaints
                """);
        assertThat(verdict.getReason()).isEqualTo("FailedScheduling");
        assertThat(verdict.getInvolvedObject().getKind() + "/" + verdict.getInvolvedObject().getName())
                .isEqualTo("Pod/registry-520578653-d8n7i");
    }

    @Test
    void aSubPathTheKubeletCannotPrepareIsItsRefusalToo() {
        KubeEvent subPath = onlyEvent("""
                Error: failed to prepare subPath for volumeMount "models" of container "triton"
                """);
        assertThat(subPath.getReason()).isEqualTo("Failed");
        assertThat(subPath.getMessage()).contains("subPath");
    }

    /**
     * An event's OBJECT and MESSAGE columns alone, the quotes turned typographic by the page it was pasted into; and
     * the CNI plugin's part of a sandbox failure pasted alone, which names its pod as {@code "<name>_<namespace>"}.
     */
    @Test
    void anObjectColumnCurlyQuotesAndTheKubeletsPodNamespaceForm() {
        KubeEvent pull = onlyEvent("""
                pod/operator-init-monitoring-lng8l          Failed to pull image “rancher/istio-kubectl:1.5.10”: rpc error: code = NotFound desc = not found
                """);
        assertThat(pull.getReason()).isEqualTo("Failed");
        assertThat(pull.getInvolvedObject().getName()).isEqualTo("operator-init-monitoring-lng8l");
        assertThat(pull.getMessage()).startsWith("Failed to pull image \"rancher/istio-kubectl:1.5.10\": ");

        KubeEvent sandbox = onlyEvent("""
                networkPlugin cni failed to set up pod "calico-kube-controllers-5d9b9bfc74-nxrlq_kube-system" network: error getting ClusterInformation: connection is unauthorized: Unauthorized
                """);
        assertThat(sandbox.getReason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.getInvolvedObject().getName()).isEqualTo("calico-kube-controllers-5d9b9bfc74-nxrlq");
        assertThat(sandbox.getInvolvedObject().getNamespace()).isEqualTo("kube-system");

        // the whole sandbox failure names the pod twice, the namespace only the second time
        KubeEvent row = onlyEvent("""
                Warning  FailedCreatePodSandBox  20m (x2412 over 65m)  kubelet, minikube  (combined from similar events): Failed create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container "49a1e22aa6f1" network for pod "coredns-5c98db65d4-h5vwr": NetworkPlugin cni failed to set up pod "coredns-5c98db65d4-h5vwr_kube-system" network: unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full
                """);
        assertThat(row.getInvolvedObject().getName()).isEqualTo("coredns-5c98db65d4-h5vwr");
        assertThat(row.getInvolvedObject().getNamespace()).isEqualTo("kube-system");
    }

    /**
     * A Go template's print of events ({@code {{.involvedObject.kind}}/{{.involvedObject.name}}<TAB>{{.message}}}):
     * each verdict and each placement is about the pod printed before it, not one unnamed pod of the paste, in the
     * namespace the placement names.
     */
    @Test
    void aGoTemplatesKindSlashNameBeforeEachMessage() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Pod/large-oortcloud-tolerant-5fd7797bb8-8crxx   0/1 nodes are available: 1 node(s) had untolerated taint {owner: kuiperbelt}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..
                Pod/other-kuiperbelt-6dbc7774bd-vvddq	Successfully assigned magellan/other-kuiperbelt-6dbc7774bd-vvddq to controlplane
                Pod/small-oortcloud-tolerant-76658bdf49-lp4kc   0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getReason() + " "
                + namespacedName((KubeEvent) r.value())).containsExactly(
                "FailedScheduling magellan/large-oortcloud-tolerant-5fd7797bb8-8crxx",
                "Scheduled magellan/other-kuiperbelt-6dbc7774bd-vvddq",
                "FailedScheduling magellan/small-oortcloud-tolerant-76658bdf49-lp4kc");
    }

    /** The StatefulSet controller's refusal quoted alone names its StatefulSet: the event is on it. */
    @Test
    void aStatefulSetsCreateFailureIsOnItsStatefulSet() {
        KubeEvent refused = onlyEvent("""
                create Pod k3k-3-test-server-0 in StatefulSet k3k-3-test-server failed error: pods "k3k-3-test-server-0" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "k3k-3-test-server" must set securityContext.runAsNonRoot=true)
                """);
        assertThat(refused.getReason()).isEqualTo("FailedCreate");
        assertThat(refused.getInvolvedObject().getKind()).isEqualTo("StatefulSet");
        assertThat(refused.getInvolvedObject().getName()).isEqualTo("k3k-3-test-server");
        assertThat(refused.getMessage()).startsWith("create Pod k3k-3-test-server-0 in StatefulSet");

        // kubegres#100: a name printed with a dash after it, which no Kubernetes name ends with
        assertThat(onlyEvent("""
                create Pod database-db-2-0 in StatefulSet database-db-2- failed error: pods "database-db-2-0" is forbidden: failed quota: namespace-quota: must specify limits.memory
                """).getInvolvedObject().getName()).isEqualTo("database-db-2");
    }

    /**
     * A kubectl 1.9-1.13 get-events row pasted without its header: its NAME and KIND cells are the object, not the
     * From and SubObjectPath of an old describe row.
     */
    @Test
    void anOldGetEventsRowWithoutItsHeader() {
        KubeEvent event = onlyEvent("""
                26m        26m         1         api-staging-544d45c8d5   ReplicaSet               Warning   FailedCreate        replicaset-controller   Error creating: pods api-staging-544d45c8d5-q5mll is forbidden: exceeded quota: namespace-quota, requested: requests.cpu=20m, used: requests.cpu=40m, limited: requests.cpu=50m
                """);
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("ReplicaSet");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("api-staging-544d45c8d5");
        assertThat(event.getReportingComponent()).isEqualTo("replicaset-controller");
    }

    /** A describe field is its reader's: {@code Message:} lines of a pod status are not read twice. */
    @Test
    void aDescribeFieldIsNotAQuote() {
        assertThat(QuotedEvent.parse("Message:  0/3 nodes are available: 3 Insufficient cpu.", 1,
                OPTIONS.now())).isNull();
        assertThat(QuotedEvent.parse("the scheduler said nodes are busy", 1, OPTIONS.now())).isNull();
    }

    /** az-dns-forwarder#1: the kubelet's pull failure copied alone above the rows, which name the pod. */
    @Test
    void aKubeletMessageCopiedAboveTheRowsOfItsPod() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Failed to pull image "ghcr.io/whiteducksoftware/az-dns-forwarder/az-dns-forwarder:latest" Error response from daemon: Get https://ghcr.io/v2/whiteducksoftware/az-dns-forwarder/az-dns-forwarder/manifests/latest: unauthorized

                  Normal   Scheduled  47s                default-scheduler  Successfully assigned default/az-dns-forwarder-fc864c554-ctc82 to aks-pool01-30842998-vmss000001
                  Warning  Failed     19s (x3 over 45s)  kubelet            Error: ImagePullBackOff
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent failed = records.stream().map(r -> (KubeEvent) r.value())
                .filter(e -> e.getMessage().startsWith("Failed to pull image")).findFirst().orElseThrow();
        assertThat(failed.getReason()).isEqualTo("Failed");
        assertThat(failed.getReportingComponent()).isEqualTo("kubelet");
        assertThat(failed.getInvolvedObject().getName()).isEqualTo("az-dns-forwarder-fc864c554-ctc82");
        assertThat(failed.getLastTimestamp()).as("undated, as old as the latest row beside it")
                .isEqualTo(OPTIONS.now().minusSeconds(19));
        assertThat(QuotedEvent.parse("> Back-off restarting failed container app in pod web-0_shop(1a2b)", 3,
                OPTIONS.now()).reason()).as("a Markdown quote marker before it").isEqualTo("BackOff");
        assertThat(QuotedEvent.parse("I saw Failed to pull image \"x\" in the logs", 3, OPTIONS.now()))
                .as("prose that mentions a message is not the message").isNull();
    }

    /** 1.7's wording, without a timestamp: the verdict is as old as the paste. */
    @Test
    void theOldPredicatesWordingWithoutATime() {
        EventsTable.Row row = QuotedEvent.parse(
                "I got: No nodes are available that match all of the following predicates:: Insufficient cpu (4).",
                7, OPTIONS.now());

        assertThat(row.message()).startsWith("No nodes are available that match all of the following predicates::");
        assertThat(row.age()).isEqualTo("0s");
        assertThat(row.line()).isEqualTo(7);
    }
    /**
     * Tools that print an event their own way, the kubelet's message still in it: JupyterHub's spawn progress
     * ({@code <time> [Warning] <message>}, nvidia-docker#1042) and SLATE's client ({@code [first - last] Reason:
     * message (xN)}, slate-catalog#251).
     */
    @Test
    void aToolsPrintOfAKubeletEvent() {
        EventsTable.Row spawn = QuotedEvent.parse("2019-08-08 10:02:17+00:00 [Warning] Error: failed to start container "
                + "\"notebook\": Error response from daemon: OCI runtime create failed: container_linux.go:345: "
                + "nvidia-container-cli: device error: unknown device id: no-gpu-has-1MiB-to-run\\n\"\"\": unknown", 1,
                Instant.parse("2019-08-08T10:05:17Z"));
        assertThat(spawn.reason()).isEqualTo("Failed");
        assertThat(spawn.message()).startsWith("Error: failed to start container \"notebook\"");
        assertThat(spawn.age()).isEqualTo("180s");

        EventsTable.Row slate = QuotedEvent.parse("[2020-04-02T15:21:43Z - 2020-04-02T15:22:47Z] FailedMount: "
                + "MountVolume.SetUp failed for volume \"spool\" : configmap \"spool\" not found (x8)", 1,
                Instant.parse("2020-04-02T15:25:00Z"));
        assertThat(slate.reason()).isEqualTo("FailedMount");
        assertThat(slate.message()).isEqualTo("MountVolume.SetUp failed for volume \"spool\" : configmap \"spool\" not found");
        assertThat(slate.age()).as("the range's end is when it was last seen").isEqualTo("133s");
    }

    /**
     * A controller's FailedCreate as its reason and message on one line (modelplane#229, a DaemonSet's pods refused on
     * GKE), the {@code Error creating: } of the event dropped or kept; the reason alone with nothing after is no row.
     */
    @Test
    void aControllersFailedCreateAsReasonAndMessage() {
        EventsTable.Row row = QuotedEvent.parse("FailedCreate: insufficient quota to match these scopes: [{PriorityClass "
                + "In [system-node-critical system-cluster-critical]}]", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FailedCreate");
        assertThat(row.type()).isEqualTo("Warning");
        assertThat(row.message()).isEqualTo("Error creating: insufficient quota to match these scopes: [{PriorityClass "
                + "In [system-node-critical system-cluster-critical]}]");

        EventsTable.Row kept = QuotedEvent.parse("FailedCreate: Error creating: pods \"gpu-0\" is forbidden: exceeded "
                + "quota: gpu-quota, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=4, limited: "
                + "requests.nvidia.com/gpu=4", 1, OPTIONS.now());
        assertThat(kept.reason()).isEqualTo("FailedCreate");
        assertThat(kept.message()).startsWith("Error creating: pods \"gpu-0\" is forbidden: exceeded quota");

        assertThat(QuotedEvent.parse("FailedCreate: ", 1, OPTIONS.now())).isNull();
    }

    /**
     * The kernel's report of a memory-cgroup OOM kill (triton-inference-server#4154's {@code dmesg}): a kill in a pod's
     * cgroup, named by the pod's UID (cgroupfs and systemd drivers, Linux 4.19+ and before), is the OOMKilling of a
     * container of that pod; the lines around it (the task table, {@code Memory cgroup out of memory: Killed process})
     * and a kill outside the pods' cgroups give none.
     */
    @Test
    void theKernelsOomKillInAPodsCgroup() {
        EventsTable.Row memcg = QuotedEvent.parse("[44930.378129] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),"
                + "cpuset=a82e417e149b,mems_allowed=0-3,oom_memcg=/kubepods/burstable/podcb040dc7-7546-49e2-ae77-"
                + "320dc45ed2ce,task_memcg=/kubepods/burstable/podcb040dc7-7546-49e2-ae77-320dc45ed2ce/a82e417e149b,"
                + "task=tritonserver,pid=59249,uid=0", 1, OPTIONS.now());
        assertThat(memcg.reason()).isEqualTo("OOMKilling");
        assertThat(memcg.type()).isEqualTo("Warning");
        assertThat(memcg.message()).isEqualTo("Memory cgroup out of memory: Killed process 59249 (tritonserver) in the "
                + "cgroup of pod cb040dc7-7546-49e2-ae77-320dc45ed2ce");

        EventsTable.Row systemd = QuotedEvent.parse("Jun 02 10:11:12 gpu-1 kernel: oom-kill:constraint=CONSTRAINT_MEMCG,"
                + "nodemask=(null),cpuset=cri-containerd-5f2e.scope,mems_allowed=0,oom_memcg=/kubepods.slice/"
                + "kubepods-burstable.slice/kubepods-burstable-pod1d2e3f4a_5b6c_7d8e_9f0a_1b2c3d4e5f6a.slice,task_memcg="
                + "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1d2e3f4a_5b6c_7d8e_9f0a_1b2c3d4e5f6a"
                + ".slice/cri-containerd-5f2e.scope,task=python3,pid=4242,uid=1000", 1, OPTIONS.now());
        assertThat(systemd.reason()).isEqualTo("OOMKilling");
        assertThat(systemd.message()).endsWith("(python3) in the cgroup of pod 1d2e3f4a-5b6c-7d8e-9f0a-1b2c3d4e5f6a");

        EventsTable.Row before419 = QuotedEvent.parse("[ 7301.112233] Task in /kubepods/podd41d0d4e-2c8b-11e9-9a6b-"
                + "0800276b9c4e/3b1f killed as a result of limit of /kubepods/podd41d0d4e-2c8b-11e9-9a6b-0800276b9c4e",
                1, OPTIONS.now());
        assertThat(before419.reason()).isEqualTo("OOMKilling");
        assertThat(before419.message()).endsWith("in the cgroup of pod d41d0d4e-2c8b-11e9-9a6b-0800276b9c4e");

        assertThat(QuotedEvent.parse("[44930.378129] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,"
                + "mems_allowed=0,oom_memcg=/system.slice/docker.service,task_memcg=/system.slice/docker.service,"
                + "task=dockerd,pid=812,uid=0", 1, OPTIONS.now())).isNull();
        assertThat(QuotedEvent.parse("[44930.378128] [  59249]     0 59249  9743705   105957  1683456        0"
                + "           999 tritonserver", 1, OPTIONS.now())).isNull();
    }

    /**
     * The NVIDIA device plugin's health check in its log with the clock time alone before each line (hhhyunwoo's blog,
     * a GPU with uncorrectable ECC errors): the time is the paste's day, the lines the plugin's events.
     */
    @Test
    void aLogLineWithTheClockTimeAlone() {
        EventsTable.Row unhealthy = QuotedEvent.parse("08:08:58 'nvidia.com/gpu' device marked unhealthy: GPU-XX-X-X-XX-XX",
                1, OPTIONS.now());
        assertThat(unhealthy.reason()).isEqualTo("DeviceUnhealthy");
        assertThat(unhealthy.from()).isEqualTo("nvidia-device-plugin");

        EventsTable.Row xid = QuotedEvent.parse("08:08:58 XidCriticalError: Xid=94 on Device=GPU-XX-X-X-XX-XX, the device "
                + "will go unhealthy.", 1, OPTIONS.now());
        assertThat(xid.reason()).isEqualTo("XidCriticalError");
        assertThat(xid.message()).startsWith("Xid=94 on Device=GPU-XX-X-X-XX-XX");

        assertThat(QuotedEvent.parse("08:08:58 the plugin restarted", 1, OPTIONS.now())).isNull();
    }

    /**
     * Docker's answer to a reporter's own {@code docker pull} of the pod's image (FoundationDB/fdb-kubernetes-operator
     * #304): the registry's answer the kubelet's pull gets, as the kubelet's Failed event words it.
     */
    @Test
    void aDockerPullsAnswerIsTheKubeletsPullFailure() {
        EventsTable.Row missing = QuotedEvent.parse("Error response from daemon: manifest for "
                + "foundationdb/fdb-kubernetes-operator:7.0 not found: manifest unknown: manifest unknown", 1, OPTIONS.now());
        assertThat(missing.reason()).isEqualTo("Failed");
        assertThat(missing.from()).isEqualTo("kubelet");
        assertThat(missing.message()).isEqualTo("Failed to pull image \"foundationdb/fdb-kubernetes-operator:7.0\": rpc "
                + "error: code = Unknown desc = Error response from daemon: manifest for foundationdb/fdb-kubernetes-operator"
                + ":7.0 not found: manifest unknown: manifest unknown");

        EventsTable.Row denied = QuotedEvent.parse("Error response from daemon: pull access denied for acme/private-model, "
                + "repository does not exist or may require 'docker login': denied: requested access to the resource is "
                + "denied", 1, OPTIONS.now());
        assertThat(denied.message()).startsWith("Failed to pull image \"acme/private-model\": rpc error");

        assertThat(QuotedEvent.parse("Error response from daemon: Conflict. The container name is already in use", 1,
                OPTIONS.now())).isNull();
    }

    /**
     * The extended-resources task page of the Kubernetes docs (1.8): a scheduler that put its fit failures on a line of
     * their own under {@code pod (x) failed to fit in any node}, the row elided by the page: one message, read whole.
     */
    @Test
    void anOldSchedulersFitFailuresOnTheirOwnLine() {
        KubeEvent event = onlyEvent("""
                kubectl describe pod extended-resource-demo-2
                Events:
                  ...
                  ... Warning   FailedScheduling  pod (extended-resource-demo-2) failed to fit in any node
                fit failure summary on nodes : Insufficient example.com/dongle (1)
                """);

        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getMessage()).isEqualTo("pod (extended-resource-demo-2) failed to fit in any node fit failure "
                + "summary on nodes : Insufficient example.com/dongle (1)");
    }

    /** The runtime's refusal alone, as a container status shows it (production-stack#869, cri-o). */
    @Test
    void aRuntimesStartFailureAlone() {
        EventsTable.Row row = QuotedEvent.parse("container create failed: executable file `lmcache_experimental_server` "
                + "not found in $PATH: No such file or directory", 1, OPTIONS.now());

        assertThat(row.reason()).isEqualTo("Failed");
        assertThat(row.from()).isEqualTo("kubelet");
        assertThat(QuotedEvent.parse("the container create failed: again", 1, OPTIONS.now())).isNull();
    }

    /** The attach/detach controller before it said Multi-Attach (helm/charts#1460, GKE 2017). */
    @Test
    void theOlderAttachFailure() {
        EventsTable.Row row = QuotedEvent.parse("Failed to attach volume \"pvc-859b\" on node \"gke-a-z545\" with: "
                + "googleapi: Error 400: The disk resource 'projects/p/zones/z/disks/d' is already being used by "
                + "'projects/p/zones/z/instances/gke-a-x2tb'", 1, OPTIONS.now());

        assertThat(row.reason()).isEqualTo("FailedAttachVolume");
        assertThat(row.from()).isEqualTo("attachdetach-controller");
    }

    /** HAMi's scheduler extender's verdict copied alone (HAMi#591), and its newer counted wording. */
    @Test
    void hamisVerdictAlone() {
        EventsTable.Row row = QuotedEvent.parse("no available node, all node scores do not meet", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FilteringFailed");
        assertThat(row.from()).isEqualTo("hami-scheduler");
        assertThat(QuotedEvent.parse("> no available node, 3 nodes do not meet", 1, OPTIONS.now()).message())
                .isEqualTo("no available node, 3 nodes do not meet");
    }

    /** device-plugin#1223 and #231: the kubelet's admission rejection quoted alone, in its 1.27+ and older wording. */
    @Test
    void anAdmissionRejectionAlone() {
        EventsTable.Row rejected = QuotedEvent.parse("Pod was rejected: Allocate failed due to device plugin "
                + "GetPreferredAllocation; unable to get device link information: error calling nvml.Init", 1, OPTIONS.now());
        assertThat(rejected.reason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(rejected.from()).isEqualTo("kubelet");
        assertThat(QuotedEvent.parse("> Pod Allocate failed due to device plugin GetPreferredAllocation rpc failed with "
                + "err: nvml: GPU is lost, which is unexpected", 1, OPTIONS.now()).reason())
                .isEqualTo("UnexpectedAdmissionError");
        assertThat(QuotedEvent.parse("Pod was rejected: Node didn't have enough resource: nvidia.com/gpu, requested: 1, "
                + "used: 8, capacity: 8", 1, OPTIONS.now()).reason()).isEqualTo("OutOfnvidia.com/gpu");
    }

    /**
     * The eviction manager's refusal to admit a pod while the node has a condition it evicts under: the pod's status
     * reason is Evicted (message "Pod The node had condition: [DiskPressure]. ", since 1.27 "Pod was rejected: ..."),
     * not an admission error of a device or a resource.
     */
    @Test
    void anAdmissionRefusedUnderANodeConditionIsAnEviction() {
        EventsTable.Row labelled = QuotedEvent.parse("Evicted: Pod The node had condition: [DiskPressure].", 2,
                OPTIONS.now());
        assertThat(labelled.reason()).isEqualTo("Evicted");
        assertThat(labelled.message()).isEqualTo("The node had condition: [DiskPressure].");
        assertThat(DescribePod.rejectionReason("Pod was rejected: The node had condition: [DiskPressure]. "))
                .isEqualTo("Evicted");
        assertThat(DescribePod.rejectionReason("Pod The node had condition: [MemoryPressure]. ")).isEqualTo("Evicted");
        assertThat(DescribePod.rejectionReason("Pod was rejected: Predicate NodeAffinity failed"))
                .isEqualTo("NodeAffinity");
    }

    /** drain-node-on-crash#7: a container's waiting reason and message, as a UI prints the state. */
    @Test
    void aPullStatesReasonAndMessage() {
        EventsTable.Row pull = QuotedEvent.parse("ErrImagePull: rpc error: code = Unknown desc = Error response from "
                + "daemon: manifest for drainnode/leader:v1.0-rc9 not found: manifest unknown: manifest unknown", 2,
                OPTIONS.now());
        assertThat(pull.reason()).isEqualTo("ErrImagePull");
        assertThat(pull.message()).startsWith("rpc error: code = Unknown desc = Error response from daemon: manifest for");
        assertThat(QuotedEvent.parse("ImagePullBackOff: Back-off pulling image \"drainnode/leader:v1.0-rc9\"", 1,
                OPTIONS.now()).reason()).isEqualTo("BackOff");
        assertThat(QuotedEvent.parse("SomeLabel: rpc error: code = Unknown", 1, OPTIONS.now()))
                .as("only a pull's waiting reasons carry a pull's message").isNull();
    }

    /** pangeo-cloud-federation#523: JupyterHub's spawn event log names the pod by its placement. */
    @Test
    void aSpawnEventLogIsThePodsEvents() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Event log
                2020-02-04 17:53:11+00:00 [Normal] Successfully assigned icesat2-staging/jupyter-cg to ip-192-168-152-93.us-west-2.compute.internal
                2020-02-04 17:53:13+00:00 [Normal] Container image "pangeo/pangeo-notebook:latest" already present on machine
                2020-02-04 17:53:13+00:00 [Normal] Started container notebook
                2020-02-04 17:53:15+00:00 [Warning] Back-off restarting failed container
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        assertThat(records).map(r -> (KubeEvent) r.value()).extracting(KubeEvent::getReason)
                .containsExactly("Scheduled", "Pulled", "Started", "BackOff");
        assertThat(records).map(r -> ((KubeEvent) r.value()).getInvolvedObject().getName()).containsOnly("jupyter-cg");
        assertThat(records).map(r -> ((KubeEvent) r.value()).getInvolvedObject().getNamespace())
                .containsOnly("icesat2-staging");
    }

    /**
     * Batch 7's quoted messages: a console's CrashLoopBackOff state (cos-gpu-installer#45), a mount failure with the
     * reporter's elision (Primus-SaFE#730), the scheduler's DRA words alone (modelplane#306), a row in Markdown
     * italics (compliantkubernetes-kubespray#133).
     */
    @Test
    void messagesAsConsolesAndReportersShowThem() {
        EventsTable.Row backOff = QuotedEvent.parse("Back-off 20s restarting failed container=nvidia-driver-installer "
                + "pod=nvidia-driver-installer-z7ht8_kube-system(b362cd39): CrashLoopBackOff", 1, OPTIONS.now());
        assertThat(backOff.reason()).isEqualTo("BackOff");
        assertThat(QuotedEvent.parse("MountVolume.MountDevice failed ... driver name rbd.csi.ceph.com not found", 1,
                OPTIONS.now()).reason()).isEqualTo("FailedMount");
        assertThat(QuotedEvent.parse("cannot allocate all claims", 1, OPTIONS.now()).reason())
                .isEqualTo("FailedScheduling");

        List<Recorded> records = Recordings.read("paste.txt", "_FailedMount  9m25s (x461 over 15h)  kubelet  "
                + "MountVolume.MountDevice failed for volume \"pvc-9e7e\" : kubernetes.io/csi: attacher.MountDevice "
                + "failed to create newCsiDriverClient: driver name rook-ceph.rbd.csi.ceph.com not found in the list of "
                + "registered CSI drivers_\n", OPTIONS, rejections::add);
        assertThat(records).hasSize(1);
        assertThat(((KubeEvent) records.get(0).value()).getMessage()).endsWith("registered CSI drivers");
    }

    /** eidf#26: kubectl's report of the API server refusing the object it creates is the refusal a controller records. */
    @Test
    void kubectlsCreateRefused() {
        EventsTable.Row row = QuotedEvent.parse("Error from server (Forbidden): error when creating \"test_NBody.yml\": "
                + "admission webhook \"validation.gatekeeper.sh\" denied the request: [userpodlimits] container "
                + "<cudasample> has no cpu limit", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FailedCreate");
        assertThat(row.message()).startsWith("Error creating: admission webhook \"validation.gatekeeper.sh\" denied");
    }

    /** SageMaker HyperPod docs: a scheduler's verdict quoted over three lines, each broken after a reason's comma. */
    @Test
    void aVerdictWrappedAfterItsCommas() {
        List<Recorded> records = Recordings.read("paste.txt", "```\n0/15 nodes are available: 10 node(s) didn't match "
                + "Pod's node affinity/selector, \n5 Insufficient nvidia.com/gpu. preemption: 0/15 nodes are available: \n"
                + "10 Preemption is not helpful for scheduling, 5 No preemption victims found for incoming pod.\n```\n",
                OPTIONS, rejections::add);
        assertThat(records).singleElement().satisfies(r -> assertThat(((KubeEvent) r.value()).getMessage())
                .isEqualTo("0/15 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 5 "
                        + "Insufficient nvidia.com/gpu. preemption: 0/15 nodes are available: 10 Preemption is not "
                        + "helpful for scheduling, 5 No preemption victims found for incoming pod."));
    }

    /** ignius taint workout: applying a pod before its namespace exists is the user's order of commands, no refusal. */
    @Test
    void kubectlsCreateIntoAMissingNamespaceIsNoRefusal() {
        assertThat(QuotedEvent.parse("Error from server (NotFound): error when creating \"taint-test-pod.yml\": "
                + "namespaces \"tat-ns\" not found", 1, OPTIONS.now())).isNull();
        assertThat(QuotedEvent.parse("Error from server (AlreadyExists): error when creating \"pod.yml\": pods "
                + "\"nginx\" already exists", 1, OPTIONS.now())).isNull();
    }

    /** withings-sync#248: a message quoted alone in a code span. */
    @Test
    void aMessageInACodeSpan() {
        List<Recorded> records = Recordings.read("paste.txt", "`Multi-Attach error for volume \"pvc-1\" Volume is "
                + "already used by pod(s) bootstrap-withings-sync`\n", OPTIONS, rejections::add);
        assertThat(records).hasSize(1);
        assertThat(((KubeEvent) records.get(0).value()).getReason()).isEqualTo("FailedAttachVolume");
    }

    /** kubernetes#124345: the kubelet's klog line of an event it recorded; a redacted object stays unnamed. */
    @Test
    void aLoggedEvent() {
        List<Recorded> records = Recordings.read("paste.txt", "I0129 05:42:59.060605 3736781 event.go:294] \"Event "
                + "occurred\" object=\"gpu/trainer-0\" kind=\"Pod\" apiVersion=\"v1\" type=\"Warning\" "
                + "reason=\"UnexpectedAdmissionError\" message=\"Allocate failed due to requested number of devices "
                + "unavailable for nvidia.com/gpu. Requested: 4, Available: 0, which is unexpected\"\n", OPTIONS,
                rejections::add);
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getReason()).isEqualTo("UnexpectedAdmissionError");
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("gpu");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("trainer-0");
        assertThat(event.getMessage()).startsWith("Allocate failed due to requested number of devices");
    }

    /**
     * A controller's status quoting the API server's refusal of its pod (fraud-detection#73), the event recorder's
     * {@code (combined from similar events): } (calico#7171), a mount message cut before {@code SetUp} (swiss-army-kube#67).
     */
    @Test
    void refusalsAndCutMessagesInOtherWords() {
        EventsTable.Row forbidden = QuotedEvent.parse("  reason: 'pods \"my-cluster-head-9xmvs\" is forbidden: exceeded "
                + "quota: compute-deploy,", 1, OPTIONS.now());
        assertThat(forbidden.reason()).isEqualTo("FailedCreate");
        assertThat(forbidden.message()).isEqualTo("Error creating: pods \"my-cluster-head-9xmvs\" is forbidden: exceeded "
                + "quota: compute-deploy,");
        assertThat(QuotedEvent.parse("(combined from similar events): Failed to create pod sandbox: rpc error: code = "
                + "Unknown desc = failed to setup network", 1, OPTIONS.now()).reason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(QuotedEvent.parse("SetUp failed for volume \"minio\" : secret \"minio\" not found", 1,
                OPTIONS.now()).reason()).isEqualTo("FailedMount");
    }

    /**
     * volcano#711: client-go's event recorder logs each event it records, here inside an operator's JSON log line (its
     * {@code msg}, escaped); the same line in plain klog.
     */
    @Test
    void anEventRecordersLogLine() {
        KubeEvent event = onlyEvent("the operator's log:\n{\"filename\":\"record/event.go:221\",\"level\":\"info\",\"msg\":\"Event("
                + "v1.ObjectReference{Kind:\\\"TFJob\\\", Namespace:\\\"aios\\\", Name:\\\"train-task-27\\\", "
                + "APIVersion:\\\"kubeflow.org/v1\\\", FieldPath:\\\"\\\"}): type: 'Warning' reason: 'FailedCreatePod' "
                + "Error creating: admission webhook \\\"validatepod.volcano.sh\\\" denied the request: failed to get "
                + "PodGroup for pod \\u003caios/train-task-27-evaluator-0\\u003e\",\"time\":\"2024-05-02T13:33:18Z\"}\n");
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("TFJob");
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("aios");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("train-task-27");
        assertThat(event.getReason()).isEqualTo("FailedCreatePod");
        assertThat(event.getMessage()).isEqualTo("Error creating: admission webhook \"validatepod.volcano.sh\" denied "
                + "the request: failed to get PodGroup for pod <aios/train-task-27-evaluator-0>");
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2024-05-02T13:33:18Z"));
        rejections.clear();
        KubeEvent klog = onlyEvent("I0502 13:40:00.000000       1 event.go:281] Event(v1.ObjectReference{Kind:\"Pod\", "
                + "Namespace:\"ml\", Name:\"trainer-0\", UID:\"1a\"}): type: 'Warning' reason: 'FailedScheduling' 0/3 "
                + "nodes are available: 3 Insufficient nvidia.com/gpu.\n");
        assertThat(klog.getInvolvedObject().getName()).isEqualTo("trainer-0");
        assertThat(klog.getReason()).isEqualTo("FailedScheduling");
    }

    /**
     * ai-on-eks#112 (shape): Karpenter's provisioner log of a pod it cannot place, cut inside its error string, is the
     * pod's FailedScheduling verdict from Karpenter; another JSON log line is read by its message.
     */
    @Test
    void aProvisionersStructuredLogLine() {
        KubeEvent event = onlyEvent("Pods are not scheduled\n{\"level\":\"ERROR\",\"time\":\"2024-05-02T13:54:20.657Z\",\"message\":\"could "
                + "not schedule pod\",\"controller\":\"provisioner\",\"namespace\":\"\",\"name\":\"\",\"Pod\":{\"name\":"
                + "\"vllm-head-xszk2\",\"namespace\":\"vllm\"},\"error\":\"incompatible with nodepool \\\"cpu\\\", "
                + "incompatible requirements, label \\\"workload\\\" does not have known values; incompatible with "
                + "nodepool \\\"inf2\\\", did not tolerate aws.amazon.com/neuron=\n");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("vllm-head-xszk2");
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("vllm");
        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getReportingComponent()).isEqualTo("karpenter");
        assertThat(event.getMessage()).startsWith("Failed to schedule pod, incompatible with nodepool \"cpu\", "
                + "incompatible requirements, label \"workload\" does not have known values;");
        assertThat(event.getLastTimestamp()).as("whole seconds, as ages are").isEqualTo(Instant.parse("2024-05-02T13:54:21Z"));
        rejections.clear();
        assertThat(onlyEvent("the log:\n{\"level\":\"info\",\"msg\":\"Back-off restarting failed container app in pod "
                + "web-0_shop(1a2b)\"}\n").getReason()).isEqualTo("BackOff");
        assertThat(Recordings.read("paste.txt", "the log:\n{\"level\":\"info\",\"msg\":\"reconciled\"}\n", OPTIONS,
                rejections::add)).isEmpty();
    }

    /** longhorn#12804: one clause of the scheduler's verdict quoted in a sentence, without its count in front. */
    @Test
    void aVerdictsClauseQuotedInASentence() {
        EventsTable.Row row = QuotedEvent.parse("The pod gets stuck in `Pending` state due to `1 node(s) had untolerated "
                + "taint {node-role.kubernetes.io/etcd: }`. ", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FailedScheduling");
        assertThat(row.message()).startsWith("1 node(s) had untolerated taint {node-role.kubernetes.io/etcd: }");
        assertThat(QuotedEvent.parse("the 2/3 node(s) had to be drained", 1, OPTIONS.now())).as("not a count of nodes")
                .isNull();
    }

    /**
     * k8s-device-plugin#189: the NVIDIA device plugin's health check in its log (Go's log timestamp) is about the node
     * it runs on; data-on-eks#589: Karpenter's verdict quoted alone.
     */
    @Test
    void aDevicePluginsHealthLogAndKarpentersVerdictAlone() {
        List<Recorded> records = Recordings.read("paste.txt", "2020/08/10 19:09:42 XidCriticalError: Xid=79 on "
                + "Device=GPU-7540a9b3, the device will go unhealthy.\n2020/08/10 19:09:42 'nvidia.com/gpu' device marked "
                + "unhealthy: GPU-7540a9b3\n", OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getReason())
                .containsExactlyInAnyOrder("XidCriticalError", "DeviceUnhealthy");
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getInvolvedObject().getKind()).containsOnly("Node");
        EventsTable.Row karpenter = QuotedEvent.parse("Failed to schedule pod, incompatible with nodepool \"cpu\", "
                + "daemonset overhead={\"cpu\":\"210m\"}", 1, OPTIONS.now());
        assertThat(karpenter.reason()).isEqualTo("FailedScheduling");
        assertThat(karpenter.from()).isEqualTo("karpenter");
    }

    /**
     * nvcf#40: the kubelet's pull failure with kubectl 1.34's field-path prefix, broken by the reporter after its
     * clauses over several lines: one event, its message joined, the container its field path.
     */
    @Test
    void aFieldPathPrefixedMessageBrokenOverLines() {
        List<Recorded> records = Recordings.read("paste.txt", """
                spec.containers{openbao}: Failed to pull image "nvcr.io/nvidia/nvcf/openbao:2.5":
                failed to pull and unpack image "nvcr.io/nvidia/nvcf/openbao:2.5":
                failed to authorize: failed to fetch anonymous token: unexpected status from GET request
                to https://nvcr.io/proxy_auth?scope=repository%3Anvidia%2Fnvcf%2Fopenbao%3Apull: 403 Forbidden

                Not part of it.
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).hasSize(1);
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getReason()).isEqualTo("Failed");
        assertThat(event.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{openbao}");
        assertThat(event.getMessage()).startsWith("Failed to pull image \"nvcr.io/nvidia/nvcf/openbao:2.5\": failed to pull")
                .contains("failed to fetch anonymous token").endsWith(": 403 Forbidden");
    }

    /** spark-operator#295: the kubelet's eviction message after a tool's lead is the eviction. */
    @Test
    void anEvictionMessageAfterAToolsLead() {
        EventsTable.Row row = QuotedEvent.parse("The API gave the following message: The node was low on resource: "
                + "ephemeral-storage. Container spark-kubernetes-executor was using 107260Ki, which exceeds its request "
                + "of 0. ", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("Evicted");
        assertThat(row.message()).startsWith("The node was low on resource: ephemeral-storage.");
    }

    /**
     * A row whose columns before the message are not kubectl's: a web console's type and reason words (learn-katacoda
     * #113), a reason and two tabs (kubernetes#51096), type, reason and source without an age (bitnami-docker-magento
     * #74). The message after a column gap is read when it is one Kubernetes writes; the aggregator's prefix says the
     * event came more than ten times, a trailing {@code (x7)} how many.
     */
    @Test
    void aRowOfOtherColumnsBeforeAKnownMessage() {
        EventsTable.Row binding = QuotedEvent.parse("  Normal  Failed binding  no persistent volumes available for this "
                + "claim and no storage class is set", 1, OPTIONS.now());
        assertThat(binding.reason()).isEqualTo("FailedBinding");
        EventsTable.Row tabbed = QuotedEvent.parse("Unhealthy\t\tReadiness probe failed: Get http://10.24.1.33:80/: "
                + "net/http: request canceled (Client.Timeout exceeded while awaiting headers)", 1, OPTIONS.now());
        assertThat(tabbed.reason()).isEqualTo("Unhealthy");
        assertThat(tabbed.message()).startsWith("Readiness probe failed: Get http://10.24.1.33:80/");
        EventsTable.Row combined = QuotedEvent.parse("Warning   Unhealthy   kubelet, aks-nodepool1-23247397-2   (combined "
                + "from similar events): Readiness probe failed: Get http://127.0.0.1/index.php: dial tcp 127.0.0.1:80: "
                + "getsockopt: connection refused", 1, OPTIONS.now());
        assertThat(combined.reason()).isEqualTo("Unhealthy");
        assertThat(combined.message()).startsWith("Readiness probe failed:");
        assertThat(combined.count()).isEqualTo("11");
        assertThat(QuotedEvent.parse("Back-off restarting failed container (x7)", 1, OPTIONS.now()).count())
                .isEqualTo("7");
        assertThat(QuotedEvent.parse("(combined from similar events): Back-off restarting failed container (x3)", 1,
                OPTIONS.now()).count()).as("a printed count is the combined event's own").isEqualTo("3");
        assertThat(QuotedEvent.parse("We saw it  in the logs  twice", 1, OPTIONS.now())).isNull();
    }

    /**
     * actual-chat#3034: a whole message in double quotes that holds quotes of its own (an exec probe's command), with
     * the aggregator's prefix; azure-aci#612: a virtual kubelet's start failure between backticks.
     */
    @Test
    void aWholeMessageInQuotesThatHoldQuotesOfTheirOwn() {
        EventsTable.Row probe = QuotedEvent.parse("\"(combined from similar events): Liveness probe errored: rpc error: "
                + "code = Unknown desc = failed to exec in container: exec: \"/usr/bin/curl -f -s http://localhost:54323/"
                + "processes\": stat /usr/bin/curl: no such file or directory: unknown\"", 1, OPTIONS.now());
        assertThat(probe.reason()).isEqualTo("Unhealthy");
        assertThat(probe.count()).isEqualTo("11");
        assertThat(probe.message()).startsWith("Liveness probe errored:").endsWith("unknown");
        EventsTable.Row start = QuotedEvent.parse("`Error: Failed to start container busybox, Error response: to create "
                + "containerd task: failed to create shim task: exec: \"sh\": executable file not found in $PATH: unknown`",
                1, OPTIONS.now());
        assertThat(start.reason()).isEqualTo("Failed");
        assertThat(start.message()).startsWith("Error: Failed to start container busybox,");
    }

    /** redis-operator#3: an operator's log line with logfmt keys after the message; the namespace key says where. */
    @Test
    void anOperatorsLogLineWithLogfmtKeys() {
        EventsTable.Row row = QuotedEvent.parse("> Could not create bootstrap pod: pods \"rfb-redis\" is forbidden: "
                + "failed quota: default: must specify limits.cpu,limits.memory namespace=examples redisfailover=redis "
                + "src=\"controller.go:154\"", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FailedCreate");
        assertThat(row.namespace()).isEqualTo("examples");
        assertThat(row.message()).isEqualTo("Error creating: pods \"rfb-redis\" is forbidden: failed quota: default: "
                + "must specify limits.cpu,limits.memory");
        assertThat(QuotedEvent.parse("Back-off 40s restarting failed container=app pod=web-0_shop(1a2b)", 1,
                OPTIONS.now()).message()).as("keys of the message itself stay").endsWith("pod=web-0_shop(1a2b)");
    }

    /**
     * autoscaler#929: the cluster autoscaler's log of a template node that does not fit the pod is its
     * NotTriggerScaleUp, about the pod it names, in the log's words.
     */
    @Test
    void theAutoscalersPredicateLog() {
        EventsTable.Row row = QuotedEvent.parse("I0605 11:27:30.005163       1 scale_up.go:146] Scale-up predicate "
                + "failed: PodFitsResources predicate mismatch, cannot put default/simple-gpu-test-6f48d9555d-l9822 on "
                + "template-node-for-gpus.ci.k8s.local-5829202798403814789, reason: Insufficient nvidia.com/gpu", 1,
                OPTIONS.now());
        assertThat(row.reason()).isEqualTo("NotTriggerScaleUp");
        assertThat(row.namespace()).isEqualTo("default");
        assertThat(row.object()).isEqualTo("pod/simple-gpu-test-6f48d9555d-l9822");
        assertThat(row.message()).startsWith("Scale-up predicate failed:").endsWith("reason: Insufficient nvidia.com/gpu");
    }

    /**
     * nvcf#40: a message quoted without a time beside a row that has one is a copy of what the row shows: as old as
     * the row (46 minutes), not as new as the paste.
     */
    @Test
    void anUndatedQuoteBesideARowIsAsOldAsTheRow() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Failed to pull image "nvcr.io/nvidia/nvcf/openbao:2.5": failed to authorize: 403 Forbidden
                  Warning  Failed     46m (x3 over 47m)      kubelet            spec.containers{openbao}: Error: ErrImagePull
                """, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getLastTimestamp())
                .containsOnly(OPTIONS.now().minusSeconds(46 * 60));
    }

    /** kubriX#1825: Testkube's workflow log prints an event as its reason in parentheses, then the message. */
    @Test
    void aReasonInParenthesesBeforeTheMessage() {
        EventsTable.Row row = QuotedEvent.parse("(Failed) Failed to pull image \"mcr.microsoft.com/playwright:v1.57.0\": "
                + "failed to extract layer sha256:ba31: write /var/lib/containerd/x: no space left on device: unknown", 1,
                OPTIONS.now());
        assertThat(row.reason()).isEqualTo("Failed");
        assertThat(row.message()).startsWith("Failed to pull image \"mcr.microsoft.com/playwright:v1.57.0\"");
        assertThat(QuotedEvent.parse("(Note) this is prose", 1, OPTIONS.now())).isNull();
    }

    /**
     * gofabric8#315: OpenShift's web console words an event's reason for people ({@code Failed sync}) and a copy of its
     * row puts a tab before the message: the message is the kubelet's, whatever label is in front of it.
     */
    @Test
    void aConsolesWordedReasonBeforeATab() {
        EventsTable.Row row = QuotedEvent.parse("Failed sync \tError syncing pod, skipping: [failed to \"InitContainer\" "
                + "for \"init\" with RunInitContainerError: \"init container \\\"init\\\" exited with 1\" ]", 1,
                OPTIONS.now());
        assertThat(row.reason()).isEqualTo("FailedSync");
        assertThat(row.message()).startsWith("Error syncing pod, skipping: [failed to \"InitContainer\"");
        assertThat(QuotedEvent.parse("Note \tthis is prose", 1, OPTIONS.now())).isNull();
    }

    /**
     * xiaodongq's kubeadm notes: containerd's journal line about a pull that failed is the error the kubelet's Failed
     * event carries, at the line's own time.
     */
    @Test
    void containerdsLogOfAFailedPull() {
        EventsTable.Row row = QuotedEvent.parse("Jul 20 22:31:54 xdlinux containerd[12607]: "
                + "time=\"2025-07-20T22:31:54.295953417+08:00\" level=error msg=\"PullImage \\\"docker.io/calico/cni:v3.27.0\\\" "
                + "failed\" error=\"rpc error: code = DeadlineExceeded desc = failed to pull and unpack image "
                + "\\\"docker.io/calico/cni:v3.27.0\\\": failed to resolve image: dial tcp [2a03:2880::25de]:443: i/o timeout\"",
                1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("Failed");
        assertThat(row.message()).isEqualTo("Failed to pull image \"docker.io/calico/cni:v3.27.0\": rpc error: code = "
                + "DeadlineExceeded desc = failed to pull and unpack image \"docker.io/calico/cni:v3.27.0\": failed to "
                + "resolve image: dial tcp [2a03:2880::25de]:443: i/o timeout");
    }

    /**
     * containerd in a terminal (k3s's own log) prints logrus's text layout, the level's four letters and the time in
     * brackets, the message unquoted: the same failure as its journal's logfmt line.
     */
    @Test
    void containerdsTerminalLineOfAFailedSandbox() {
        EventsTable.Row sandbox = QuotedEvent.parse("ERRO[2024-11-05T10:02:41.518003120Z] RunPodSandbox for "
                + "&PodSandboxMetadata{Name:edge-agent-7x2kq,Uid:0d8f2c44-5a1e-4b7e-9c3d-6e2f1a0b9c8d,Namespace:fleet,"
                + "Attempt:0,} failed, error  error=\"failed to start sandbox container: failed to create containerd task: "
                + "OCI runtime create failed: container_linux.go:345: starting container process caused \\\"process_linux"
                + ".go:303: getting the final child's pid from pipe caused \\\\\\\"EOF\\\\\\\"\\\": unknown\"", 1, OPTIONS.now());
        assertThat(sandbox.reason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.namespace()).isEqualTo("fleet");
        assertThat(sandbox.object()).isEqualTo("pod/edge-agent-7x2kq");
        assertThat(sandbox.message()).isEqualTo("Failed to create pod sandbox: failed to start sandbox container: failed "
                + "to create containerd task: OCI runtime create failed: container_linux.go:345: starting container "
                + "process caused \"process_linux.go:303: getting the final child's pid from pipe caused \\\"EOF\\\"\": "
                + "unknown");
        assertThat(QuotedEvent.parse("INFO[2024-11-05T10:02:40.001Z] RunPodSandbox for &PodSandboxMetadata{"
                + "Name:edge-agent-7x2kq,Namespace:fleet,Attempt:0,}", 1, OPTIONS.now())).isNull();
    }

    /** The kubelet's refusal of an image reference it cannot parse, quoted alone: its InspectFailed event. */
    @Test
    void anImageReferenceTheKubeletCannotParseQuotedAlone() {
        EventsTable.Row row = QuotedEvent.parse("Failed to apply default image tag \"registry.example.com/Team/app:1.2\": "
                + "couldn't parse image reference \"registry.example.com/Team/app:1.2\": invalid reference format: "
                + "repository name must be lowercase", 1, OPTIONS.now());
        assertThat(row.reason()).isEqualTo("InspectFailed");
        assertThat(row.type()).isEqualTo("Warning");
    }

    /**
     * containerd's journal lines about a sandbox it could not make (naming the pod in its metadata) and a container it
     * could not start (naming none): the pod's FailedCreatePodSandBox and the kubelet's {@code Error: } of the start.
     */
    @Test
    void containerdsLogOfAFailedSandboxAndContainerStart() {
        EventsTable.Row sandbox = QuotedEvent.parse("Mar 03 09:14:27 gpu-7 containerd[912]: "
                + "time=\"2025-03-03T09:14:27.118402911Z\" level=error msg=\"RunPodSandbox for &PodSandboxMetadata{"
                + "Name:triton-0,Uid:5b0e7c1a-22d4-4c5e-9a57-0d0c7f3e2a11,Namespace:inference,Attempt:0,} failed, error\" "
                + "error=\"failed to setup network for sandbox \\\"7f3a\\\": plugin type=\\\"calico\\\" failed (add): "
                + "error getting ClusterInformation: connection is unauthorized: Unauthorized\"", 1, OPTIONS.now());
        assertThat(sandbox.reason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.namespace()).isEqualTo("inference");
        assertThat(sandbox.object()).isEqualTo("pod/triton-0");
        assertThat(sandbox.message()).isEqualTo("Failed to create pod sandbox: failed to setup network for sandbox "
                + "\"7f3a\": plugin type=\"calico\" failed (add): error getting ClusterInformation: connection is "
                + "unauthorized: Unauthorized");
        EventsTable.Row start = QuotedEvent.parse("time=\"2025-03-03T09:20:01Z\" level=error msg=\"StartContainer for "
                + "\\\"c0ffee12\\\" failed\" error=\"failed to create containerd task: failed to create shim task: OCI "
                + "runtime create failed: runc create failed: unable to start container process: error during container "
                + "init: error running hook #0: error running hook: exit status 1, stdout: , stderr: Auto-detected mode as "
                + "'legacy'\\nnvidia-container-cli: initialization error: driver not loaded: unknown\"", 1, OPTIONS.now());
        assertThat(start.reason()).isEqualTo("Failed");
        assertThat(start.object()).isNull();
        assertThat(start.message()).startsWith("Error: failed to create containerd task: failed to create shim task: "
                + "OCI runtime create failed:").contains("nvidia-container-cli: initialization error: driver not loaded");
    }

    /**
     * A log analytics tool's CSV export of events (Azure Monitor's, in the portal's US time format; ISO times as other
     * tools export them): the message says which event, the row its time and count; a line of prose with commas is none.
     */
    @Test
    void anEventExportedAsACsvRow() {
        Instant now = Instant.parse("2023-03-22T06:20:00Z");
        EventsTable.Row portal = CsvEventRow.parse("\"3/22/2023, 6:18:35.926 AM\",PodUnhealthy,595,\"Readiness probe "
                + "failed: stat: cannot statx '/ready': No such file or directory\"", 1, now);
        assertThat(portal.reason()).isEqualTo("Unhealthy");
        assertThat(portal.age()).isEqualTo("84s");
        assertThat(portal.count()).isEqualTo("595");
        assertThat(portal.message()).startsWith("Readiness probe failed: stat:");
        EventsTable.Row iso = CsvEventRow.parse("2023-03-22 06:10:00,Warning,FailedScheduling,\"0/4 nodes are available: "
                + "4 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: 4 No preemption victims found for "
                + "incoming pod.\",12", 1, now);
        assertThat(iso.reason()).isEqualTo("FailedScheduling");
        assertThat(iso.age()).isEqualTo("600s");
        assertThat(iso.count()).isEqualTo("12");
        assertThat(CsvEventRow.parse("\"Back-off restarting failed container\", then it restarted, twice", 1, now))
                .isNull();
    }

    /**
     * dandi-hub#129: a tool's print of Karpenter's nomination (a NodeClaim on its way for the pod) and
     * cluster-autoscaler's scale-up for it: the Nominated and TriggeredScaleUp events that hold a Pending pod's
     * capacity and placement verdicts for the node's arrival.
     */
    @Test
    void aNodeOnItsWayForThePod() {
        EventsTable.Row nominated = QuotedEvent.parse("2024-03-26T15:15:17Z [Normal] Pod should schedule on: "
                + "nodeclaim/default-55cwr", 1, OPTIONS.now());
        assertThat(nominated.reason()).isEqualTo("Nominated");
        assertThat(nominated.from()).isEqualTo("karpenter");
        assertThat(nominated.message()).isEqualTo("Pod should schedule on: nodeclaim/default-55cwr");
        EventsTable.Row triggered = QuotedEvent.parse("pod triggered scale-up: [{eks-gpu-g5-2xlarge 0->1 (max: 4)}]", 1,
                OPTIONS.now());
        assertThat(triggered.reason()).isEqualTo("TriggeredScaleUp");
        assertThat(triggered.from()).isEqualTo("cluster-autoscaler");
    }

    /**
     * The NVIDIA driver's Xid in a node's journal (its host named) and in a dmesg print (no host): the node event Node
     * Problem Detector's kernel monitor records for it.
     */
    @Test
    void theDriversXidInTheKernelLog() {
        EventsTable.Row journal = QuotedEvent.parse("Mar 14 10:02:11 gpu-node-7 kernel: NVRM: Xid (PCI:0000:3b:00): 79, "
                + "pid=0, GPU has fallen off the bus.", 1, OPTIONS.now());
        assertThat(journal.reason()).isEqualTo("NVRMXid");
        assertThat(journal.object()).isEqualTo("node/gpu-node-7");
        assertThat(journal.message()).isEqualTo("NVRM: Xid (PCI:0000:3b:00): 79, pid=0, GPU has fallen off the bus.");
        EventsTable.Row dmesg = QuotedEvent.parse("[Thu Mar 14 10:02:11 2025] NVRM: Xid (PCI:0000:3b:00): 48, pid=2211, "
                + "An uncorrectable double bit error (DBE) has been detected on GPU in the framebuffer", 1, OPTIONS.now());
        assertThat(dmesg.object()).isEqualTo("node/" + Unnamed.NODE);
        assertThat(QuotedEvent.parse("NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.104.05", 1, OPTIONS.now()))
                .isNull();
    }

    /** thomaszachmann's field notes: the kubelet's Killing message alone, a container its startup probe failed. */
    @Test
    void theKillOfAContainerItsProbeFailed() {
        EventsTable.Row kill = QuotedEvent.parse("Container keycloak-operator failed startup probe, will be restarted", 1,
                OPTIONS.now());
        assertThat(kill.reason()).isEqualTo("Killing");
        assertThat(kill.type()).isEqualTo("Normal");
        assertThat(QuotedEvent.parse("The container failed its startup probe, so it will be restarted", 1, OPTIONS.now()))
                .isNull();
    }

    /** nebari#1200: an Events row copied out of a terminal UI (k9s) with its box borders. */
    @Test
    void aRowBetweenATerminalUisBoxBorders() {
        KubeEvent event = onlyEvent("\u2502   Warning  FailedMount  28s (x15 over 14m)   kubelet"
                + "            MountVolume.SetUp failed for volume \"nvidia\" : hostPath type check failed: "
                + "/home/kubernetes/bin/nvidia is not a directory \u2502\n");
        assertThat(event.getReason()).isEqualTo("FailedMount");
        assertThat(event.getCount()).isEqualTo(15);
        assertThat(event.getMessage()).endsWith("/home/kubernetes/bin/nvidia is not a directory");
    }

    /**
     * kubernetes-arm#5: a dashboard's three-line print of an event, the pod as {@code namespace:pod} above its reason and
     * the scheduler's verdict: that pod's, in that namespace; an image's {@code name:tag} alone names no pod.
     */
    @Test
    void aNamespaceColonPodLineNamesTheVerdictsPod() {
        KubeEvent event = onlyEvent("""
                kube-system:svclb-traefik-ingress-6p2m2
                FailedScheduling
                0/5 nodes are available: 4 node(s) didn't have free ports for the requested pod ports.
                """);
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("kube-system");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("svclb-traefik-ingress-6p2m2");
        rejections.clear();
        assertThat(onlyEvent("""
                nginx:latest
                0/5 nodes are available: 4 node(s) didn't have free ports for the requested pod ports.
                """).getInvolvedObject().getName()).isEqualTo(DescribePod.UNNAMED_POD);
    }

    /**
     * The kubelet's structured log lines (klog, 1.20+) for a pod's failures are the events it records for them: a
     * pull's error with its image (flatcar/mantle#482's journal line, behind grep's file:line prefix), a sync error
     * naming the pod, and the pre-1.20 sync error naming it as {@code name_namespace(uid)}.
     */
    @Test
    void kubeletLogLinesAreTheEventsItRecords() {
        KubeEvent pull = onlyEvent("""
                ./_kola_temp/journal.txt:2197:Nov  9 23:25:13.213761 kubelet[2155]: E1109 23:25:13.213543    2155 kuberuntime_image.go:53] "Failed to pull image" err="rpc error: code = Unknown desc = failed to pull and unpack image \\"quay.io/cilium/cilium@sha256:06ce\\": failed to extract layer sha256:e740: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/51/fs/usr/bin/cilium: no space left on device: unknown" image="quay.io/cilium/cilium:v1.12.5"
                """);
        assertThat(pull.getReason()).isEqualTo("Failed");
        assertThat(pull.getReportingComponent()).isEqualTo("kubelet");
        assertThat(pull.getMessage()).isEqualTo("Failed to pull image \"quay.io/cilium/cilium:v1.12.5\": rpc error: code "
                + "= Unknown desc = failed to pull and unpack image \"quay.io/cilium/cilium@sha256:06ce\": failed to "
                + "extract layer sha256:e740: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/51"
                + "/fs/usr/bin/cilium: no space left on device: unknown");

        KubeEvent sync = onlyEvent("""
                Mar 01 10:08:15 gpu-node-3 kubelet[1234]: E0301 10:08:15.176066    1234 pod_workers.go:951] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"triton\\" with ErrImagePull: \\"rpc error: code = NotFound desc = manifest unknown\\"" pod="inference/triton-6d4cf56db6-x7k2p" podUID=6b5c1f2e-0d7a-4c4e-9a35-1f0c2b7d9e11
                """);
        assertThat(sync.getReason()).isEqualTo("FailedSync");
        assertThat(sync.getReportingInstance()).isEqualTo("gpu-node-3");
        assertThat(sync.getInvolvedObject().getNamespace()).isEqualTo("inference");
        assertThat(sync.getInvolvedObject().getName()).isEqualTo("triton-6d4cf56db6-x7k2p");
        assertThat(sync.getMessage()).isEqualTo("Error syncing pod, skipping: failed to \"StartContainer\" for "
                + "\"triton\" with ErrImagePull: \"rpc error: code = NotFound desc = manifest unknown\"");

        KubeEvent legacy = onlyEvent("""
                E0515 08:01:02.123456    4321 pod_workers.go:186] Error syncing pod 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b ("vllm-0_llm(0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)"), skipping: failed to "StartContainer" for "vllm" with RunContainerError: "nvidia-container-cli: initialization error: driver not loaded"
                """);
        assertThat(legacy.getReason()).isEqualTo("FailedSync");
        assertThat(legacy.getInvolvedObject().getNamespace()).isEqualTo("llm");
        assertThat(legacy.getInvolvedObject().getName()).isEqualTo("vllm-0");
        assertThat(legacy.getMessage()).startsWith("Error syncing pod, skipping: failed to \"StartContainer\"");

        KubeEvent probe = onlyEvent("""
                May 04 13:55:19 ip-10-0-3-7.ec2.internal kubelet[8013]: I0504 13:55:19.176891    8013 prober.go:116] "Probe failed" probeType="Readiness" pod="dev/model-00002-deployment-646c6f69f4-2nst8" podUID=9ccf3f86-feaa-48ce-9eb8-21031c69f541 containerName="queue-proxy" probeResult=failure output="HTTP probe failed with statuscode: 503"
                """);
        assertThat(probe.getReason()).isEqualTo("Unhealthy");
        assertThat(probe.getMessage()).isEqualTo("Readiness probe failed: HTTP probe failed with statuscode: 503");
        assertThat(probe.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{queue-proxy}");
        assertThat(probe.getInvolvedObject().getName()).isEqualTo("model-00002-deployment-646c6f69f4-2nst8");
        assertThat(probe.getReportingInstance()).isEqualTo("ip-10-0-3-7.ec2.internal");

        // the restart the kubelet decides after the probe's third failure, logged with the Killing event's message
        KubeEvent killing = onlyEvent("""
                May 16 18:34:49 aks-nodepool1-29985679-vmss00000a kubelet[4052]: I0516 18:34:49.885576    4052 kuberuntime_manager.go:1027] "Message for Container of pod" containerName="liveness" containerStatusID={"Type":"containerd","ID":"05657a9c"} pod="default/liveness-exec" containerMessage="Container liveness failed liveness probe, will be restarted"
                """);
        assertThat(killing.getReason()).isEqualTo("Killing");
        assertThat(killing.getMessage()).isEqualTo("Container liveness failed liveness probe, will be restarted");
        assertThat(killing.getInvolvedObject().getName()).isEqualTo("liveness-exec");

        KubeEvent sandbox = onlyEvent("""
                E0921 02:52:10.120000    3049 kuberuntime_manager.go:647] createPodSandbox for pod "triton-0_inference(0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)" failed: rpc error: code = Unknown desc = failed to setup network for sandbox "51b8dd9b": Unauthorized
                """);
        assertThat(sandbox.getReason()).isEqualTo("FailedCreatePodSandBox");
        assertThat(sandbox.getInvolvedObject().getNamespace()).isEqualTo("inference");
        assertThat(sandbox.getMessage()).isEqualTo("Failed to create pod sandbox: rpc error: code = Unknown desc = failed "
                + "to setup network for sandbox \"51b8dd9b\": Unauthorized");

        KubeEvent pulled = onlyEvent("""
                E0522 10:00:01.000000    1234 remote_image.go:238] "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"nvcr.io/nvidia/tritonserver:24.13-py3\\": not found" image="nvcr.io/nvidia/tritonserver:24.13-py3"
                """);
        assertThat(pulled.getReason()).isEqualTo("Failed");
        assertThat(pulled.getMessage()).startsWith("Failed to pull image \"nvcr.io/nvidia/tritonserver:24.13-py3\": rpc error");
    }

    /**
     * Messages quoted alone in the shapes older kubelets, the API and e2e logs print them: the API's plural
     * {@code secrets "x" not found} after {@code Error:} (helm/charts#21763), a reason label {@code Failed:} before the
     * kubelet's own {@code Error:} (kubernetes#65825), a pre-1.10 {@code FailedSync} (kubernetes#54850), and the
     * volume controller's FailedBinding on a claim (pihole-kubernetes#302).
     */
    @Test
    void olderKubeletApiAndControllerMessagesQuotedAlone() {
        KubeEvent secret = onlyEvent(" Error: secrets \"release-name-anchore-engine\" not found\n");
        assertThat(secret.getReason()).isEqualTo("Failed");
        assertThat(secret.getMessage()).isEqualTo("Error: secrets \"release-name-anchore-engine\" not found");

        KubeEvent start = onlyEvent("Failed: Error: failed to start container \"busybox-3\": Error response from daemon: "
                + "OCI runtime create failed: container_linux.go:348: caused \"not a directory\": unknown\n");
        assertThat(start.getReason()).isEqualTo("Failed");
        assertThat(start.getMessage()).startsWith("Error: failed to start container \"busybox-3\"");

        KubeEvent sync = onlyEvent("Error syncing pod, skipping: failed to \"StartContainer\" for \"web\" with ErrImagePull: "
                + "\"rpc error: code = 2 desc = Get http://10.0.0.5:5000/v2/web/manifests/v3: no basic auth credentials\"\n");
        assertThat(sync.getReason()).isEqualTo("FailedSync");
        assertThat(sync.getType()).isEqualTo("Warning");

        KubeEvent binding = onlyEvent("no persistent volumes available for this claim and no storage class is set\n");
        assertThat(binding.getReason()).isEqualTo("FailedBinding");
        assertThat(binding.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
        assertThat(binding.getReportingComponent()).isEqualTo("persistentvolume-controller");
    }

    /**
     * A message between the reporter's quotes (dapr-shared#51), the Google Cloud console's account of an unschedulable
     * pod in Markdown bold (ingress-nginx#4775), and cluster-autoscaler's verdict quoted alone: each the event it is.
     */
    @Test
    void quotedConsoleAndAutoscalerVerdicts() {
        KubeEvent config = onlyEvent("'Error: configmap \"dapr-shared-cm\" not found'\n");
        assertThat(config.getReason()).isEqualTo("Failed");
        assertThat(config.getMessage()).isEqualTo("Error: configmap \"dapr-shared-cm\" not found");
        assertThat(onlyEvent("`Back-off restarting failed container`\n").getReason()).isEqualTo("BackOff");

        KubeEvent console = onlyEvent("**PodUnschedulable**: Cannot schedule pods: node(s) didn't match node selector.\n");
        assertThat(console.getReason()).isEqualTo("FailedScheduling");
        assertThat(console.getMessage()).isEqualTo("node(s) didn't match node selector.");

        KubeEvent scaleUp = onlyEvent("pod didn't trigger scale-up: 1 Insufficient nvidia.com/gpu, 2 node(s) had taint "
                + "{dedicated: system}, that the pod didn't tolerate, 1 max node group size reached\n");
        assertThat(scaleUp.getReason()).isEqualTo("NotTriggerScaleUp");
        assertThat(scaleUp.getReportingComponent()).isEqualTo("cluster-autoscaler");
        assertThat(scaleUp.getMessage()).startsWith("pod didn't trigger scale-up: 1 Insufficient nvidia.com/gpu,");
    }

    /**
     * awx#3894: a whole describe row the reporter put between quotes, its Type column left out, above the describe
     * head naming the pod; with its Type, or between backticks, the same row.
     */
    @Test
    void aWholeRowBetweenQuotes() {
        KubeEvent event = onlyEvent("""
                "FailedScheduling  21s (x15 over 18m)  default-scheduler  pod has unbound immediate PersistentVolumeClaims (repeated 2 times)"
                """);
        assertThat(event.getReason()).isEqualTo("FailedScheduling");
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getCount()).isEqualTo(15);
        assertThat(event.getMessage()).isEqualTo("pod has unbound immediate PersistentVolumeClaims (repeated 2 times)");

        KubeEvent typed = onlyEvent("`Warning  BackOff  3m (x4 over 5m)  kubelet  Back-off restarting failed container`\n");
        assertThat(typed.getReason()).isEqualTo("BackOff");
        assertThat(typed.getMessage()).isEqualTo("Back-off restarting failed container");
    }

    /**
     * StatCan/aaw#1297: the autoscaler's verdict broken by the reporter into one line per reason, GitHub's links around
     * the domain-like names: one event, its reasons back on one line.
     */
    @Test
    void aVerdictBrokenIntoOneLinePerReason() {
        KubeEvent scaleUp = onlyEvent("""
                pod didn't trigger scale-up:
                2 node(s) had taint {[node.example.org/use](http://node.example.org/use): gpu}, that the pod didn't tolerate,
                1 Insufficient memory, 1 Insufficient [nvidia.com/gpu](http://nvidia.com/gpu),
                1 max node group size reached
                """);
        assertThat(scaleUp.getReason()).isEqualTo("NotTriggerScaleUp");
        assertThat(scaleUp.getMessage()).isEqualTo("pod didn't trigger scale-up: 2 node(s) had taint {node.example.org/use: "
                + "gpu}, that the pod didn't tolerate, 1 Insufficient memory, 1 Insufficient nvidia.com/gpu, 1 max node "
                + "group size reached");

        KubeEvent scheduler = onlyEvent("""
                0/3 nodes are available:
                1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
                2 Insufficient nvidia.com/gpu.
                """);
        assertThat(scheduler.getReason()).isEqualTo("FailedScheduling");
        assertThat(scheduler.getMessage()).isEqualTo("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient nvidia.com/gpu.");
    }

    /**
     * hcloud csi-driver#592: a message copied out of a k9s pane from inside it, so its first line has only the pane's
     * right border and the rest, wrapped at the pane's width mid-word, both borders: one message, the wrap undone.
     */
    @Test
    void aMessageCopiedFromInsideATerminalPane() {
        KubeEvent pull = onlyEvent("Failed to pull image \"registry.k8s.io/sig-storage/livenessprobe:v2.9.0\": failed to pull "
                + "and unpack image \"registry.k8s.io/s \u2502\n"
                + "\u2502 ig-storage/livenessprobe:v2.9.0\": failed to resolve reference \"registry.k8s.io/sig-storage/livene"
                + "ssprobe:v2.9.0\": unexpected status from HEAD request to https://registry.k8s.io/v2/s \u2502\n"
                + "\u2502 ig-storage/livenessprobe/manifests/v2.9.0: 403 Forbidden\n");
        assertThat(pull.getReason()).isEqualTo("Failed");
        assertThat(pull.getMessage()).contains("unpack image \"registry.k8s.io/sig-storage/livenessprobe:v2.9.0\"")
                .endsWith("https://registry.k8s.io/v2/sig-storage/livenessprobe/manifests/v2.9.0: 403 Forbidden");
    }

    /**
     * TwiN/helm-charts#39: a container's waiting reason with its message in parentheses, as dashboards list it: the
     * kubelet's Failed event of that message.
     */
    @Test
    void aWaitingReasonWithItsMessageInParentheses() {
        KubeEvent config = onlyEvent("CreateContainerConfigError (configmap \"gatus\" not found)\n");
        assertThat(config.getReason()).isEqualTo("Failed");
        assertThat(config.getMessage()).isEqualTo("Error: configmap \"gatus\" not found");
        KubeEvent pull = onlyEvent("ErrImagePull (rpc error: code = NotFound desc = failed to pull and unpack image "
                + "\"docker.io/library/vllm:nope\": not found)\n");
        assertThat(pull.getReason()).isEqualTo("ErrImagePull");
        assertThat(Recordings.read("notes.txt", "CrashLoopBackOff (see the logs)\n", OPTIONS, rejections::add)).isEmpty();
    }

    /**
     * grgalex/nvshare#5: the runtime's answer to a pull alone, the waiting reason after it: the kubelet's Failed event
     * for the image it names.
     */
    @Test
    void aRuntimesPullErrorAlone() {
        KubeEvent pull = onlyEvent("rpc error: code = NotFound desc = failed to pull and unpack image "
                + "\"docker.io/grgalex/nvshare:tf-matmul-1\": failed to resolve reference \"docker.io/grgalex/nvshare:tf-matmul-1\": "
                + "docker.io/grgalex/nvshare:tf-matmul-1: not found: ErrImagePull\n");
        assertThat(pull.getReason()).isEqualTo("Failed");
        assertThat(pull.getMessage()).startsWith("Failed to pull image \"docker.io/grgalex/nvshare:tf-matmul-1\": rpc error:")
                .endsWith("tf-matmul-1: not found");
        assertThat(Recordings.read("notes.txt", "rpc error: code = Unavailable desc = connection error\n", OPTIONS,
                rejections::add)).isEmpty();
    }
    /**
     * cilium#16814 and kubekey#2238: the runtime's refusal to start a container, logged by a pre-1.20 kubelet in a
     * node's journal ({@code StartContainer "<id>" from runtime service failed: ...}, no pod named), and a structured
     * line copied without its klog header: the {@code Failed} events the kubelet records for them, on the journal's host.
     */
    @Test
    void aStartContainerFailureAndAStructuredLineWithoutItsHeader() {
        KubeEvent start = onlyEvent("""
                Jul 07 01:52:58 minikube kubelet[2571]: E0707 01:52:58.606572    2571 remote_runtime.go:251] StartContainer "f75d866a8275" from runtime service failed: rpc error: code = Unknown desc = failed to start container "f75d866a8275": Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: rootfs_linux.go:76: mounting "/proc/1/ns" to rootfs at "/hostproc1ns" caused: permission denied: unknown
                """);
        assertThat(start.getReason()).isEqualTo("Failed");
        assertThat(start.getMessage()).startsWith("Error: failed to start container \"f75d866a8275\": Error response "
                + "from daemon: OCI runtime create failed");
        assertThat(start.getReportingInstance()).isEqualTo("minikube");

        KubeEvent pull = onlyEvent("""
                "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"registry.example/kube-vip:v0.7.2\\": not found" image="registry.example/kube-vip:v0.7.2"
                """);
        assertThat(pull.getReason()).isEqualTo("Failed");
        assertThat(pull.getMessage()).startsWith("Failed to pull image \"registry.example/kube-vip:v0.7.2\": rpc error: "
                + "code = NotFound");
    }

    /**
     * vc-deploy-apps#1 and aws-ebs-csi-driver#1844 class: the reason and its message on one line, one space apart, and
     * the attach failure the CSI driver answered, with the quotes of the JSON field it was copied from still escaped.
     */
    @Test
    void attachFailuresQuotedAlone() {
        KubeEvent multiAttach = onlyEvent("""
                FailedAttachVolume Multi-Attach error for volume "pvc-5e1f" Volume is already used by pod(s) api-6d5f9c7b8-q2w4x
                """);
        assertThat(multiAttach.getReason()).isEqualTo("FailedAttachVolume");
        assertThat(multiAttach.getMessage()).startsWith("Multi-Attach error for volume \"pvc-5e1f\"");
        KubeEvent attach = onlyEvent("""
                AttachVolume.Attach failed for volume \\"pvc-0be8\\" : rpc error: code = Internal desc = Could not attach volume \\"vol-09\\" to node \\"i-0a9d\\": attachment of disk \\"vol-09\\" failed, expected device to be attached but was attaching"
                """);
        assertThat(attach.getReason()).isEqualTo("FailedAttachVolume");
        assertThat(attach.getMessage()).startsWith("AttachVolume.Attach failed for volume \"pvc-0be8\" : rpc error");
        assertThat(Recordings.read("paste.txt", "DeploymentRollout Multi-step plan for the volume migration\n", OPTIONS,
                rejections::add)).isEmpty();
    }

    /**
     * kubernetes#61192 class: Docker 1.12's start failure inside its JSON {@code invalid header field value}, quoted from
     * a status message whose opening quote is closed lines later: the runtime's refusal to start the container.
     */
    @Test
    void aRuntimeErrorAfterAnOpeningQuote() {
        List<Recorded> records = Recordings.read("status.txt", """
                'invalid header field value "oci runtime error: container_linux.go:247:
                          starting container process caused \\"process_linux.go:327: setting cgroup
                          config for procHooks process caused \\\\\\"failed to write 5100 to cpu.cfs_quota_us\\\\\\"\\"\\n"'
                """, OPTIONS, rejections::add);
        assertThat(records).isNotEmpty();
        KubeEvent failed = (KubeEvent) records.get(0).value();
        assertThat(failed.getReason()).isEqualTo("Failed");
        assertThat(failed.getMessage()).startsWith("invalid header field value \"oci runtime error: container_linux.go:247:");
    }

    /**
     * kubeval#256 class: a container's waiting reason and message as a status print shows them, the kubelet's back-off
     * in its lower-case wording of 1.2x: the back-off of the pod and namespace the message names.
     */
    @Test
    void aLowerCaseBackOffNamesItsPodsNamespace() {
        KubeEvent backOff = onlyEvent("""
                CrashLoopBackOff: back-off 2m40s restarting failed container=php pod=shop-7d9f8c6b5-x2k4p_web-staging(0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b)
                """);
        assertThat(backOff.getReason()).isEqualTo("BackOff");
        assertThat(namespacedName(backOff)).isEqualTo("web-staging/shop-7d9f8c6b5-x2k4p");
    }

    /**
     * kubernetes#118059 and hwameistor#182 class: kube-scheduler's own log of a pod it could not place names the pod with
     * its namespace, in klog's structured form (1.19 on) and before it; the verdict is the message.
     */
    @Test
    void theSchedulersLogNamesThePodItCouldNotPlace() {
        List<Recorded> records = Recordings.read("scheduler.log", """
                I0517 08:45:21.825644       8 factory.go:339] "Unable to schedule pod; no fit; waiting" pod="ml/infer-75c5dcb45-q6tmx" err="0/2 nodes are available: 2 Insufficient memory."
                I0815 06:07:53.668985       1 factory.go:462] Unable to schedule batch/loader-0: no fit: 0/1 nodes are available: 1 Insufficient cpu.; waiting
                """, OPTIONS, rejections::add);
        assertThat(records).extracting(r -> namespacedName((KubeEvent) r.value()))
                .containsExactly("ml/infer-75c5dcb45-q6tmx", "batch/loader-0");
        assertThat(records).extracting(r -> ((KubeEvent) r.value()).getMessage())
                .containsExactly("0/2 nodes are available: 2 Insufficient memory.", "0/1 nodes are available: 1 Insufficient cpu.");
    }

    /**
     * kubernetes#69141 class: Docker's daemon logs the registry's own answer to a pull it gives up, which the kubelet's
     * event words otherwise ("not found: does not exist or no pull access"): the pull's failure in the registry's words.
     */
    @Test
    void theDaemonsAnswerToAPullItGaveUp() {
        EventsTable.Row abandoned = QuotedEvent.parse("Aug 23 03:09:05 ip-10-0-0-5 dockerd[1251]: time=\"2018-08-23T03:09:05"
                + ".925621539Z\" level=error msg=\"Not continuing with pull after error: denied: The security token included "
                + "in the request is invalid\"", 1, Instant.parse("2018-08-23T03:10:00Z"));
        assertThat(abandoned).isNotNull();
        assertThat(abandoned.reason()).isEqualTo("ErrImagePull");
        assertThat(abandoned.message()).isEqualTo("denied: The security token included in the request is invalid");
        assertThat(abandoned.age()).isEqualTo("54s");
        assertThat(QuotedEvent.parse("time=\"2018-08-23T03:09:05Z\" level=info msg=\"Pull complete\"", 1,
                Instant.parse("2018-08-23T03:10:00Z"))).isNull();
    }

    /**
     * external-storage#720 class: the 1.9-1.10 volume manager's own words for a mount it could not make, a local
     * volume's node affinity check among them: the pod's FailedMount.
     */
    @Test
    void theVolumeManagersOwnWordsForAMountItCouldNotMake() {
        KubeEvent affinity = onlyEvent("""
                Storage node affinity check failed for volume "local-pv-8b4f" : NodeSelectorTerm [{Key:kubernetes.io/hostname Operator:In Values:[node-2]}] does not match node labels
                """);
        assertThat(affinity.getReason()).isEqualTo("FailedMount");
        KubeEvent executor = onlyEvent("""
                operationExecutor.MountVolume failed (controllerAttachDetachEnabled true) for volume "data" (UniqueName: "kubernetes.io/local-volume/x") pod "db-0" (UID: "3f84") : timed out
                """);
        assertThat(executor.getReason()).isEqualTo("FailedMount");
    }

    /**
     * actions-runner-controller#1215 class: an alerting bot's report names the pod with its namespace above the
     * message it relays ({@code Error Occurred in Pod: ns/name in prod cluster}).
     */
    @Test
    void anAlertNamesThePodAboveTheMessage() {
        KubeEvent evicted = onlyEvent("""
                Error Occurred in Pod: ci-runners/runner-8x2kq-7fz4d in prod cluster
                The node was low on resource: ephemeral-storage. Container runner was using 84096Ki, which exceeds its request of 0.
                """);
        assertThat(evicted.getReason()).isEqualTo("Evicted");
        assertThat(namespacedName(evicted)).isEqualTo("ci-runners/runner-8x2kq-7fz4d");
    }
}
