package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TyposTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "rahman, rahman, 0",
        "rhaman, rahman, 1", // swapped neighbours
        "rahmna, rahman, 1",
        "rahmn, rahman, 1", // missing letter
        "rahmaan, rahman, 1", // extra letter
        "rahmen, rahman, 1", // wrong letter
        "hossian, hossain, 1",
        "chowdhry, chowdhury, 1",
        "chowdury, chowdhury, 1",
        "cowdhuri, chowdhury, 2",
        "nadai, nadia, 1",
        "abcd, dcba, 3",
        "'', abc, 3",
        "straße, strasse, 2",
        "zoë, zoe, 1",
    })
    void distanceCountsEachEditOnce(String a, String b, int expected) {
        assertThat(Typos.distance(a, b)).isEqualTo(expected);
        assertThat(Typos.distance(b, a)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} near {1}: {2}")
    @CsvSource({
        "nadai, nadia, true", // short word: one edit
        "ndaai, nadia, false", // short word: two edits is another word
        "rhaman, rahman, true",
        "chowdry, chowdhury, true", // long word: two edits
        "chodry, chowdhury, false",
        "banerjii, banerjee, true",
        "mirpur, mirpur, true",
    })
    void allowsMoreEditsInLongerWords(String typed, String word, boolean near) {
        assertThat(Typos.near(typed, word)).isEqualTo(near);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "rahman, true",
        "nadi, true",
        "nad, false", // too short: prefixes, not typos
        "0171, false",
        "c-000001, false",
        "b2b, false",
        "ঢাকা, true", // Bengali vowel signs are marks
        "chloë, true",
    })
    void correctsOnlyWordsOfLetters(String word, boolean correctable) {
        assertThat(Typos.correctable(word)).isEqualTo(correctable);
    }
}
