package io.moonknight.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesWithoutLookAlikes() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(codes).allMatch(code -> code.matches("[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}"));
        var all = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            all.addAll(RecoveryCodes.generate());
        }
        assertThat(all).hasSize(2000);
    }

    @ParameterizedTest
    @CsvSource({"abcde-fghjk,ABCDE-FGHJK", "abcde-fghjk,abcdefghjk", "abcde-fghjk,' abcde fghjk '"})
    void hashIgnoresCaseSpacesAndTheHyphen(String code, String typed) {
        assertThat(RecoveryCodes.hash(typed)).isEqualTo(RecoveryCodes.hash(code));
    }

    @ParameterizedTest
    @CsvSource({"abcde-fghjk,true", "abcdefghjk,true", "123456,false", "1234567890,false", "abc,false"})
    void tellsRecoveryCodesFromTotpCodes(String typed, boolean recovery) {
        assertThat(RecoveryCodes.looksLikeOne(typed)).isEqualTo(recovery);
    }
}
