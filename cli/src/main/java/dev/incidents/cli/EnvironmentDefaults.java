package dev.incidents.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every long option can also come from the environment, the way containers are configured:
 * {@code --bootstrap-server} from {@code INCIDENTS_BOOTSTRAP_SERVER}, {@code --http-port} from
 * {@code INCIDENTS_HTTP_PORT}, and so on for every verb. The command line still wins; an option's own
 * default applies when neither is set.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String PREFIX = "INCIDENTS_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The variable that sets {@code --long-option}: INCIDENTS_LONG_OPTION. */
    static String variable(String longOption) {
        return PREFIX + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String value = environment.get(variable(option.longestName()));
        return value != null && !value.isEmpty() ? value : null;
    }
}
