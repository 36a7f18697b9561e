package dev.incidents.recordings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manifests a paste shows as YAML ({@code kind:} at a document's top level, its {@code metadata:} naming it): what
 * the reporter applied by hand, often above the error it met ("suppose we have a pod created using following yaml ...
 * we get the following error"). A Pod manifest without {@code ownerReferences} is a bare pod, whatever its name looks
 * like ({@code case1-2} is no StatefulSet's pod when the paste shows it written by hand).
 */
final class PodManifests {

    /** One manifest: the line of its {@code kind:} (0-based), its kind, name and namespace (null: none), and owners. */
    record Manifest(int line, String kind, String name, String namespace, boolean owned) {
    }

    private static final Pattern KIND = Pattern.compile("^kind:\\s*(\\w+)\\s*$");
    private static final Pattern NAME = Pattern.compile("^  name:\\s*['\"]?([a-z0-9][-a-z0-9.]*[a-z0-9])['\"]?\\s*$");
    private static final Pattern NAMESPACE = Pattern.compile("^  namespace:\\s*['\"]?([a-z0-9][-a-z0-9]*)['\"]?\\s*$");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[a-zA-Z][\\w.-]*:(?:\\s.*)?$");

    private PodManifests() {
    }

    /** Every manifest in {@code lines} with a top-level kind, in order. */
    static List<Manifest> in(List<String> lines) {
        List<Manifest> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher kind = KIND.matcher(lines.get(i));
            if (!kind.matches()) {
                continue;
            }
            // the document around the kind line: up to a fence, a separator or prose
            int from = i;
            while (from > 0 && isDocumentLine(lines.get(from - 1))) {
                from--;
            }
            String name = null;
            String namespace = null;
            boolean owned = false;
            boolean inMetadata = false;
            for (int k = from; k < lines.size() && (k == from || isDocumentLine(lines.get(k))); k++) {
                String line = lines.get(k);
                if (!line.startsWith(" ")) {
                    inMetadata = line.startsWith("metadata:");
                    continue;
                }
                if (!inMetadata) {
                    continue;
                }
                Matcher n = NAME.matcher(line);
                Matcher ns = NAMESPACE.matcher(line);
                if (n.matches()) {
                    name = n.group(1);
                } else if (ns.matches()) {
                    namespace = ns.group(1);
                } else if (line.startsWith("  ownerReferences:")) {
                    owned = true;
                }
            }
            if (name != null) {
                found.add(new Manifest(i, kind.group(1), name, namespace, owned));
            }
        }
        return found;
    }

    /** The names of the Pod manifests without owners: pods created by hand. */
    static java.util.Set<String> barePods(List<String> lines) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Manifest m : in(lines)) {
            if ("Pod".equals(m.kind()) && !m.owned()) {
                names.add(m.name());
            }
        }
        return names;
    }

    /** A line of a YAML document: indented, a top-level key, or a sequence item; not a fence, a separator, prose. */
    private static boolean isDocumentLine(String line) {
        return line.startsWith(" ") || line.startsWith("- ") || TOP_LEVEL_KEY.matcher(line).matches();
    }
}
