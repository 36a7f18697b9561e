package dev.incidents.shipper.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Realistic Pods for the benchmarks: the triton Pod of the IT fixtures in ImagePullBackOff, with the
 * {@code managedFields} an API server adds (kube-controller-manager and kubelet entries), renamed per index.
 */
final class GeneratedPods {
    private static final String MANAGED_FIELDS = """
            [{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2025-03-14T10:00:00Z","fieldsType":"FieldsV1",
              "fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\\"uid\\":\\"8a7d6c5b-4e3f-4a2b-9c1d-0e9f8a7b6c5d\\"}":{}}},
              "f:spec":{"f:containers":{"k:{\\"name\\":\\"triton\\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{".":{},"f:limits":{".":{},"f:nvidia.com/gpu":{}},"f:requests":{".":{},"f:cpu":{},"f:memory":{},"f:nvidia.com/gpu":{}}},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},
              "f:dnsPolicy":{},"f:enableServiceLinks":{},"f:initContainers":{".":{},"k:{\\"name\\":\\"sync-models\\"}":{".":{},"f:image":{},"f:name":{}}},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{},"f:tolerations":{}}}},
             {"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2025-03-14T10:02:09Z","fieldsType":"FieldsV1","subresource":"status",
              "fieldsV1":{"f:status":{"f:conditions":{"k:{\\"type\\":\\"ContainersReady\\"}":{".":{},"f:lastProbeTime":{},"f:lastTransitionTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}},"k:{\\"type\\":\\"Initialized\\"}":{".":{},"f:lastProbeTime":{},"f:lastTransitionTime":{},"f:status":{},"f:type":{}},"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:lastProbeTime":{},"f:lastTransitionTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}}},
              "f:containerStatuses":{},"f:hostIP":{},"f:hostIPs":{},"f:initContainerStatuses":{},"f:phase":{},"f:podIP":{},"f:podIPs":{".":{},"k:{\\"ip\\":\\"10.0.1.77\\"}":{".":{},"f:ip":{}}},"f:startTime":{}}}}]
            """;

    private GeneratedPods() {
    }

    /** The template Pod as JSON text, with managedFields. */
    static String templateJson() {
        String workload = resource("/kubectl/workload.yaml");
        List<?> items = Serialization.unmarshal(workload, io.fabric8.kubernetes.api.model.KubernetesList.class).getItems();
        Pod pod = (Pod) items.stream().filter(Pod.class::isInstance).findFirst().orElseThrow();
        pod.getSpec().getInitContainers().get(0).setEnv(null);
        // the fixture is a JSON patch replacing /status
        String patch = resource("/kubectl/pod-image-pull-backoff.json");
        pod.setStatus(Serialization.unmarshal(dev.incidents.shipper.ObjectJson.parse(patch).get(0).get("value").toString(),
                io.fabric8.kubernetes.api.model.PodStatus.class));
        pod.getStatus().setHostIP("10.0.1.149");
        pod.getStatus().setPodIP("10.0.1.77");
        String json = Serialization.asJson(pod);
        return json.replaceFirst("\"metadata\":\\{", java.util.regex.Matcher.quoteReplacement("\"metadata\":{\"managedFields\":" + MANAGED_FIELDS.replace("\n", "") + ","));
    }

    /** Pod number {@code i}: distinct name and uid, same shape. */
    static Pod pod(String templateJson, int i) {
        Pod pod = Serialization.unmarshal(templateJson, Pod.class);
        pod.getMetadata().setName(String.format("triton-79569cfbbc-%05d", i));
        pod.getMetadata().setUid(String.format("5d4c3b2a-1f0e-4d9c-8b7a-%012d", i));
        return pod;
    }

    private static String resource(String name) {
        try (InputStream in = GeneratedPods.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
