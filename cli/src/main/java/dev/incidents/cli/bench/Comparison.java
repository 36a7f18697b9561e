package dev.incidents.cli.bench;

/**
 * One row of the bench table: a figure of the project measured against a baseline measured in the same run on the
 * same machine, their ratio and the target the ratio must meet. Absolute figures on a shared 2-core machine are
 * noisy; the ratio is what a target is about.
 *
 * @param name      the row's name ({@code --only} selects by the part before the first {@code -})
 * @param measured  the project's figure
 * @param baseline  what it is compared with
 * @param ratio     as the target defines it (see {@link #note} when it is a ratio of times, not of rates)
 * @param target    the bound; null when the row was skipped
 * @param met       whether the target is met; null when the row was skipped
 * @param note      sizes, settings and caveats a reader of the figure needs
 */
public record Comparison(String name, Figure measured, Figure baseline, double ratio, Target target, Boolean met,
                         String note) {

    /** A number, its unit and what was measured ({@code 1,234 records/s}, "replay --output jsonl"). */
    public record Figure(double value, String unit, String what) {
    }

    public static Comparison of(String name, Figure measured, Figure baseline, double ratio, Target target, String note) {
        return new Comparison(name, measured, baseline, ratio, target, target.met(ratio, measured.value()), note);
    }

    /** A row that could not be measured here (no python3, no /proc), with the reason. */
    public static Comparison skipped(String name, String reason) {
        return new Comparison(name, null, null, Double.NaN, null, null, reason);
    }

    public boolean isSkipped() {
        return met == null;
    }
}
