package dev.incidents.recordings;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA driver's report of a GPU error in the kernel's log, as {@code dmesg} or a node's journal prints it:
 * {@code NVRM: Xid (PCI:0000:3b:00): 79, pid=0, GPU has fallen off the bus.} It is read as the node event Node Problem
 * Detector's kernel monitor records for such a line (the analyzer tells hardware Xids from the application's by the
 * code), about the node whose journal holds it, or an unnamed node in a {@code dmesg} print without a host.
 */
final class KernelGpuXid {
    private static final Pattern XID = Pattern.compile("\\bNVRM: (Xid \\([^)]*\\): \\d{1,3}\\b.*)$");

    private KernelGpuXid() {
    }

    /** The node event {@code line} reports; null when it is no driver Xid line. */
    static EventsTable.Row parse(String line, long lineNumber, Instant now) {
        if (line.indexOf("NVRM: Xid") < 0) {
            return null;
        }
        Matcher xid = XID.matcher(line);
        if (!xid.find()) {
            return null;
        }
        String host = LoggedEvent.journalHost(line);
        String node = host != null ? host : Unnamed.NODE;
        return new EventsTable.Row(lineNumber, null, "Warning", "NVRMXid", QuotedEvent.age(line, now), "kernel-monitor, "
                + node, "node/" + node, "NVRM: " + xid.group(1).strip(), null, null);
    }
}
