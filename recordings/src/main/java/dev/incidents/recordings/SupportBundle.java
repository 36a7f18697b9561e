package dev.incidents.recordings;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Format 6 of DESIGN.md section 6: a Troubleshoot support bundle ({@code kubectl support-bundle}), as a directory or
 * as the {@code .tar.gz} it is shipped in, and, beside it, a plain directory or archive of recordings.
 * <p>
 * Troubleshoot's {@code clusterResources} collector writes one JSON file per namespace and kind,
 * {@code cluster-resources/<kind>/<namespace>.json} ({@code nodes.json} for nodes), each the List's items: a bare
 * array in the versions that marshal {@code list.Items}, a List object in others. Items marshalled from client-go's
 * typed lists carry no {@code kind}, so each file is read with the kind its directory names. Only the kinds the
 * analyzer reads are taken (Events, Pods, Nodes, and the controllers that resolve a Pod's workload); Secrets,
 * ConfigMaps, logs and the collectors' {@code *-errors.json} are left alone. Each file is its own source of a
 * {@link RecordStream}, so memory stays the reorder window per file.
 * <p>
 * The other layouts handed over the same way are read alike, each file with the kind its place says: the directory
 * {@code kubectl cluster-info dump --output-directory} writes ({@link ClusterInfoDump}) and OpenShift's must-gather,
 * as a directory or an archive ({@link MustGather}).
 * <p>
 * An archive is read once: the files taken are copied to a temporary directory (under generated names, never the
 * archive's paths), read from there, and deleted when the stream is closed.
 */
final class SupportBundle implements Closeable {
    static final String ROOT = "cluster-resources/";
    /** Bundle directory (as Troubleshoot names it) to the kind of the objects in its files. */
    static final Map<String, String> KINDS = Map.of("events", "Event", "pods", "Pod", "deployments",
            "Deployment", "replicasets", "ReplicaSet", "statefulsets", "StatefulSet", "daemonsets", "DaemonSet",
            "jobs", "Job");

    private final List<RecordStream.Input> inputs;
    private final Path temporary;

    private SupportBundle(List<RecordStream.Input> inputs, Path temporary) {
        this.inputs = inputs;
        this.temporary = temporary;
    }

    /** The sources to read; close the bundle once they are read. */
    List<RecordStream.Input> inputs() {
        return inputs;
    }

    /**
     * The kind of the objects in a bundle file, from its path below {@code cluster-resources/}
     * ({@code pods/inference.json}, {@code nodes.json}); empty for files this reader leaves alone.
     */
    static Optional<String> kindOf(String relative) {
        if (relative.equals("nodes.json")) {
            return Optional.of("Node");
        }
        int slash = relative.indexOf('/');
        if (slash < 0 || !relative.endsWith(".json") || relative.indexOf('/', slash + 1) >= 0) {
            return Optional.empty(); // pods/logs/..., image-pull-secrets/<ns>/<secret>.json
        }
        return Optional.ofNullable(KINDS.get(relative.substring(0, slash)));
    }

    /** The part of {@code path} below {@code cluster-resources/}, or null when it is not in a bundle. */
    static String belowRoot(String path) {
        String normalized = path.replace('\\', '/');
        if (normalized.startsWith(ROOT)) {
            return normalized.substring(ROOT.length());
        }
        int at = normalized.indexOf("/" + ROOT);
        return at < 0 ? null : normalized.substring(at + 1 + ROOT.length());
    }

    /** True when {@code path} is a file that starts like a gzip or tar archive. */
    static boolean isArchive(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            if (TarArchive.isGzip(in)) {
                return true;
            }
            byte[] block = in.readNBytes(512);
            return TarArchive.isTarHeader(block, block.length);
        } catch (IOException e) {
            return false; // reported when it is read as a recording
        }
    }

    /**
     * A directory: a support bundle when it (or its only subdirectory, as a bundle unpacks) holds
     * {@code cluster-resources/}, a cluster-info dump or a must-gather when laid out as one, else every regular file in
     * it, in name order, each a recording.
     */
    static SupportBundle ofDirectory(Path directory) throws IOException {
        Path root = bundleRoot(directory);
        List<RecordStream.Input> inputs = new ArrayList<>();
        if (root != null) {
            List<BundleFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root.resolve(ROOT))) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    String relative = root.resolve(ROOT).relativize(file).toString().replace('\\', '/');
                    kindOf(relative).ifPresent(kind -> files.add(new BundleFile(kind, relative, file.toString(), file)));
                });
            }
            files.sort(BundleFile.ORDER);
            files.forEach(file -> inputs.add(file.input()));
        } else {
            List<BundleFile> dump = ClusterInfoDump.files(directory);
            if (dump.isEmpty()) {
                dump = MustGather.files(directory);
            }
            if (!dump.isEmpty()) {
                dump.forEach(file -> inputs.add(file.input()));
                return new SupportBundle(inputs, null);
            }
            try (Stream<Path> list = Files.list(directory)) {
                list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .forEach(p -> inputs.add(recording(p)));
            }
        }
        return new SupportBundle(inputs, null);
    }

    /** One file as a recording: a gzipped one is read through gunzip. */
    static RecordStream.Input recording(Path file) {
        return new RecordStream.Input(file.toString(), () -> {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return TarArchive.isGzip(in) ? new GZIPInputStream(in, 1 << 16) : in;
        }, true);
    }

    private static Path bundleRoot(Path directory) throws IOException {
        if (Files.isDirectory(directory.resolve(ROOT))) {
            return directory;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.filter(Files::isDirectory).toList();
        }
        return children.size() == 1 && Files.isDirectory(children.get(0).resolve(ROOT)) ? children.get(0) : null;
    }

    /**
     * A {@code .tar.gz} or {@code .tar}: a support bundle when it has entries under {@code cluster-resources/}, a
     * must-gather when it has {@link MustGather}'s files, else every regular file in it, each a recording. A gzip that
     * holds no tar is one recording.
     */
    static SupportBundle ofArchive(Path archive) throws IOException {
        try (InputStream probe = new BufferedInputStream(Files.newInputStream(archive))) {
            InputStream content = TarArchive.isGzip(probe) ? new GZIPInputStream(probe) : probe;
            byte[] block = content.readNBytes(512);
            if (!TarArchive.isTarHeader(block, block.length)) {
                return new SupportBundle(List.of(recording(archive)), null);
            }
        }
        Path temporary = Files.createTempDirectory("incidents-bundle-");
        try {
            // one pass for a bundle or a must-gather: its files are copied as they come; a second only for an archive
            // of recordings
            List<BundleFile> bundleFiles = new ArrayList<>();
            List<BundleFile> gathered = new ArrayList<>();
            boolean bundle = false;
            int count = 0;
            try (TarArchive tar = TarArchive.open(Files.newInputStream(archive))) {
                TarArchive.Entry entry;
                while ((entry = tar.next()) != null) {
                    String below = belowRoot(entry.path());
                    bundle |= below != null;
                    Optional<String> kind = below == null ? Optional.empty() : kindOf(below);
                    Optional<String> mustGather = below == null ? MustGather.kindOf(entry.path()) : Optional.empty();
                    if (kind.isPresent()) {
                        Path copy = copy(entry, temporary, ++count);
                        bundleFiles.add(new BundleFile(kind.get(), below, archive + "/" + entry.path(), copy));
                    } else if (mustGather.isPresent()) {
                        Path copy = copy(entry, temporary, ++count);
                        gathered.add(new BundleFile(mustGather.get(), entry.path(), archive + "/" + entry.path(), copy));
                    }
                }
            }
            List<RecordStream.Input> inputs = new ArrayList<>();
            if (bundle || !gathered.isEmpty()) {
                List<BundleFile> taken = bundle ? bundleFiles : MustGather.withoutListedPods(gathered);
                taken.sort(BundleFile.ORDER);
                taken.forEach(file -> inputs.add(file.input()));
                return new SupportBundle(inputs, temporary);
            }
            List<Map.Entry<String, Path>> files = new ArrayList<>();
            try (TarArchive tar = TarArchive.open(Files.newInputStream(archive))) {
                TarArchive.Entry entry;
                while ((entry = tar.next()) != null) {
                    String base = entry.path().substring(entry.path().lastIndexOf('/') + 1);
                    if (!base.isEmpty() && !base.startsWith(".")) {
                        files.add(Map.entry(archive + "/" + entry.path(), copy(entry, temporary, ++count)));
                    }
                }
            }
            files.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, Path> file : files) {
                inputs.add(new RecordStream.Input(file.getKey(), recording(file.getValue()).opener(), true));
            }
            return new SupportBundle(inputs, temporary);
        } catch (IOException | RuntimeException e) {
            delete(temporary);
            throw e;
        }
    }

    /** Copies an entry under a generated name: the archive's own paths never reach the file system. */
    private static Path copy(TarArchive.Entry entry, Path directory, int number) throws IOException {
        Path copy = directory.resolve(String.format("%06d", number));
        try (OutputStream out = Files.newOutputStream(copy)) {
            entry.data().transferTo(out);
        }
        return copy;
    }

    /**
     * A bundle file to read: the kind its directory names, its path below {@code cluster-resources/}, the name
     * rejections report, where its bytes are.
     */

    /** Deletes the copies of an archive's files. */
    @Override
    public void close() {
        if (temporary != null) {
            delete(temporary);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is not worth failing a replay for
        }
    }
}
