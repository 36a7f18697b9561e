package dev.incidents.recordings;

import dev.incidents.schemas.KubeEvent;
import dev.incidents.schemas.ObjectRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events about custom resources (KServe InferenceService, Volcano PodGroup and Job, KubeRay RayCluster, Kubeflow
 * Notebook): their controllers re-issue the scheduling and pod-creation failures of their pods on them. Whatever the
 * format, the event stays about the resource (kind, API version, name, namespace), neither dropped nor taken for a
 * Pod's; the analyzer maps the resource to its workload.
 */
class CustomResourceEventsTest {
    private static final ReadOptions OPTIONS = new ReadOptions("test", Instant.parse("2022-07-23T05:00:00Z"));

    private final List<Rejection> rejections = new ArrayList<>();

    private List<KubeEvent> events(String name, String text) {
        List<Recorded> records = Recordings.read(name, text, OPTIONS, rejections::add);
        assertThat(rejections).isEmpty();
        assertThat(records).extracting(Recorded::kind).containsOnly(Recorded.Kind.EVENT);
        return records.stream().map(r -> (KubeEvent) r.value()).toList();
    }

    /**
     * volcano-sh/volcano#2377's describe of a PodGroup (header verbatim, Spec and Status trimmed) with the Events
     * table of volcano-sh/volcano#1094's (adapted: the two pastes joined).
     */
    @Test
    void describedPodGroupKeepsItsSchedulingEvents() {
        List<KubeEvent> events = events("describe.txt", """
                Name:         podgroup-36e3ad91-a8d2-409c-9db8-a9a59b4a24aa
                Namespace:    default
                Labels:       <none>
                Annotations:  <none>
                API Version:  scheduling.volcano.sh/v1beta1
                Kind:         PodGroup
                Metadata:
                  Creation Timestamp:  2022-07-23T04:32:28Z
                  Generation:          9
                  Owner References:
                    API Version:           apps/v1
                    Block Owner Deletion:  true
                    Controller:            true
                    Kind:                  ReplicaSet
                    Name:                  resnetinfer1-10p-deploy-dc7dd7df9
                    UID:                   36e3ad91-a8d2-409c-9db8-a9a59b4a24aa
                Spec:
                  Min Member:  1
                  Min Resources:
                    huawei.com/Ascend310:  1
                Status:
                  Conditions:
                    Last Transition Time:  2020-10-15T09:01:46Z
                    Message:               1/1 tasks in gang unschedulable: pod group is not ready, 1 Pending, 1 minAvailable.
                    Reason:                NotEnoughResources
                    Status:                True
                    Transition ID:         a6e36d8a-1672-406e-a9f5-f113174114fe
                    Type:                  Unschedulable
                  Phase:                   Inqueue
                Events:
                  Type     Reason         Age                    From     Message
                  ----     ------         ----                   ----     -------
                  Warning  Unschedulable  69s (x78789 over 26h)  volcano  1/1 tasks in gang unschedulable: pod group is not ready, 1 Pending, 1 minAvailable.
                """);

        assertThat(events).hasSize(1);
        KubeEvent event = events.get(0);
        ObjectRef involved = event.getInvolvedObject();
        assertThat(involved.getKind()).isEqualTo("PodGroup");
        assertThat(involved.getApiVersion()).isEqualTo("scheduling.volcano.sh/v1beta1");
        assertThat(involved.getName()).isEqualTo("podgroup-36e3ad91-a8d2-409c-9db8-a9a59b4a24aa");
        assertThat(involved.getNamespace()).isEqualTo("default");
        assertThat(event.getReason()).isEqualTo("Unschedulable");
        assertThat(event.getCount()).isEqualTo(78789);
        assertThat(event.getReportingComponent()).isEqualTo("volcano");
        assertThat(event.getLastTimestamp()).isEqualTo(Instant.parse("2022-07-23T04:58:51Z"));
    }

