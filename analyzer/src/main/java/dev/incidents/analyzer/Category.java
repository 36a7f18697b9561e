package dev.incidents.analyzer;

import dev.incidents.schemas.Phase;
import dev.incidents.schemas.Severity;

/**
 * The incident taxonomy of DESIGN.md section 4. The names are a contract with every consumer of the
 * incident topics: add categories, never rename one. Declaration order is the order a Pod's life goes
 * through, which is how a later-phase incident supersedes an earlier one.
 */
public enum Category {
    REPLICA_CREATE_FAILED(Phase.CONTROLLER, Severity.CRITICAL),

    /**
     * Some members of a gang (a group that must run together: Volcano, coscheduling, Kueue pod groups) hold their
     * nodes while the others stay Pending: nothing runs and the placed ones waste their GPUs. First of its phase, so
     * the scheduling categories that yield to it are evaluated after it.
     */
    GANG_PARTIALLY_PLACED(Phase.SCHEDULING, Severity.CRITICAL),
    INSUFFICIENT_GPU(Phase.SCHEDULING, Severity.CRITICAL),
    /** Enough accelerators are free in the cluster in total, but not on any one node the pod could use. */
    GPU_FRAGMENTED(Phase.SCHEDULING, Severity.WARNING),
    INSUFFICIENT_RESOURCES(Phase.SCHEDULING, Severity.WARNING),
    UNTOLERATED_TAINT(Phase.SCHEDULING, Severity.WARNING),
    NODE_SELECTOR_MISMATCH(Phase.SCHEDULING, Severity.WARNING),
    PVC_UNBOUND(Phase.SCHEDULING, Severity.WARNING),

    /** The kubelet refuses a scheduled pod because it cannot allocate its devices (UnexpectedAdmissionError). */
    GPU_ADMISSION_FAILED(Phase.STARTUP, Severity.CRITICAL),

    IMAGE_PULL_DISK_FULL(Phase.STARTUP, Severity.CRITICAL),
    IMAGE_PULL_AUTH(Phase.STARTUP, Severity.CRITICAL),
    IMAGE_NOT_FOUND(Phase.STARTUP, Severity.CRITICAL),
    IMAGE_PULL_FAILED(Phase.STARTUP, Severity.WARNING),
    VOLUME_MOUNT_FAILED(Phase.STARTUP, Severity.WARNING),
    CONFIG_ERROR(Phase.STARTUP, Severity.CRITICAL),
    SANDBOX_FAILED(Phase.STARTUP, Severity.WARNING),
    INIT_CONTAINER_FAILED(Phase.STARTUP, Severity.WARNING),
    /** The runtime cannot start a pulled container (StartError, OCI runtime create failed, the NVIDIA hook). */
    CONTAINER_START_FAILED(Phase.STARTUP, Severity.CRITICAL),

    OOM_KILLED(Phase.RUNTIME, Severity.CRITICAL),
    PROBE_FAILURE(Phase.RUNTIME, Severity.WARNING),
    CRASH_LOOP(Phase.RUNTIME, Severity.WARNING),
    READINESS_FAILING(Phase.RUNTIME, Severity.WARNING),

    NODE_DISK_PRESSURE(Phase.NODE, Severity.CRITICAL),
    NODE_NOT_READY(Phase.NODE, Severity.CRITICAL),
    POD_EVICTED(Phase.NODE, Severity.WARNING),
    /** A node advertising fewer accelerators than before (device plugin, unhealthy devices, driver, MIG). */
    GPU_CAPACITY_LOST(Phase.NODE, Severity.CRITICAL),
    /** GPU errors reported on a node (Xid, ECC, fallen off the bus) by Node Problem Detector, DCGM or NVIDIA tooling. */
    GPU_HARDWARE_FAULT(Phase.NODE, Severity.CRITICAL);

    private final Phase phase;
    private final Severity defaultSeverity;

    Category(Phase phase, Severity defaultSeverity) {
        this.phase = phase;
        this.defaultSeverity = defaultSeverity;
    }

    public Phase phase() {
        return phase;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Node incidents are keyed by node ({@code cluster/node/nodeName/CATEGORY}), the others by workload. */
    public boolean isNodeScoped() {
        return this == NODE_DISK_PRESSURE || this == NODE_NOT_READY || this == GPU_CAPACITY_LOST
                || this == GPU_HARDWARE_FAULT;
    }
}
