package dev.incidents.analyzer;

/**
 * A record that decoded but cannot be analysed (an event without an involved object name, a pod without a namespace).
 * {@link InputCheck} throws it and {@link DeadLetterInvalidInput} writes the record as it was read to the dead-letter
 * topic, so an invalid record takes the same path as an undecodable one and keeps its original bytes.
 */
public final class InvalidInputException extends RuntimeException {
    private final String input;

    /**
     * @param input  the input it came from ({@code events}, {@code pods}, {@code nodes}), the DLQ metric's tag
     * @param reason what is wrong with it; it becomes the dead letter's {@code __streams.errors.message} header
     */
    public InvalidInputException(String input, String reason) {
        // No stack trace: this is a verdict on a record, not a failure of code, and a flood of bad records should
        // neither walk the stack each time nor carry a trace in every dead letter's headers.
        super(reason, null, false, false);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