    /** kserve/kserve#1065's Events table under the header kubectl's generic describer prints (adapted: header added). */
    @Test
    void describedInferenceServiceEventsStayItsOwn() {
        List<KubeEvent> events = events("describe.txt", """
                Name:         mnist-sample
                Namespace:    admin
                Labels:       <none>
                Annotations:  <none>
                API Version:  serving.kubeflow.org/v1beta1
                Kind:         InferenceService
                Events:
                  Type     Reason         Age                From                  Message
                  ----     ------         ----               ----                  -------
                  Warning  InternalError  35s                kfserving-controller  services.serving.knative.dev "mnist-sample-predictor-default" already exists
                  Normal   Updated        21s (x3 over 35s)  kfserving-controller  Updated InferenceService "mnist-sample"
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getKind()).containsOnly("InferenceService");
        assertThat(events).extracting(e -> e.getInvolvedObject().getNamespace()).containsOnly("admin");
        assertThat(events).extracting(KubeEvent::getReason).containsExactly("InternalError", "Updated");
    }

    /** Volcano's Job is not batch/v1's: no owner record is made of it, its events keep their API version. */
    @Test
    void volcanoJobAndAClusterScopedQueue() {
        List<KubeEvent> events = events("describe.txt", """
                Name:         mindspore-gpu
                Namespace:    default
                API Version:  batch.volcano.sh/v1alpha1
                Kind:         Job
                Events:
                  Type     Reason            Age   From     Message
                  ----     ------            ----  ----     -------
                  Warning  PodGroupPending   2m    vc-controller-manager  PodGroup default:mindspore-gpu unschedule,reason: 1/2 tasks in gang unschedulable: pod group is not ready, 2 Pending, 2 minAvailable; Pending: 1 Unschedulable, 1 Schedulable
                Name:         gpu-queue
                Namespace:
                API Version:  scheduling.volcano.sh/v1beta1
                Kind:         Queue
                Events:
                  Type     Reason            Age   From     Message
                  ----     ------            ----  ----     -------
                  Warning  Unschedulable     1m    volcano  queue resource quota insufficient
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getKind() + " " + e.getInvolvedObject().getApiVersion()
                        + " " + e.getInvolvedObject().getNamespace() + "/" + e.getInvolvedObject().getName())
                .containsExactly("Job batch.volcano.sh/v1alpha1 default/mindspore-gpu",
                        "Queue scheduling.volcano.sh/v1beta1 null/gpu-queue");
    }

    /**
     * {@code kubectl get events} lower-cases the kind in OBJECT; {@code kubectl events} (1.26+) keeps it. The rows are
     * constructed (kubectl's layout, the API server's quota and the scheduler's wording), not pasted from a thread.
     */
    @Test
    void getEventsRowsAboutCustomKinds() {
        List<KubeEvent> events = events("events.txt", """
                NAMESPACE   LAST SEEN   TYPE      REASON             OBJECT                           MESSAGE
                kubeflow    2m          Warning   FailedCreate       notebook/jupyter-gpu             Error creating: pods "jupyter-gpu-0" is forbidden: exceeded quota: kf-resource-quota, requested: nvidia.com/gpu=1, used: nvidia.com/gpu=1, limited: nvidia.com/gpu=1
                ray         90s         Warning   FailedScheduling   podgroup/ray-cluster-pg          0/4 nodes are available: 4 Insufficient nvidia.com/gpu.
                ray         60s         Normal    CreatedWorkerPod   RayCluster/raycluster-kuberay    Created worker Pod ray/raycluster-kuberay-worker-gpu-group-x2bcd
                """);

        assertThat(events).extracting(e -> e.getInvolvedObject().getKind() + " " + e.getInvolvedObject().getNamespace()
                        + "/" + e.getInvolvedObject().getName())
                .containsExactly("Notebook kubeflow/jupyter-gpu", "PodGroup ray/ray-cluster-pg",
                        "RayCluster ray/raycluster-kuberay");
    }

    /** Event JSON about a custom kind is kept as it is, API version included. */
    @Test
    void eventJsonAboutACustomKind() {
        List<KubeEvent> events = events("events.json", """
                {"apiVersion":"v1","kind":"Event","metadata":{"name":"llama-predictor.17f2","namespace":"models"},
                 "involvedObject":{"apiVersion":"serving.kserve.io/v1beta1","kind":"InferenceService","namespace":"models","name":"llama"},
                 "reason":"InternalError","type":"Warning","message":"fails to reconcile predictor: exceeded quota: gpu-quota, requested: requests.nvidia.com/gpu=1",
                 "source":{"component":"v1beta1Controllers"},"count":3,"lastTimestamp":"2025-03-14T10:00:00Z"}
                """);

        ObjectRef involved = events.get(0).getInvolvedObject();
        assertThat(involved.getKind()).isEqualTo("InferenceService");
        assertThat(involved.getApiVersion()).isEqualTo("serving.kserve.io/v1beta1");
        assertThat(involved.getNamespace()).isEqualTo("models");
        assertThat(involved.getName()).isEqualTo("llama");
    }

