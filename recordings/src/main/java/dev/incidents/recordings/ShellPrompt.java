package dev.incidents.recordings;

import java.util.regex.Pattern;

/**
 * A line a reporter typed at a shell, as terminals print it: what the previous command printed ends there. kubectl
 * prints no such line inside its output, so an event table's last message, a describe's fields and a wrapped row stop
 * at it instead of taking the next command and what it printed as their own.
 *
 * <p>The prompts pastes carry: {@code user@host:~/dir$ }, {@code [root@host tmp]# }, {@code bash-3.2$ }, a path's
 * ({@code ~/labs/04-pending$ }), a bare {@code $ }, oh-my-zsh's {@code ➜  dir git:(main) ✗ }, a conda
 * environment's {@code (base) } before any of them, a {@code ^C} left at the line's start by an interrupted watch, and
 * a shell trace's {@code + }. A bare {@code # } is a root prompt or the reporter's comment, a bare {@code % } zsh's
 * prompt: either ends the output only before a command word (a comment can sit inside what is quoted; curl's progress
 * header, in an exec probe's output, starts with {@code % Total}). A command without a prompt counts from the line's
 * first column only: indented, it is a describe's {@code Command:} or {@code Args:}.
 */
final class ShellPrompt {

    /** Commands whose line ends the previous output behind {@code #}, {@code >}, a trace's {@code +} or no prompt. */
    private static final String COMMANDS = "(?:sudo\\s+)?(?:kubectl|oc|k|helm|journalctl|systemctl|dmesg|ssh|crictl|ctr|docker"
            + "|nerdctl|nvidia-smi|minikube|kind|k3d|k3s|cat|grep|tail|less|watch|curl)\\b";

    private static final String START = "^\\s*(?:\\^C)?(?:\\([\\w.-]+\\)\\s+)?";

    private static final Pattern COMMAND_LINE = Pattern.compile(START + "(?:"
            // a prompt that names something (user@host, [user@host dir], bash-3.2, a directory), then any command; a
            // path before '>' is a redirect in a describe's Args, not a prompt
            + "(?:\\S*@\\S+?|\\[[^\\]\\n]+]|(?:ba|z)?sh-[\\d.]+)\\s*[$#%>]\\s+\\S"
            + "|(?:~|/)\\S*\\s*[$#%]\\s+\\S"
            // a bare $ or zsh's arrow prompt, then any command
            + "|[$❯]\\s+\\S"
            + "|➜\\s+\\S+(?:\\s+git:\\([^)]*\\))?(?:\\s+✗)?\\s+\\S"
            // a bare root prompt or comment, zsh's bare prompt (curl's progress header starts with '% Total'), an input
            // prompt or a shell trace, then a command word
            + "|(?:[#%>]|\\+{1,2})\\s+" + COMMANDS
            + ").*"
            // or the command alone from the line's first column (indented, it is a describe's Command or Args; ending
            // in a colon, the reporter's label for what it printed: "kubectl get events outputs:")
            + "|^" + COMMANDS + "(?:\\s.*[^:\\s])?\\s*");

    private ShellPrompt() {
    }

    /** Whether {@code line} is a command typed at a shell (see the class comment). */
    static boolean isCommandLine(String line) {
        return COMMAND_LINE.matcher(line).matches();
    }
}
