package dev.incidents.schemas;

/**
 * Record keys of DESIGN.md section 3. Producers (the shipper, replay) and the analyzer build keys only
 * here, so a key that partitions the input is the same everywhere.
 */
public final class TopicKeys {
    private TopicKeys() {
    }

    /** {@code cluster/namespace/kind/name} of the involved object; cluster-scoped objects have an empty namespace. */
    public static String event(KubeEvent event) {
        ObjectRef involved = event.getInvolvedObject();
        String namespace = involved.getNamespace() != null ? involved.getNamespace() : nullToEmpty(event.getNamespace());
        return event.getCluster() + "/" + namespace + "/" + involved.getKind() + "/" + involved.getName();
    }

    /** {@code cluster/namespace/name}. */
    public static String pod(String cluster, String namespace, String name) {
        return cluster + "/" + namespace + "/" + name;
    }

    public static String pod(PodSnapshot pod) {
        return pod(pod.getCluster(), pod.getNamespace(), pod.getName());
    }

    /** {@code cluster/name}. */
    public static String node(String cluster, String name) {
        return cluster + "/" + name;
    }

    public static String node(NodeSnapshot node) {
        return node(node.getCluster(), node.getName());
    }

    /** {@code cluster/namespace/name} of a PodGroup or Workload, as for Pods. */
    public static String podGroup(String cluster, String namespace, String name) {
        return cluster + "/" + namespace + "/" + name;
    }

    public static String podGroup(PodGroupSnapshot group) {
        return podGroup(group.getCluster(), group.getNamespace(), group.getName());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
