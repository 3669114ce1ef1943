package org.lantian.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void theStandardsWorkedExampleHasCheckCharacter3() {
        // GB 32100-2015's worked example: the sum is 1640, 1640 mod 31 = 28, 31 − 28 = 3
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.require("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.require(" 91350100m000100y43 ")).as("trimmed and upper-cased").isEqualTo("91350100M000100Y43");
    }

    @Test
    void aWrongCheckCharacterIsNamedWithTheRightOne() {
        assertThatThrownBy(() -> CreditCode.require("91350100M000100Y4Z"))
                .hasMessageContaining("校验码应为“3”").hasMessageContaining("“Z”");
    }

    @Test
    void aSumThatIsAMultipleOf31HasCheckCharacter0() {
        String found = null;
        for (char last : CreditCode.CHARACTERS.toCharArray()) {
            String prefix = "9113040000000000" + last;
            if (CreditCode.checkCharacter(prefix) == '0') {
                found = prefix;
            }
        }
        assertThat(found).as("one of the 31 last characters makes the sum a multiple of 31").isNotNull();
        assertThat(CreditCode.require(found + "0")).isEqualTo(found + "0");
    }

    @Test
    void lengthAndForbiddenCharactersAreNamed() {
        assertThatThrownBy(() -> CreditCode.require("9135010")).hasMessageContaining("18 位");
        assertThatThrownBy(() -> CreditCode.require("91350100I000100Y43")).hasMessageContaining("第 9 位“I”");
        assertThatThrownBy(() -> CreditCode.require(null)).hasMessageContaining("18 位");
    }
}
