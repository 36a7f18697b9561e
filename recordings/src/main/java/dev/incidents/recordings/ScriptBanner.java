package dev.incidents.recordings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title a script prints between the outputs it collects ({@code === PVC Details ===}, {@code --- pod/web-0 ---},
 * {@code ##### Events #####}): the same mark, three times or more, on both sides of words. It ends the output above it,
 * as the next command does; one that names a pod ({@code --- pod/web-0 ---}, {@code === Pod: web-0 ===}) says whose
 * events follow. A table's underline ({@code ----   ------}) has no words between its dashes.
 */
final class ScriptBanner {
    private static final Pattern BANNER = Pattern.compile("^\\s*([=#*~-])\\1{2,}\\s*(.*?[A-Za-z].*?)\\s*\\1{3,}\\s*$");
    private static final Pattern POD = Pattern.compile("(?i)^pods?(?:/|:\\s*|\\s+)([a-z0-9][-a-z0-9.]*[a-z0-9])$");

    private ScriptBanner() {
    }

    static boolean is(String line) {
        return BANNER.matcher(line).matches();
    }

    /** The pod a banner names, or null (not a banner, or its title names something else). */
    static String pod(String line) {
        Matcher banner = BANNER.matcher(line);
        if (!banner.matches()) {
            return null;
        }
        Matcher pod = POD.matcher(banner.group(2).trim());
        return pod.matches() ? pod.group(1) : null;
    }
}
