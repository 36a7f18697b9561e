package dev.incidents.analyzer.replay;

import dev.incidents.analyzer.AnalyzerConfig;
import dev.incidents.analyzer.pages.IncidentHistory;
import dev.incidents.analyzer.pages.PostMortemReport;
import dev.incidents.analyzer.render.IncidentConsole;
import dev.incidents.analyzer.render.IncidentGroups;
import dev.incidents.analyzer.render.IncidentJson;
import dev.incidents.recordings.EncodedRecord;
import dev.incidents.recordings.ReadAhead;
import dev.incidents.recordings.ReadOptions;
import dev.incidents.recordings.RecordStream;
import dev.incidents.recordings.Recordings;
import dev.incidents.recordings.Rejection;
import dev.incidents.schemas.Incident;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code incidents replay FILE...}: the real topology over recorded logs, offline (no broker). Exit status per
 * DESIGN section 7: 0 success, 2 usage or unreadable input, 3 some records rejected (each reported on stderr as
 * {@code file:line: reason}; the rest is processed).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run the incident analyzer offline over recorded Kubernetes logs and print the incidents.",
                "Formats (detected from content): kubectl get -o json lists (or -o yaml), --watch streams, JSON Lines, "
                        + "incidents recordings, kubectl describe text, get-events and get-pods tables, Troubleshoot support "
                        + "bundles (directory or .tar.gz); a directory of recordings is every file in it."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "2:usage error or unreadable input", "3:some records rejected (see stderr)"})
public final class ReplayCommand implements Callable<Integer> {

    public enum Output { text, jsonl, html }

    /** Progress on stderr (only when it is a terminal) every this many records. */
    static final int PROGRESS_EVERY = 50_000;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recorded logs, support bundles or directories of them; '-' reads standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|jsonl|html",
            description = "text (for people), jsonl (one JSON incident per line, latest state of each) or html (a "
                    + "self-contained post-mortem page: summary, timeline chart, every incident's detail; it keeps "
                    + "every transition in memory). Default: ${DEFAULT-VALUE}.")
    Output output = Output.text;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Cluster name for the records (default: the recording's header, else 'default').")
    String cluster;

    @Option(names = "--now", paramLabel = "TIME",
            description = "Anchor of relative ages in describe text (RFC 3339). Default: the newest input file's "
                    + "modification time. A text whose own newest timestamp is later, or over a day earlier, counts "
                    + "back from that timestamp.")
    String now;

    @Option(names = "--reorder-window", paramLabel = "RECORDS",
            description = "Records held per file to put it in event-time order; a file of up to this many is ordered "
                    + "exactly. Default: ${DEFAULT-VALUE}.")
    int reorderWindow = ReadOptions.DEFAULT_REORDER_WINDOW;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant anchor;
        try {
            anchor = anchor();
        } catch (DateTimeParseException e) {
            err.println("replay: --now: not an RFC 3339 time: " + now);
            return 2;
        } catch (IOException e) {
            err.println("replay: " + e.getMessage());
            return 2;
        }
        if (reorderWindow < 1) {
            err.println("replay: --reorder-window: at least 1 record");
            return 2;
        }
        for (Path file : files) {
            if (!Recordings.STDIN.equals(file.toString()) && !Files.isReadable(file)) {
                err.println(file + ": cannot read");
                return 2;
            }
        }
        // Rejections are reported by the reader's own thread (ReadAhead); they are counted once it has ended.
        List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        Consumer<Rejection> report = r -> {
            rejections.add(r);
            err.println(r);
        };
        Replay.Result result;
        long read;
        long late;
        // Records are read as they are replayed, on a thread of their own: memory is the reorder window, not the input
        // (issue #12). Values stay in the encoding they waited in: the topology decodes them once, as a shipper's.
        boolean progress = System.console() != null;
        // The topology is built on a thread of its own while this one fills the first reorder window of every file
        // (RecordStream's constructor): neither needs the other until the first record is piped, and one after the
        // other they were 1 and 2.3 s of a fleet replay's start (on a loaded machine, profiled).
        try (Replay.Starting started = Replay.start(AnalyzerConfig.defaults(), output == Output.html);
             RecordStream records = Recordings.stream(files, new ReadOptions(cluster, anchor, reorderWindow), report);
             ReadAhead<EncodedRecord> ahead = new ReadAhead<>(records.encoded(), "replay-reader");
             Replay replay = started.replay()) {
            long piped = 0;
            while (ahead.hasNext()) {
                replay.pipe(ahead.next());
                if (progress && ++piped % PROGRESS_EVERY == 0) {
                    err.printf("\r%,d records", piped);
                    err.flush();
                }
            }
            if (progress && piped >= PROGRESS_EVERY) {
                err.println();
            }
            read = records.released();
            late = records.late();
            result = replay.finish();
        } catch (OutOfMemoryError e) {
            // The correlator's state grows with the workloads and nodes live at once, not with the input's length.
            err.println("\nreplay: out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB of heap); "
                    + "a recording with this many workloads at once needs more: INCIDENTS_HEAP=4g bin/incidents replay ...");
            err.flush();
            return 1;
        }
        if (late > 0) {
            err.println(late + " record(s) were further out of time order than the reorder window (" + reorderWindow
                    + " records per file) and were replayed late; a larger --reorder-window orders them");
        }
        if (output == Output.html) {
            out.print(PostMortemReport.render(IncidentHistory.of(result.transitions()),
                    new PostMortemReport.Source(files.stream().map(f -> String.valueOf(f.getFileName())).toList(), read)));
        }
        if (output != Output.html) {
            List<IncidentGroups.Member> members = new ArrayList<>();
            result.forEachLatest(incident -> {
                out.println(output == Output.jsonl ? IncidentJson.toJson(incident) : IncidentConsole.render(incident, false));
                if (output == Output.text) {
                    members.add(IncidentGroups.Member.of(incident));
                }
            });
            if (output == Output.text) {
                // what on-call receives as one notification (the README's Alertmanager grouping): said once, after
                // the incidents it gathers
                IncidentGroups.alike(members).forEach(g -> out.println("[GROUP] " + g.describe()));
            }
        }
        out.flush();
        int rejected = rejections.size() + result.deadLettered();
        if (result.deadLettered() > 0) {
            err.println(result.deadLettered() + " record(s) could not be analysed (invalid after decoding)");
        }
        if (output == Output.text) {
            err.println(read + " record(s) read, " + result.incidentCount() + " incident(s)"
                    + (rejected > 0 ? ", " + rejected + " rejected" : ""));
        }
        err.flush();
        return rejected > 0 ? 3 : 0;
    }

    private Instant anchor() throws IOException {
        if (now != null) {
            return Instant.parse(now);
        }
        Instant newest = null;
        for (Path file : files) {
            if (!Recordings.STDIN.equals(file.toString()) && Files.isReadable(file)) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                newest = newest == null || modified.isAfter(newest) ? modified : newest;
            }
        }
        return newest != null ? newest : Instant.now();
    }
}
