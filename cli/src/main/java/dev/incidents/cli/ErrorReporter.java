package dev.incidents.cli;

import dev.incidents.schemas.KafkaRefusal;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Turns an exception escaping a verb into one line on stderr and exit status 1, instead of a stack trace:
 * the verbs report bad input themselves (exit 2 or 3), so what arrives here is an unexpected failure.
 * {@code INCIDENTS_DEBUG=1} prints the stack trace too.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final String DEBUG_VARIABLE = "INCIDENTS_DEBUG";

    private final boolean stackTraces;

    ErrorReporter(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        cmd.getErr().println("incidents " + cmd.getCommandName() + ": " + describe(e));
        if (stackTraces) {
            e.printStackTrace(cmd.getErr());
        }
        return 1;
    }

    private static String describe(Throwable e) {
        Optional<String> refused = KafkaRefusal.of(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
