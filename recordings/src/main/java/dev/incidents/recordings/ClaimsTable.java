package dev.incidents.recordings;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private final DescribeSink sink;

    ClaimsTable(DescribeSink sink) {
        this.sink = sink;
    }

    /** The binding failures the claim rows of {@code lines} show, emitted as the controller's events. */
    void read(List<String> lines) {
        Set<String> classes = classes(lines);
        Set<String> described = described(lines);
        for (int i = 0; i < lines.size(); i++) {
            String header = lines.get(i);
            if (!HEADER.matcher(header).matches()) {
                continue;
            }
            int namespaceAt = header.indexOf("NAMESPACE");
            int nameAt = header.indexOf("NAME", namespaceAt < 0 ? 0 : namespaceAt + "NAMESPACE".length());
            int statusAt = header.indexOf("STATUS", nameAt);
            int classAt = header.indexOf("STORAGECLASS", statusAt);
            int afterClass = nextColumn(header, classAt + "STORAGECLASS".length());
            String commandNamespace = commandNamespace(lines, i);
            for (int k = i + 1; k < lines.size() && !lines.get(k).isBlank(); k++) {
                String row = lines.get(k);
                Matcher name = NAME.matcher(cell(row, nameAt, statusAt));
                String status = cell(row, statusAt, nextColumn(header, statusAt + "STATUS".length()));
                if (!name.matches() || !Set.of("Pending", "Bound", "Lost").contains(status)) {
                    break;
                }
                if (!"Pending".equals(status) || described.contains(name.group(1))) {
                    continue; // a claim the paste describes is read from its describe, which says its namespace
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

    /** The names of the objects the paste describes ({@code Name:} fields at the start of a line). */
    private static Set<String> described(List<String> lines) {
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            Matcher name = DESCRIBED_NAME.matcher(line);
            if (name.matches()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static final Pattern DESCRIBED_NAME = Pattern.compile("^Name:\\s+(\\S+)\\s*$");

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

    /** The {@code -n} of the {@code get pvc} command on the lines just above the header, else {@code default}. */
    private static String commandNamespace(List<String> lines, int header) {
        for (int k = header - 1; k >= 0 && k >= header - 3; k--) {
            if (GET_CLAIMS.matcher(lines.get(k)).find()) {
                String flag = PodsTable.namespaceFlag(lines.get(k));
                return flag == null ? "default" : flag;
            }
        }
        return "default";
    }

    private void emit(String claim, String namespace, String reason, String message, long line) {
        String at = sink.now().toString();
        ObjectNode event = JsonLogReader.MAPPER.createObjectNode();
        event.put("apiVersion", "v1");
        event.put("kind", "Event");
        event.putObject("metadata").put("name", claim + "." + reason.toLowerCase(java.util.Locale.ROOT))
                .put("namespace", namespace);
        event.putObject("involvedObject").put("kind", "PersistentVolumeClaim").put("namespace", namespace)
                .put("name", claim);
        event.put("reason", reason);
        event.put("message", message);
        event.put("type", "Warning");
        event.putObject("source").put("component", "persistentvolume-controller");
        event.put("count", 1);
        event.put("firstTimestamp", at);
        event.put("lastTimestamp", at);
        sink.snapshot(event, line);
    }
}
