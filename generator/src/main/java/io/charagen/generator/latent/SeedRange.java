package io.charagen.generator.latent;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/** Parses the text of a {@code --seeds} option: one seed "N" or an inclusive range "A-B". */
public final class SeedRange {

    /** The most seeds one range may name. */
    public static final int MAX_SEEDS = 100_000;

    // Minus signs are captured so that "-3" and "2--1" are reported as negative, not as malformed.
    private static final Pattern SINGLE = Pattern.compile("(-?\\d+)");
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\s*-\\s*(-?\\d+)");
    private static final BigInteger SEED_LIMIT = BigInteger.ONE.shiftLeft(32);

    private SeedRange() {
    }

    /** {@link #parse(String, String)} for the option {@code --seeds}. */
    public static List<Long> parse(String text) {
        return parse("--seeds", text);
    }

    /**
     * The seeds {@code text} names, in increasing order.
     *
     * @param option the option's name, to begin error messages with
     * @throws IllegalArgumentException naming {@code text} if it is not a seed or range of
     *         seeds in [0, 2^32), or the range holds more than {@link #MAX_SEEDS}
     */
    public static List<Long> parse(String option, String text) {
        if (text == null) {
            throw new IllegalArgumentException(option + ": no seeds given");
        }
        String trimmed = text.strip();
        Matcher single = SINGLE.matcher(trimmed);
        if (single.matches()) {
            return List.of(seed(option, text, single.group(1)));
        }
        Matcher range = RANGE.matcher(trimmed);
        if (!range.matches()) {
            throw invalid(option, text, "expected a seed N or an inclusive range A-B, e.g. 0-99");
        }
        long first = seed(option, text, range.group(1));
        long last = seed(option, text, range.group(2));
        if (last < first) {
            throw invalid(option, text, "the end is before the start");
        }
        long count = last - first + 1;
        if (count > MAX_SEEDS) {
            throw invalid(option, text, "the range holds " + count + " seeds, more than " + MAX_SEEDS);
        }
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static long seed(String option, String text, String digits) {
        BigInteger value = new BigInteger(digits);
        if (value.signum() < 0) {
            throw invalid(option, text, "seeds cannot be negative");
        }
        if (value.compareTo(SEED_LIMIT) >= 0) {
            throw invalid(option, text, "seeds must be below 2^32 = " + SEED_LIMIT);
        }
        return value.longValueExact();
    }

    private static IllegalArgumentException invalid(String option, String text, String reason) {
        return new IllegalArgumentException(option + " '" + text + "': " + reason);
    }
}
