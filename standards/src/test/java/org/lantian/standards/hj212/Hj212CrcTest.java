package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** HJ212 §1.1: every CRC of the table, and the property of the algorithm's low byte. */
class Hj212CrcTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&|1C80",
            "QN=20240601085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&&&|2200",
            "QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&|F001",
            "123456789|2F80",
    })
    void reproducesThePublishedValues(String segment, String crc) {
        assertThat(Hj212Crc.hex(Hj212Crc.of(segment.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(crc);
    }

    @ParameterizedTest
    @CsvSource({"'',FFFF", "'\u0000',4040"})
    void emptyAndZero(String input, String crc) {
        assertThat(Hj212Crc.hex(Hj212Crc.of(input.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo(crc);
    }

    @org.junit.jupiter.api.Test
    void modbusIsADifferentAlgorithm() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hj212Crc.hex(Hj212Crc.modbus(check, 0, check.length))).isEqualTo("4B37");
    }

    @Property
    void theTableFormEqualsTheStandardsBitByBitForm(@ForAll byte[] input) {
        assertThat(Hj212Crc.of(input)).isEqualTo(Hj212Crc.reference(input, 0, input.length));
    }

    @Property
    void theLowByteIsAlwaysOneOfEight(@ForAll @net.jqwik.api.constraints.Size(min = 1) byte[] input) {
        assertThat(Hj212Crc.of(input) & 0xFF).isIn(0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xC0, 0xC1);
    }
}
