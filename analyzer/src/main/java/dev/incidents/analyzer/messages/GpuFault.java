package dev.incidents.analyzer.messages;

import dev.incidents.analyzer.hints.Clue;
import dev.incidents.analyzer.hints.Facts;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GPU hardware or driver fault reported about a node, in the words of whoever reports it: the driver's
 * {@code NVRM: Xid (PCI:0000:3b:00): 79, pid=..., GPU has fallen off the bus.} relayed by Node Problem Detector as a
 * node event or condition, DCGM / NVIDIA health checks ({@code XID 48 Double Bit ECC Error}, {@code GPU requires reset},
 * {@code row remapping failure}), or the device plugin's health check marking a device unhealthy on an Xid. Xids that
 * NVIDIA documents as caused by the application (13, 31, 43, 45: a graphics engine exception, an MMU fault, a stopped
 * or preempted context) are not hardware faults: they are not reported here.
 *
 * @param xid  the Xid code, when the report names one
 * @param clue the fault family
 * @param raw  the report verbatim
 */
public record GpuFault(Optional<Integer> xid, Clue clue, String raw) {

    private static final Pattern XID = Pattern.compile("(?i)\\bxid\\b[^0-9]{0,40}?(?:\\([^)]*\\)\\s*:?\\s*)?(\\d{1,3})\\b");
    private static final Pattern MEMORY_WORDS = Pattern.compile("\\b(?:ecc|dbe|sbe|double[- ]bit)\\b");
    private static final Pattern GSP = Pattern.compile("\\bgsp\\b");
    /** NVIDIA's Xid catalog: errors the application causes, not the GPU. */
    private static final Set<Integer> APPLICATION_XIDS = Set.of(13, 31, 43, 45, 68, 69);
    private static final Set<Integer> MEMORY_XIDS = Set.of(48, 63, 64, 92, 94, 95);
    private static final Set<Integer> BUS_XIDS = Set.of(79, 62, 154);
    private static final Set<Integer> NVLINK_XIDS = Set.of(74);
    private static final Set<Integer> FIRMWARE_XIDS = Set.of(119, 120, 121, 140);

    /** Never throws; empty when the text reports no GPU hardware fault. */
    public static Optional<GpuFault> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT);
        Matcher m = XID.matcher(text);
        Optional<Integer> xid = Optional.empty();
        if (m.find()) {
            xid = Optional.of(Integer.parseInt(m.group(1)));
            if (APPLICATION_XIDS.contains(xid.get())) {
                return Optional.empty();
            }
        }
        if (t.contains("fallen off the bus") || t.contains("fell off the bus") || t.contains("gpu is lost")
                || t.contains("gpu lost") || xid.filter(BUS_XIDS::contains).isPresent()) {
            return Optional.of(new GpuFault(xid, Clue.GPU_FELL_OFF_BUS, text));
        }
        if (MEMORY_WORDS.matcher(t).find() || t.contains("row remap") || t.contains("page retirement") || t.contains("retired pages")
                || xid.filter(MEMORY_XIDS::contains).isPresent()) {
            return Optional.of(new GpuFault(xid, Clue.GPU_MEMORY_ERRORS, text));
        }
        if (t.contains("nvlink") || xid.filter(NVLINK_XIDS::contains).isPresent()) {
            return Optional.of(new GpuFault(xid, Clue.NVLINK_ERRORS, text));
        }
        if (GSP.matcher(t).find() || t.contains("requires reset") || t.contains("require reset")
                || xid.filter(FIRMWARE_XIDS::contains).isPresent()) {
            return Optional.of(new GpuFault(xid, Clue.GPU_NEEDS_RESET, text));
        }
        boolean aboutGpu = t.contains("gpu") || t.contains("nvidia") || t.contains("nvml") || t.contains("dcgm");
        if (xid.isPresent() && aboutGpu || aboutGpu && (t.contains("unhealthy") || t.contains("hardware")
                || t.contains("thermal") || t.contains("power brake") || t.contains("slowdown"))) {
            return Optional.of(new GpuFault(xid, Clue.GPU_REPORTED_UNHEALTHY, text));
        }
        return Optional.empty();
    }

    /** A fault a health reporter asserted without words this parser knows (a GPU condition set True). */
    public static GpuFault reported(String text) {
        return new GpuFault(Optional.empty(), Clue.GPU_REPORTED_UNHEALTHY, text);
    }

    /** The family's clue, for the hint catalog. */
    public Facts facts() {
        return Facts.empty().withClue(clue);
    }
}
