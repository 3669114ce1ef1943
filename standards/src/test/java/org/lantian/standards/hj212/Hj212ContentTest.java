package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A packet whose CRC matches is stored only when its content is well-formed too. The property: any byte
 * change of a valid packet's data segment, framed again with a matching CRC (the chance collision a 16-bit
 * check allows), is either refused or is itself a valid packet by an independent reading of its text.
 */
class Hj212ContentTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 10, 7);
    static final LocalDateTime EARLIEST = LocalDateTime.of(2026, 1, 1, 0, 0);
    static final String VALID = "QN=20261130100512345;ST=22;CN=2061;PW=123456;MN=HJ212TEST0001;Flag=5;"
            + "CP=&&DataTime=20261130090000;a34004-Avg=35.2,a34004-Flag=N;a21026-Avg=8,a21026-Max=12.5,a21026-Flag=N;"
            + "a01001-Avg=-3.5,a01001-Flag=N&&";

    static Optional<Hj212Decoder.Rejection> verdict(String segment) {
        byte[] packet = Hj212Encoder.frame(segment);
        Object read = Hj212CodecTest.readAll(packet, Set.of()).get(0);
        if (read instanceof Hj212Decoder.Rejection rejection) {
            return Optional.of(rejection);
        }
        if (read instanceof RejectReason reason) {
            return Optional.of(new Hj212Decoder.Rejection(reason, reason.label(), packet));
        }
        Hj212Packet decoded = (Hj212Packet) read;
        // the gateway refuses an unknown MN or a wrong PW before the content is looked at
        if (!"HJ212TEST0001".equals(decoded.mn()) || !"123456".equals(decoded.pw())) {
            return Optional.of(new Hj212Decoder.Rejection(RejectReason.UNKNOWN_DEVICE, "MN/PW", packet));
        }
        return Hj212Content.check(decoded, NOW, EARLIEST);
    }

    @Test
    void theValidPacketPasses() {
        assertThat(verdict(VALID)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DataTime=20261130090000|DapaTime=20261130090000|MISSING_DATA_TIME",
            "Flag=5|Flaw=5|UNKNOWN_HEADER",
            "CN=2061|CN=2067|UNKNOWN_CN",
            "DataTime=20261130090000|DataTime=60261130090000|IMPLAUSIBLE_TIME",
            "DataTime=20261130090000|DataTime=19700101000000|IMPLAUSIBLE_TIME",
            "a34004-Flag=N|a34004-Flag=5|BAD_DATA_FLAG",
            "a34004-Flag=N|a34004-Flag=BAD|BAD_DATA_FLAG",
            "a34004-Avg=35.2|a34004-Avg=3x.2|NOT_A_NUMBER",
            "a34004-Avg=35.2|a34004-Avg=-35.2|IMPLAUSIBLE_VALUE",
            "a34004-Avg=35.2|a34004-Avg=3E+38|NOT_A_NUMBER",
            "a34004-Avg=35.2|a34004-Avg=35200000000|IMPLAUSIBLE_VALUE",
            "a34004-Avg=35.2|a34004-A;g=35.2|BAD_ITEM",
            "a34004-Avg=35.2|a34004-Ave=35.2|BAD_ITEM",
            "CN=2061|CN=1061|BAD_ITEM",
            "ST=22|ST=2x|BAD_HEADER",
            "a21026-Avg=8|a2\u00011026-Avg=8|BAD_ITEM",
            "a21026-Avg=8|a2I026-Avg=8|BAD_FACTOR",
            "CN=2061|CN=2021|BAD_ITEM"})
    void eachCorruptionSeenInTheWildIsRefusedWithItsReason(String from, String to, RejectReason reason) {
        Optional<Hj212Decoder.Rejection> verdict = verdict(VALID.replace(from, to));
        assertThat(verdict).isPresent();
        assertThat(verdict.get().reason()).isEqualTo(reason);
    }

    @Test
    void aNegativeTemperatureIsNoCorruption() {
        assertThat(verdict(VALID.replace("a01001-Avg=-3.5", "a01001-Avg=-12.0"))).isEmpty();
    }

    /** The independent reading: the text of a valid packet, item by item. */
    private static final Pattern HEADER = Pattern.compile("(QN=\\d{17}|ST=[0-9A-Z]{2,3}|CN=(2061|2051|2031)|PW=[^;]{0,24}|MN=[0-9A-Za-z_-]{1,24}|Flag=\\d{1,3})");
    private static final Pattern ITEM = Pattern.compile("DataTime=2026\\d{10}|[a-z]\\d{5}-(Avg|Max|Min)=[+-]?\\d+(\\.\\d*)?"
            + "|[a-z]\\d{5}-Flag=[NFMSDCTBP0-3]|[A-Z][A-Z0-9_]{2,31}=[^;,]*");

    static boolean readsAsValid(String segment) {
        int cp = segment.indexOf("CP=&&");
        if (cp < 0 || !segment.endsWith("&&")) {
            return false;
        }
        // whitespace around items and around "=" is the standard's own (its examples have it); the decoder trims it
        for (String h : segment.substring(0, cp).split(";")) {
            h = h.strip().replaceAll("\\s*=\\s*", "=");
            if (!h.isEmpty() && !HEADER.matcher(h).matches()) {
                return false;
            }
        }
        String area = segment.substring(cp + 5, segment.length() - 2);
        boolean time = false;
        for (String item : area.split("[;,]")) {
            item = item.strip().replaceAll("\\s*=\\s*", "=");
            if (item.isEmpty()) {
                continue;
            }
            if (!ITEM.matcher(item).matches()) {
                return false;
            }
            time |= item.startsWith("DataTime=");
        }
        return time;
    }

    @Test
    void noMutationThatChangesTheContentIsStoredUnlessItIsItselfAValidPacket() {
        Random random = new Random(212);
        byte[] original = VALID.getBytes(StandardCharsets.US_ASCII);
        byte[] alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=;,&-.+ \u0001\u0007".getBytes(StandardCharsets.ISO_8859_1);
        int stored = 0;
        List<String> wrongly = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = original.clone();
            int changes = 1 + random.nextInt(2);
            for (int c = 0; c < changes; c++) {
                mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String segment = new String(mutated, StandardCharsets.ISO_8859_1);
            if (segment.equals(VALID) || verdict(segment).isPresent()) {
                continue;
            }
            stored++;
            if (!readsAsValid(segment)) {
                wrongly.add(segment);
            }
        }
        assertThat(wrongly).as("stored although not a valid packet").isEmpty();
        assertThat(stored).as("valid variants (other values, digits) are still stored").isPositive();
    }
}
