package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's report of a memory-cgroup OOM kill in a pod's cgroup, as {@code dmesg} or a node's journal prints it:
 * since Linux 4.19 {@code oom-kill:constraint=CONSTRAINT_MEMCG,...,task_memcg=/kubepods/burstable/pod<uid>/<container
 * id>,task=tritonserver,pid=59249,uid=0}, before it {@code Task in /kubepods/burstable/pod<uid>/<id> killed as a result
 * of limit of /kubepods/burstable/pod<uid>}. The kubelet names a pod's cgroup by the pod's UID (cgroupfs: {@code
 * kubepods[/burstable|/besteffort]/pod<uid>}; systemd: {@code kubepods-burstable-pod<uid with _>.slice}), so the line
 * says a container of a pod was killed for the pod's memory limit: that pod's container OOMKilled, the pod known by
 * its UID only. It is read as node-problem-detector's {@code OOMKilling} event for the kill, about that pod. A kill
 * outside the pods' cgroups (a system daemon, a node-wide OOM) names no pod and gives no row, nor does the
 * {@code Memory cgroup out of memory: Killed process ...} line that goes with the report (it names no cgroup).
 */
final class KernelOomKill {

    /** The 4.19+ summary line of a memory-cgroup kill, its task's cgroup and name. */
    private static final Pattern MEMCG_KILL = Pattern.compile(
            "\\boom-kill:constraint=CONSTRAINT_MEMCG\\b.*?\\btask_memcg=(\\S+?),task=([^,]+),pid=(\\d+)");
    /** The pre-4.19 line naming the killed task's cgroup and the cgroup whose limit it hit. */
    private static final Pattern LIMIT_KILL = Pattern.compile(
            "\\bTask in (\\S+) killed as a result of limit of (\\S+)");
    /** A pod's cgroup in a path: {@code pod<uid>/} (cgroupfs) or {@code -pod<uid_with_underscores>.slice} (systemd). */
    private static final Pattern POD_CGROUP = Pattern.compile(
            "(?:/kubepods(?:/[a-z]+)?/pod|kubepods(?:-[a-z]+)?-pod)([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}"
            + "[-_][0-9a-f]{12})");

    private KernelOomKill() {
    }

    /** The OOMKilling row {@code line} reports, at the paste's moment; null when it reports no kill in a pod. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (line.indexOf("oom-kill:") < 0 && line.indexOf("killed as a result of limit of") < 0) {
            return null;
        }
        Matcher memcg = MEMCG_KILL.matcher(line);
        String cgroup;
        String message;
        if (memcg.find()) {
            cgroup = memcg.group(1);
            message = "Memory cgroup out of memory: Killed process " + memcg.group(3) + " (" + memcg.group(2) + ")";
        } else {
            Matcher limit = LIMIT_KILL.matcher(line);
            if (!limit.find()) {
                return null;
            }
            cgroup = limit.group(1);
            message = "Memory cgroup out of memory: " + limit.group().strip();
        }
        Matcher pod = POD_CGROUP.matcher(cgroup);
        if (!pod.find()) {
            return null;
        }
        return new EventsTable.Row(lineNumber, null, "Warning", "OOMKilling", QuotedEvent.age(line, now),
                "kernel-monitor", null, message + " in the cgroup of pod " + pod.group(1).replace('_', '-'), null,
                null);
    }
}
