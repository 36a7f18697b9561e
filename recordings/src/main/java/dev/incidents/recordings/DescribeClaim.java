package dev.incidents.recordings;

import dev.incidents.recordings.DescribeDocuments.Field;

import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl describe pvc}: the schemas have no claim object, so what a claim's fields say is read as the event the
 * volume controller records for that state. A claim Pending with no storage class ({@code StorageClass:} empty) waits
 * for a PersistentVolume someone creates by hand: nothing provisions one (with a default StorageClass the claim would
 * have been given it), and the controller says so on the claim, again and again, as {@code FailedBinding} ({@code no
 * persistent volumes available for this claim and no storage class is set}), also where the describe was cut before
 * its Events or they aged out. A paste that shows the binding failure already is read by its rows alone.
 */
final class DescribeClaim {
    static final String NO_CLASS = "no persistent volumes available for this claim and no storage class is set";

    private DescribeClaim() {
    }

    /**
     * The controller's FailedBinding for a claim described Pending without a class, unless the paste shows a binding
     * failure already (in the claim's Events table, or a row above its describe that is the claim's).
     */
    static Optional<EventsTable.Row> bindingFailure(Field root, List<String> lines, long line) {
        Field storageClass = root.child("StorageClass");
        boolean classless = storageClass != null && root.text("StorageClass") == null
                && storageClass.more.stream().allMatch(String::isBlank);
        if (!classless || !"Pending".equals(root.text("Status"))
                || lines.stream().anyMatch(l -> l.contains("FailedBinding") || l.contains(NO_CLASS))) {
            return Optional.empty();
        }
        return Optional.of(new EventsTable.Row(line, null, "Warning", "FailedBinding", "0s", "persistentvolume-controller",
                null, NO_CLASS, null, null));
    }
}