    /**
     * Events tables pasted without their describe: volcano-sh/volcano#4311's PodGroup (Volcano records Unschedulable
     * only on PodGroups) and AI-Hypercomputer/xpk#603's Kueue Workload (kueue-admission records on Workloads).
     */
    @Test
    void eventsTablesOfASchedulersOwnKind() {
        List<KubeEvent> podGroup = events("paste.txt", """
                Events:
                  Type     Reason         Age                     From     Message
                  ----     ------         ----                    ----     -------
                  Warning  Unschedulable  6m18s (x12 over 6m29s)  volcano  1/1 tasks in gang unschedulable: pod group is not ready, 1 Pending, 1 minAvailable; Pending: 1 Unschedulable
                """);
        List<KubeEvent> workload = events("paste.txt", """
                Events:
                  Type     Reason   Age                    From             Message
                  ----     ------   ----                   ----             -------
                  Warning  Pending  4m23s (x3 over 4m23s)  kueue-admission  couldn't assign flavors to pod set job: resource cpu unavailable in ClusterQueue
                  Warning  Pending  4m23s                  kueue-admission  couldn't assign flavors to pod set job: resource memory unavailable in ClusterQueue
                """);

        assertThat(podGroup).extracting(e -> e.getInvolvedObject().getKind()).containsExactly("PodGroup");
        assertThat(workload).extracting(e -> e.getInvolvedObject().getKind()).containsExactly("Workload", "Workload");
        assertThat(workload.get(0).getInvolvedObject().getName()).startsWith("unnamed-");
    }

    /** consul-helm#48, ethersphere/helm#143: a describe pvc's Events alone are the claim's, not an unnamed pod's. */
    @Test
    void aClaimsEventsAlone() {
        List<Recorded> records = Recordings.read("paste.txt", """
                Events:
                  Type       Reason         Age              From                         Message
                  ----       ------         ----             ----                         -------
                  Normal     FailedBinding  7s (x2 over 7s)  persistentvolume-controller  no persistent volumes available for this claim and no storage class is set
                """, OPTIONS, rejections::add);

        assertThat(rejections).isEmpty();
        KubeEvent event = (KubeEvent) records.get(0).value();
        assertThat(event.getInvolvedObject().getKind()).isEqualTo("PersistentVolumeClaim");
        assertThat(event.getReason()).isEqualTo("FailedBinding");
    }

    /**
     * mindwm-gitops#31: rows whose columns a stored page collapsed to single spaces; a GitLab job log naming the pod
     * {@code "ns/name"} (socle#532); a CNI plugin's {@code [ns/pod:network]} (calico#7171).
     */
    @Test
    void singleSpacedRowsAndPodsNamedWithTheirNamespace() {
        List<Recorded> rows = Recordings.read("paste.txt", "Warning FailedScheduling 12m default-scheduler 0/1 nodes are "
                + "available: 1 Insufficient cpu.\n", OPTIONS, rejections::add);
        KubeEvent scheduling = (KubeEvent) rows.get(0).value();
        assertThat(scheduling.getReportingComponent()).isEqualTo("default-scheduler");
        assertThat(scheduling.getMessage()).isEqualTo("0/1 nodes are available: 1 Insufficient cpu.");

        KubeEvent evicted = (KubeEvent) Recordings.read("paste.txt", "The node was low on resource: ephemeral-storage. "
                + "ERROR: Job failed (system failure): pod \"dso-gitlab/runner-x1\" is disrupted\n", OPTIONS,
                rejections::add).get(0).value();
        assertThat(evicted.getInvolvedObject().getNamespace()).isEqualTo("dso-gitlab");
        assertThat(evicted.getInvolvedObject().getName()).isEqualTo("runner-x1");

        KubeEvent sandbox = (KubeEvent) Recordings.read("paste.txt", "Failed to create pod sandbox: plugin type=\"multus\" "
                + "failed (add): [kube-system/metrics-server-7968cd6ff4-t6sh2:k8s-pod-network]: Unauthorized\n", OPTIONS,
                rejections::add).get(0).value();
        assertThat(sandbox.getInvolvedObject().getName()).isEqualTo("metrics-server-7968cd6ff4-t6sh2");
        assertThat(rejections).isEmpty();
    }
}
