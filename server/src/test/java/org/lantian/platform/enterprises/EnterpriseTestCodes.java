package org.lantian.platform.enterprises;

/** Valid credit codes for tests outside this package. */
public final class EnterpriseTestCodes {

    private EnterpriseTestCodes() {
    }

    public static char check(String first17) {
        return CreditCode.checkCharacter(first17);
    }
}
