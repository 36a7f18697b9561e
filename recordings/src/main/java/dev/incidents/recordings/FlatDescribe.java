package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code kubectl describe pod} or {@code describe node} that lost every indentation (pasted outside a code block,
 * copied from a rendered page): its fields are all flush left, so the tree the describe readers build from indentation is flat, and a
 * container's {@code Last State: Terminated} / {@code Exit Code: 1} read as the pod's own fields. kubectl prints the
 * same fields in the same places every time, so the indentation is put back from the field names: the pod's fields at
 * 0, a container's name at 2 under {@code Containers:}, its fields at 4, a state's fields and a container's resources,
 * environment and mounts at 6, a volume's name at 2 and its fields at 4; a node's capacity, allocatable, addresses,
 * system info and lease entries at 2. Lines keep their numbers; a describe with any indented container or node field
 * is left as it is.
 */
final class FlatDescribe {
    /**
     * A container's or a node's own field indented: the describe kept its indentation. Deeper entries (a state's
     * {@code Reason:}, a limit's {@code cpu:}) prove nothing: an export that flattened the fields can keep them.
     */
    private static final Pattern INDENTED_FIELD = Pattern.compile(
            "^\\s+(?:Container ID|Image|Image ID|State|Last State|Restart Count|Kernel Version"
                    + "|Kubelet Version|InternalIP|Hostname):");
    /** The sections whose column-0 line marks a describe that may have lost its indentation. */
    private static final Set<String> MARKERS = Set.of("Containers", "Init Containers", "Capacity", "Allocatable");
    /** A node's capacity entry that lost its indentation: flush left, as a flat node describe prints them. */
    private static final Pattern FLUSH_RESOURCE = Pattern.compile("^(?:cpu|memory|pods|ephemeral-storage):\\s+\\S.*");

    /**
     * A marker section flush left. A claim's describe prints {@code Capacity:} flush left by design (its other fields
     * too: {@code StorageClass:}, {@code Used By:}), so a capacity counts only beside a resource entry that lost its
     * indentation ({@code cpu: 4} flush left).
     */
    private static boolean isMarker(String line, List<String> lines) {
        String key = line.strip().replace(":", "");
        if (line.startsWith(" ") || !MARKERS.contains(key)) {
            return false;
        }
        return !(key.equals("Capacity") || key.equals("Allocatable"))
                || lines.stream().anyMatch(l -> FLUSH_RESOURCE.matcher(l).matches());
    }
    private static final Set<String> CONTAINER_SECTIONS = Set.of("Containers", "Init Containers", "Ephemeral Containers");
    /** The pod's own fields, as kubectl prints them at the left margin. */
    private static final Set<String> POD_FIELDS = Set.of("Name", "Namespace", "Priority", "Priority Class Name",
            "Runtime Class Name", "Service Account", "Node", "Start Time", "Labels", "Annotations", "Status", "Reason",
            "Message", "SeccompProfile", "IP", "IPs", "Controlled By", "NominatedNodeName", "Init Containers",
            "Containers", "Ephemeral Containers", "Conditions", "Volumes", "QoS Class", "Node-Selectors", "Tolerations",
            "Events", "Readiness Gates", "Topology Spread Constraints");
    private static final Set<String> CONTAINER_FIELDS = Set.of("Container ID", "Image", "Image ID", "Port", "Ports",
            "Host Port", "Host Ports", "Command", "Args", "State", "Last State", "Ready", "Restart Count", "Limits",
            "Requests", "Liveness", "Readiness", "Startup", "Environment", "Environment Variables from", "Mounts",
            "SeccompProfile", "Devices");
    private static final Set<String> STATE_FIELDS = Set.of("Reason", "Message", "Exit Code", "Signal", "Started",
            "Finished");
    /**
     * A node's own fields ({@code kubectl describe node}): what follows a section of them (Capacity, Allocatable,
     * Addresses, System Info, Lease) with a value is one of its entries, at 2.
     */
    private static final Set<String> NODE_FIELDS = Set.of("Roles", "CreationTimestamp", "Taints", "Unschedulable",
            "Lease", "Conditions", "Addresses", "Capacity", "Allocatable", "System Info", "PodCIDR", "PodCIDRs",
            "ProviderID", "Non-terminated Pods", "Allocated resources");
    /** Container fields whose entries follow on lines of their own. */
    private static final Set<String> LISTS = Set.of("Limits", "Requests", "Environment", "Environment Variables from",
            "Mounts", "Command", "Args");

