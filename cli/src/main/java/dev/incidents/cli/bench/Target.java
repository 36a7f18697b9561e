package dev.incidents.cli.bench;

import java.util.Locale;

/**
 * What a comparison must reach (issue #12 "Targets"): its ratio at most or at least a bound, and for some also a
 * floor on the measured figure itself ({@code ship --from} must be 0.8x a bare producer <em>and</em> 50k records/s).
 *
 * @param atMost         true when the ratio must not exceed {@code ratio} (times, memory), false when it must reach it
 * @param ratio          the bound on the ratio
 * @param measuredFloor  the least the measured figure must be, or 0 for no floor
 */
public record Target(boolean atMost, double ratio, double measuredFloor) {

    public static Target ratioAtMost(double ratio) {
        return new Target(true, ratio, 0);
    }

    public static Target ratioAtLeast(double ratio) {
        return new Target(false, ratio, 0);
    }

    public Target andMeasuredAtLeast(double floor) {
        return new Target(atMost, ratio, floor);
    }

    public boolean met(double measuredRatio, double measured) {
        boolean ratioMet = atMost ? measuredRatio <= ratio : measuredRatio >= ratio;
        return ratioMet && measured >= measuredFloor;
    }

    /** {@code <= 1.0}, {@code >= 0.8 and >= 50,000}. */
    public String describe() {
        String bound = String.format(Locale.ROOT, "%s %.1f", atMost ? "<=" : ">=", ratio);
        return measuredFloor > 0 ? bound + String.format(Locale.ROOT, ", measured >= %,.0f", measuredFloor) : bound;
    }
}
