package ccc.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "90s", "5m", "1h", "500ms" or an ISO-8601 duration such as PT5M. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Duration MAX = Duration.ofDays(7);

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' must be more than zero and at most 7 days");
        }
        return duration;
    }

    private static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (ArithmeticException | java.time.format.DateTimeParseException | NumberFormatException
                 | StringIndexOutOfBoundsException e) {
            throw new TypeConversionException("'" + value + "' is not a duration; write e.g. 90s, 5m or 1h");
        }
    }
}
