package dev.incidents.recordings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl get pvc} tables ({@code [NAMESPACE] NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS ... AGE}, and
 * the {@code persistentvolumeclaim/x} rows of {@code get pv,pvc}): the schemas have no claim object, so a claim's row
 * is read as the event the volume controller records for its state, as {@link DescribeClaim} reads a described claim.
 * A claim Pending with no storage class is the controller's {@code FailedBinding} ({@link DescribeClaim#NO_CLASS});
 * one Pending on a class that a {@code kubectl get storageclass} table of the same paste does not list is its
 * {@code ProvisioningFailed} ({@code storageclass.storage.k8s.io "fast" not found}). A claim Pending on a class that
 * exists, or with no class listing to tell, may be waiting for its first consumer or its provisioner: no row says
 * it failed. Cells are read at the header's column offsets, since a Pending claim's VOLUME, CAPACITY and ACCESS MODES
 * cells are empty.
 */
final class ClaimsTable {
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:NAMESPACE\\s+)?NAME\\s+STATUS\\s+VOLUME\\s+CAPACITY\\s+ACCESS MODES\\s+STORAGECLASS\\b.*\\bAGE\\b.*$");
    private static final Pattern CLASSES_HEADER = Pattern.compile("^\\s*NAME\\s+PROVISIONER\\s+RECLAIMPOLICY\\b.*$");
    private static final Pattern NAME = Pattern.compile("^(?:persistentvolumeclaim/)?([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)$");
    private static final Pattern CLASS_NAME = Pattern.compile("^\\s*([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)(?:\\s+\\(default\\))?\\s");
    private static final Pattern GET_CLAIMS = Pattern.compile(
            "\\bget\\s+(?:\\S+,)?(?:pvc|persistentvolumeclaims?)\\b");

    private static final Pattern COLUMN_GAP = Pattern.compile("\\s{2,}(?=\\S)");

    /** The claim phases {@code get pvc} prints in STATUS. */
    private static final Set<String> PHASES = Set.of("Pending", "Bound", "Lost");

    private final DescribeEvents events;

    ClaimsTable(DescribeEvents events) {
        this.events = events;
    }

    /**
     * The binding failures the claim rows of {@code lines} show, emitted as the controller's events; a claim among
     * {@code described} (the names the paste's describe documents give) is read from its describe, which says its
     * namespace.
     */
    void read(List<String> lines, Set<String> described) {
        Set<String> classes = classes(lines);
        for (int i = 0; i < lines.size(); i++) {
            String header = lines.get(i);
            if (!HEADER.matcher(header).matches()) {
                continue;
            }
            int namespaceAt = header.indexOf("NAMESPACE");
            int nameAt = header.indexOf("NAME", namespaceAt < 0 ? 0 : namespaceAt + "NAMESPACE".length());
            int statusAt = header.indexOf("STATUS", nameAt);
            int afterStatus = nextColumn(header, statusAt + "STATUS".length());
            int classAt = header.indexOf("STORAGECLASS", statusAt);
            int afterClass = nextColumn(header, classAt + "STORAGECLASS".length());
            String commandNamespace = KubectlCommands.namespaceAbove(lines, i, GET_CLAIMS, 3);
            for (int k = i + 1; k < lines.size() && !lines.get(k).isBlank(); k++) {
                String row = lines.get(k);
                Matcher name = NAME.matcher(cell(row, nameAt, statusAt));
                String status = cell(row, statusAt, afterStatus);
                if (!name.matches() || !PHASES.contains(status)) {
                    break;
                }
                if (!"Pending".equals(status) || described.contains(name.group(1))) {
                    continue;
                }
                String namespace = namespaceAt < 0 ? commandNamespace : cell(row, namespaceAt, nameAt);
                String storageClass = cell(row, classAt, afterClass);
                if (storageClass.isEmpty()) {
                    emit(name.group(1), namespace, "FailedBinding", DescribeClaim.NO_CLASS, k + 1);
                } else if (!classes.isEmpty() && !classes.contains(storageClass)) {
                    emit(name.group(1), namespace, "ProvisioningFailed",
                            "storageclass.storage.k8s.io \"" + storageClass + "\" not found", k + 1);
                }
            }
        }
    }

    /** The names of the classes every {@code get storageclass} table of {@code lines} lists; empty when none is pasted. */
    private static Set<String> classes(List<String> lines) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!CLASSES_HEADER.matcher(lines.get(i)).matches()) {
                continue;
            }
            for (int k = i + 1; k < lines.size(); k++) {
                Matcher name = CLASS_NAME.matcher(lines.get(k));
                if (!name.find()) {
                    break;
                }
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** The start of the column after {@code from} in a header (two or more spaces before it), the line's end if none. */
    private static int nextColumn(String header, int from) {
        Matcher gap = COLUMN_GAP.matcher(header);
        return gap.find(from) ? gap.end() : Integer.MAX_VALUE;
    }

    /** The text of a row between two column offsets, trimmed; empty where the row is shorter. */
    private static String cell(String row, int from, int to) {
        if (from >= row.length()) {
            return "";
        }
        return row.substring(from, Math.min(to, row.length())).strip();
    }

    /** The volume controller's event about the claim, as {@link DescribeClaim} gives a described claim's. */
    private void emit(String claim, String namespace, String reason, String message, long line) {
        events.emit(new EventsTable.Row(line, null, "Warning", reason, "0s", "persistentvolume-controller", null, message,
                null, null), "PersistentVolumeClaim", namespace, claim, null);
    }
}
