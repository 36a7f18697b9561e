package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA driver's report of a GPU error in the kernel's log, as {@code dmesg} or a node's journal prints it:
 * {@code NVRM: Xid (PCI:0000:3b:00): 79, pid=0, GPU has fallen off the bus.} It is read as the node event Node Problem
 * Detector's kernel monitor records for such a line (the analyzer tells hardware Xids from the application's by the
 * code), about the node whose journal holds it, or an unnamed node in a {@code dmesg} print without a host. So is
 * {@code nvidia-smi}'s word for a GPU that fell off the bus ({@code GPU is lost}), on the host its prompt names.
 */
final class KernelGpuXid {
    private static final Pattern XID = Pattern.compile("\\bNVRM: (Xid \\([^)]*\\): \\d{1,3}\\b.*)$");
    /**
     * NVML's answer for a GPU that fell off the bus, as {@code nvidia-smi} prints it: {@code Unable to determine the
     * device handle for GPU 0000:4C:00.0: GPU is lost.  Reboot the system to recover this GPU}.
     */
    private static final Pattern LOST = Pattern.compile("\\b(Unable to determine the device handle for GPU \\S+: GPU is lost\\b.*)$");

    private KernelGpuXid() {
    }

    /** The node event {@code line} reports; null when it is no driver Xid line and no lost GPU. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (line.indexOf("GPU is lost") >= 0) {
            Matcher lost = LOST.matcher(line);
            return lost.find() ? row(line, lineNumber, now, "GPULost", "nvidia-smi", lost.group(1).strip()) : null;
        }
        if (line.indexOf("NVRM: Xid") < 0) {
            return null;
        }
        Matcher xid = XID.matcher(line);
        return xid.find() ? row(line, lineNumber, now, "NVRMXid", "kernel-monitor", "NVRM: " + xid.group(1).strip())
                : null;
    }

    /** The node event, about the node whose journal holds the line, or an unnamed one (a prompt may name it later). */
    private static EventsTable.Row row(String line, long lineNumber, Instant now, String reason, String reporter,
                                       String message) {
        String host = LoggedEvent.journalHost(line);
        String node = host != null ? host : Unnamed.NODE;
        return new EventsTable.Row(lineNumber, null, "Warning", reason, QuotedEvent.age(line, now), reporter + ", " + node,
                "node/" + node, message.replaceAll("\\s{2,}", " "), null, null);
    }
}
