package dev.incidents.recordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * One file of a handed-over layout (a support bundle, a cluster-info dump, a must-gather), with the kind of the objects
 * its place in the layout says it holds ({@code relative}: that place), read from {@code path} and reported as
 * {@code name}.
 */
record BundleFile(String kind, String relative, String name, Path path) {
    private static final List<String> KIND_ORDER = List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
            "Node", "Pod", "Event");

    /** Owners first, then nodes, pods and events: equal event times keep this order. */
    static final Comparator<BundleFile> ORDER = Comparator.<BundleFile>comparingInt(f -> KIND_ORDER.indexOf(f.kind()))
            .thenComparing(BundleFile::relative);

    RecordStream.Input input() {
        return new RecordStream.Input(name, () -> Files.newInputStream(path), true, kind);
    }
}
