package dev.incidents.analyzer.detect;

/** Kubernetes quantities of countable resources ({@code nvidia.com/gpu: "4"}) as numbers. */
public final class Quantities {
    private Quantities() {
    }

    /** Whole units of a countable quantity; 0 when absent or not a plain integer. */
    public static long count(String quantity) {
        if (quantity == null) {
            return 0;
        }
        try {
            return Long.parseLong(quantity.trim());
        } catch (NumberFormatException notAnInteger) {
            return 0;
        }
    }
}
