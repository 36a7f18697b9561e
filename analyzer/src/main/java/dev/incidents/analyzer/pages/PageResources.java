package dev.incidents.analyzer.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' templates, stylesheet and script, read from the jar ({@code src/main/resources/pages/}): the markup and
 * the behaviour live in files a front-end reader can open, not in Java strings. A template's {@code {{slot}}} takes
 * HTML this package rendered (escaped by {@link Html}); a slot without a value is a bug and fails.
 */
final class PageResources {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z]+)}}");

    private PageResources() {
    }

    static String read(String name) {
        try (InputStream in = PageResources.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page resource missing from the jar: pages/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 4096);
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for template slot {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