    private FlatDescribe() {
    }

    /** {@code lines} with the indentation of every flat pod describe in them put back. */
    static List<String> reindent(List<String> lines) {
        if (lines.stream().noneMatch(l -> isMarker(l, lines))
                || lines.stream().anyMatch(l -> INDENTED_FIELD.matcher(l).find())) {
            return strayContainerNames(lines);
        }
        List<String> out = new ArrayList<>(lines);
        String section = null;
        boolean inContainer = false;
        boolean stateOpen = false;
        String list = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || "Events".equals(section)) {
                continue;
            }
            if (EventsTable.DESCRIBE_HEADER.matcher(line).matches()) {
                section = "Events";
                continue;
            }
            // a describe's Key: value line, flush left (the describe readers' own pattern)
            Matcher field = DescribeDocuments.FIELD.matcher(line);
            boolean containers = section != null && CONTAINER_SECTIONS.contains(section);
            if (!field.matches() || !field.group(1).isEmpty()) {
                if (containers && inContainer) {
                    out.set(i, "      " + line.strip()); // a command's arguments, a mount, a probe's lines
                }
                continue;
            }
            String key = field.group(2);
            boolean empty = field.group(3) == null || field.group(3).isBlank();
            boolean containerOwn = containers && (CONTAINER_FIELDS.contains(key) || stateOpen && STATE_FIELDS.contains(key));
            boolean own = POD_FIELDS.contains(key) || NODE_FIELDS.contains(key);
            if (own && !containerOwn && !("Volumes".equals(section) && "Name".equals(key))) {
                section = key;
                inContainer = false;
                stateOpen = false;
                list = null;
                continue;
            }
            if (containers) {
                if (CONTAINER_FIELDS.contains(key)) {
                    out.set(i, "    " + line);
                    inContainer = true;
                    stateOpen = key.equals("State") || key.equals("Last State");
                    list = LISTS.contains(key) ? key : null;
                } else if (stateOpen && STATE_FIELDS.contains(key) || list != null && !empty) {
                    out.set(i, "      " + line);
                } else if (empty && CONTAINER_NAME.matcher(line).matches()) {
                    out.set(i, "  " + line); // the next container's name
                    inContainer = true;
                    stateOpen = false;
                    list = null;
                } else {
                    out.set(i, "      " + line);
                }
            } else if ("Volumes".equals(section)) {
                out.set(i, (empty ? "  " : "    ") + line);
            } else if (section != null && !empty) {
                out.set(i, "  " + line); // a capacity's resource, an address, an annotation written key: value
            }
        }
        return out;
    }

    /** A container's name as describe prints it under its section: a DNS label and a colon, nothing after. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?:\\s*$");

    /**
     * An indented describe with one container's name line flush left ({@code app2:} under {@code Init Containers:},
     * where its sibling is {@code   app1:}), as a reporter's copy leaves the first line after an elision: kubectl prints
     * no lower-case name at the left margin, so inside a containers section a name followed by indented fields is the
     * next container's, put back at its siblings' indentation.
     */
    static List<String> strayContainerNames(List<String> lines) {
        List<String> out = lines;
        boolean inSection = false;
        int nameIndent = 2;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (inSection && CONTAINER_NAME.matcher(line.strip()).matches()) {
                    nameIndent = line.indexOf(line.strip());
                }
                continue;
            }
            if (inSection && CONTAINER_NAME.matcher(line).matches() && nextIndented(lines, i)) {
                out = out == lines ? new ArrayList<>(lines) : out;
                out.set(i, " ".repeat(nameIndent) + line.strip());
                continue;
            }
            Matcher field = DescribeDocuments.FIELD.matcher(line);
            inSection = field.matches() && CONTAINER_SECTIONS.contains(field.group(2));
            nameIndent = 2;
        }
        return out;
    }

    private static boolean nextIndented(List<String> lines, int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return Character.isWhitespace(lines.get(k).charAt(0));
            }
        }
        return false;
    }
}
