package dev.incidents.cli;

import picocli.CommandLine;

/** The verbs of DESIGN.md section 7, in the order users meet them. A verb appears here when it works. */
final class Verbs {
    private Verbs() {
    }

    static void mount(CommandLine root) {
    }
}
