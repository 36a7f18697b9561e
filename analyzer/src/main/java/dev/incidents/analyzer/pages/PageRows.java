package dev.incidents.analyzer.pages;

import java.util.List;

/** The parts both pages compute the same way from the history: the rows, and the counts above them. */
final class PageRows {
    private PageRows() {
    }

    static String rows(IncidentHistory history, List<IncidentHistory.Entry> entries) {
        StringBuilder rows = new StringBuilder();
        for (IncidentHistory.Entry entry : entries) {
            rows.append(IncidentArticle.render(entry, history)).append('\n');
        }
        return rows.toString();
    }

    /** {@code 7 incidents · 4 open}: the live page's script writes the same words as transitions arrive. */
    static String counts(List<IncidentHistory.Entry> entries) {
        long open = entries.stream().filter(IncidentHistory.Entry::open).count();
        return entries.size() + (entries.size() == 1 ? " incident" : " incidents") + " · " + open + " open";
    }
}
