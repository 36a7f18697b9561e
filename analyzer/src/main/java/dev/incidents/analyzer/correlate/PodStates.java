package dev.incidents.analyzer.correlate;

import dev.incidents.analyzer.Category;
import dev.incidents.analyzer.WorkloadResolver;
import dev.incidents.analyzer.hints.ProbeBudget;
import dev.incidents.analyzer.hints.StartupProbePatch;
import dev.incidents.analyzer.messages.FailedSchedulingMessage;
import dev.incidents.analyzer.messages.ImagePullFailure;
import dev.incidents.analyzer.messages.ProbeFailure;
import dev.incidents.analyzer.messages.ScaleUpVerdict;
import dev.incidents.analyzer.messages.SchedulingReason;
import dev.incidents.analyzer.signal.EventSignal;
import dev.incidents.analyzer.signal.GangLabels;
import dev.incidents.analyzer.signal.NodePin;
import dev.incidents.analyzer.signal.PodDeleted;
import dev.incidents.analyzer.signal.PodObserved;
import dev.incidents.analyzer.signal.Signal;
import dev.incidents.schemas.Container;
import dev.incidents.schemas.ContainerState;
import dev.incidents.schemas.Probe;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** Keeps {@link SubjectState#pods} up to date from signals, before detectors look at them. */
final class PodStates {

    /** Pods remembered per workload; the least recently seen go first (a big Deployment does not grow state without bound). */
    static final int MAX_PODS = 100;

    private static final java.util.regex.Pattern CREATED_OR_STARTED = java.util.regex.Pattern.compile(
            "^(?:Created|Started) container:? (\\S+)\\s*$");

    private PodStates() {
    }

    static void observe(SubjectState state, Signal signal) {
        if (signal instanceof PodDeleted deleted) {
            state.pods.remove(deleted.name());
            return;
        }
        Optional<String> name = signal.pod();
        if (name.isEmpty()) {
            return;
        }
        PodState pod = state.pods.computeIfAbsent(name.get(), n -> new PodState());
        pod.lastSeen = Math.max(pod.lastSeen, signal.time().toEpochMilli());
        signal.node().ifPresent(n -> pod.node = n);
        if (signal instanceof PodObserved p) {
            fromSnapshot(pod, p);
        } else if (signal instanceof EventSignal e) {
            fromEvent(pod, e);
        }
        if (state.pods.size() > MAX_PODS) {
            state.pods.entrySet().stream().min(Comparator.comparingLong(en -> en.getValue().lastSeen))
                    .map(Map.Entry::getKey).ifPresent(state.pods::remove);
        }
    }

    private static void fromSnapshot(PodState pod, PodObserved p) {
        WorkloadResolver.Workload owner = WorkloadResolver.ofPod(p.snapshot());
        pod.workload = p.snapshot().getNamespace() + "/" + owner.kind() + "/" + owner.name();
        pod.gang = GangLabels.group(p.snapshot()).orElse(null);
        pod.pinnedNode = NodePin.of(p.snapshot()).orElse(null);
        pod.requests.clear();
        GpuPlacement.acceleratorLimits(p.snapshot().getContainers())
                .forEach((resource, units) -> pod.requests.put(resource, Long.toString(units)));
        for (Container c : p.snapshot().getContainers()) {
            ContainerState ended = c.getState() != null && "terminated".equalsIgnoreCase(c.getState().getKind())
                    && c.getState().getReason() != null ? c.getState() : c.getLastState();
            if (ended != null && ended.getReason() != null) {
                pod.container = c.getName();
                pod.lastTerminationReason = ended.getReason();
                pod.lastExitCode = ended.getExitCode();
            }
            pod.restartCount = Math.max(pod.restartCount, c.getRestartCount());
            for (Probe probe : c.getProbes()) {
                String kind = probe.getKind().toLowerCase(java.util.Locale.ROOT);
                if (!"readiness".equals(kind)) {
                    pod.probes.put(kind, seen(c.getName(), probe));
                }
            }
        }
        countRestartsInPlace(pod, p);
        trackReadinessLost(pod, p);
        if ("Succeeded".equals(p.snapshot().getPhase()) && pod.completedAt == 0) {
            pod.completedAt = p.time().toEpochMilli();
        }
        if (p.isReady()) {
            pod.readinessFailingSince = 0;
        }
    }

    /** The restarts of the snapshot's app containers, summed. */
    private static int restarts(PodObserved p) {
        int restarts = 0;
        for (Container c : p.snapshot().getContainers()) {
            restarts += c.getRestartCount();
        }
        return restarts;
    }

    /**
     * Marks a pod that was seen Ready and then not Ready, its containers still running and not restarted since
     * ({@code 1/1 Running 0 10s}, then {@code 0/1 Running 0 28s}): it had started, so what took its readiness away
     * (a dependency gone, a file removed, overload) is no start-up. A restart, a container not running or the pod
     * being deleted ends the mark; so does Ready again.
     */
    private static void trackReadinessLost(PodState pod, PodObserved p) {
        if (p.readinessUnknown()) {
            return; // says nothing of its readiness either way
        }
        int restarts = restarts(p);
        if (p.isReady()) {
            pod.readyRestarts = restarts;
            pod.readinessLostAt = 0;
            return;
        }
        boolean lost = pod.readyRestarts >= 0 && restarts == pod.readyRestarts
                && "Running".equals(p.snapshot().getPhase()) && p.allContainersRunning()
                && p.snapshot().getDeletionTimestamp() == null;
        if (!lost) {
            pod.readinessLostAt = 0;
            pod.readyRestarts = restarts == pod.readyRestarts ? pod.readyRestarts : -1;
        } else if (pod.readinessLostAt == 0) {
            pod.readinessLostAt = p.time().toEpochMilli();
        }
    }

    /**
     * Counts a restart between two snapshots that both show every app container running, by one (a listing taken
     * minutes apart, {@code Running 1} then {@code Running 5}, does not show what happened between). A container that
     * ended out of memory exited by itself. From {@link PodState#RESTARTS_IN_PLACE} on the pod's probe is taken as the one
     * failing (liveness, unless the pod is known to have only a startup probe).
     */
    private static void countRestartsInPlace(PodState pod, PodObserved p) {
        if (!p.allContainersRunning() || p.snapshot().getDeletionTimestamp() != null) {
            pod.runningRestarts = -1;
            return;
        }
        int restarts = restarts(p);
        boolean oomKilled = false;
        for (Container c : p.snapshot().getContainers()) {
            oomKilled |= c.getLastState() != null && "OOMKilled".equals(c.getLastState().getReason());
        }
        if (pod.runningRestarts >= 0 && restarts == pod.runningRestarts + 1 && !oomKilled) {
            pod.restartsInPlace++;
            pod.restartedInPlaceAt = p.time().toEpochMilli();
            if (pod.restartsInPlace >= PodState.RESTARTS_IN_PLACE && pod.failedProbe == null) {
                pod.failedProbe = pod.probes.containsKey("startup") && !pod.probes.containsKey("liveness")
                        ? "startup" : "liveness";
            }
        }
        pod.runningRestarts = restarts;
    }

    /** {@code Insufficient nvidia.com/gpu}: an extended resource (a domain-qualified name) a verdict found short. */
    private static final java.util.regex.Pattern SHORT_EXTENDED_RESOURCE = java.util.regex.Pattern.compile(
            "\\bInsufficient ([a-z0-9][-a-z0-9.]*\\.[a-z]+/[-a-zA-Z0-9_.]*[a-zA-Z0-9])");

    private static void fromEvent(PodState pod, EventSignal e) {
        if ("FailedScheduling".equals(e.reason()) && !ScaleUpVerdict.isProvisionerVerdict(e.message())
                || "FilteringFailed".equals(e.reason()) && FailedSchedulingMessage.isDeviceFilterVerdict(e.message())) {
            pod.failedScheduling = true;
            pod.taintBesideSelector = FailedSchedulingMessage.parse(e.message()).pinnedNodeTaint()
                    .map(SchedulingReason::taint).map(FailedSchedulingMessage::kubectlTaint).orElse(null);
        }
        if (("FailedScheduling".equals(e.reason()) || ScaleUpVerdict.isVerdict(e.reason())) && pod.requests.isEmpty()) {
            // a verdict finds short only what the pod asks for: "Insufficient nvidia.com/gpu" says it requests GPUs
            // (at least one) where no snapshot has told its requests
            java.util.regex.Matcher shortage = SHORT_EXTENDED_RESOURCE.matcher(e.message());
            if (shortage.find()) {
                pod.requests.put(shortage.group(1), "1");
            }
        }
        if (ScaleUpVerdict.isScaleUpTriggered(e.reason(), e.message()) && pod.node == null) {
            long at = e.firstTime().toEpochMilli();
            pod.scaleUpAt = pod.scaleUpAt == 0 ? at : Math.min(pod.scaleUpAt, at);
        }
        if ("Created".equals(e.reason()) || "Started".equals(e.reason())) {
            java.util.regex.Matcher m = CREATED_OR_STARTED.matcher(e.message());
            if (m.matches()) {
                pod.startedContainer = m.group(1);
            }
        }
        if ("Unhealthy".equals(e.reason()) || "Killing".equals(e.reason())) {
            ProbeFailure.parse(e.message()).ifPresent(f -> {
                if (f.containerNotRunning()) {
                    pod.probeRacedExit = true;
                } else if (f.probe() == ProbeFailure.Probe.READINESS) {
                    long at = e.firstTime().toEpochMilli();
                    pod.readinessFailingSince = pod.readinessFailingSince == 0 ? at
                            : Math.min(pod.readinessFailingSince, at);
                } else {
                    pod.failedProbe = f.probe().word();
                    f.container().ifPresent(c -> pod.failedProbeContainer = c);
                    if (f.restart()) {
                        pod.probeKillSeen = true;
                    } else {
                        pod.probeFailuresSeen = Math.max(pod.probeFailuresSeen, Math.max(1, e.event().getCount()));
                    }
                }
            });
        }
        if ("Failed".equals(e.reason()) || "BackOff".equals(e.reason()) || "Pulling".equals(e.reason())) {
            // a failure that says why; a back-off or a pull started, of a name that alone says the image does not
            // exist: the kubelet's "Error: ErrImagePull" after them counts for that
            ImagePullFailure.parse(e.message()).or(() -> ImagePullFailure.doomedPull(e.message()))
                    .filter(ImagePullFailure::causeKnown).ifPresent(f -> {
                if (f.deniedAlike() && Category.IMAGE_PULL_AUTH.name().equals(pod.pullCategory)) {
                    return; // the registry refused this pod's credentials before: a private repository
                }
                pod.pullCategory = f.category().name();
                if (f.category() == Category.IMAGE_PULL_DISK_FULL) {
                    f.path().ifPresent(path -> pod.pullPath = path);
                }
            });
        }
    }

    static PodState.ProbeSeen seen(String container, Probe probe) {
        ProbeBudget budget = ProbeBudget.of(probe);
        PodState.ProbeSeen seen = new PodState.ProbeSeen();
        seen.container = container;
        seen.failureThreshold = budget.failureThreshold();
        seen.budget = budget.describe();
        seen.startupProbe = budget.suggestStartupProbe(Optional.empty());
        seen.startupProbePatch = StartupProbePatch.of(container, probe, Optional.empty()).orElse(null);
        return seen;
    }
}
