package dev.incidents.schemas;

/** Default topic names of DESIGN.md section 3. Every one is configurable where it is used. */
public final class Topics {
    public static final String EVENTS = "k8s.events";
    public static final String PODS = "k8s.pods";
    public static final String NODES = "k8s.nodes";
    /** Gang objects (Volcano and coscheduling PodGroups, Kueue Workloads): an input added after DESIGN.md section 3. */
    public static final String PODGROUPS = "k8s.podgroups";
    public static final String INCIDENTS = "k8s.incidents";
    public static final String INCIDENTS_JSON = "k8s.incidents.json";
    public static final String INCIDENTS_DLQ = "k8s.incidents.dlq";

    private Topics() {
    }
}
