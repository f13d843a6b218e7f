package io.charagen.generator.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedRangeTest {

    @Test
    void parsesSingleSeedsAndInclusiveRanges() {
        assertEquals(List.of(7L), SeedRange.parse("7"));
        assertEquals(List.of(0L, 1L, 2L, 3L), SeedRange.parse("0-3"));
        assertEquals(List.of(5L), SeedRange.parse("5-5"));
        assertEquals(List.of(2L, 3L), SeedRange.parse(" 2 - 3 "));
        assertEquals(List.of(4294967294L, 4294967295L), SeedRange.parse("4294967294-4294967295"));
        assertEquals(SeedRange.MAX_SEEDS, SeedRange.parse("0-99999").size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5-2          | --seeds '5-2': the end is before the start",
        "-3           | --seeds '-3': seeds cannot be negative",
        "-1-5         | --seeds '-1-5': seeds cannot be negative",
        "2--1         | --seeds '2--1': seeds cannot be negative",
        "4294967296   | --seeds '4294967296': seeds must be below 2^32 = 4294967296",
        "0-99999999999999999999 | --seeds '0-99999999999999999999': seeds must be below 2^32 = 4294967296",
        "0-100000     | --seeds '0-100000': the range holds 100001 seeds, more than 100000",
        "abc          | --seeds 'abc': expected a seed N or an inclusive range A-B, e.g. 0-99",
        "1,2          | --seeds '1,2': expected a seed N or an inclusive range A-B, e.g. 0-99",
        "1-           | --seeds '1-': expected a seed N or an inclusive range A-B, e.g. 0-99",
        "''           | --seeds '': expected a seed N or an inclusive range A-B, e.g. 0-99",
    })
    void rejectsBadTextNamingIt(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedRange.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void namesTheGivenOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedRange.parse("--seed", "x"));
        assertEquals("--seed 'x': expected a seed N or an inclusive range A-B, e.g. 0-99", e.getMessage());
    }
}
