package org.lantian.standards.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Split packets (HJ212 §4.5): pieces joined by (MN, CN, DataTime, PNUM) in PNO order; incomplete sets given up. */
class Hj212ReassemblerTest {

    static final Instant T0 = Instant.parse("2016-08-01T00:58:57Z");

    /** The 2017 standard's example: each piece with its own QN, the same DataTime. */
    static Hj212Packet piece(String qn, int pnum, int pno, String dataTime, String items) {
        String segment = "QN=" + qn + ";ST=32;CN=2011;PW=100000;MN=010000A8900016F000169DC0;Flag=7;PNUM=" + pnum + ";PNO=" + pno
                + ";CP=&&DataTime=" + dataTime + ";" + items + "&&";
        return (Hj212Packet) Hj212CodecTest.readAll(Hj212Encoder.frame(segment), Set.of()).get(0);
    }

    final Hj212Reassembler reassembler = new Hj212Reassembler(Duration.ofMinutes(10), 3);

    @Test
    void piecesArrivingOutOfOrderJoinInPnoOrder() {
        assertThat(reassembler.offer(piece("20160801085857535", 2, 2, "20160801085857", "w01009-Rtd=5.2,w01009-Flag=N"), T0)).isEmpty();
        Optional<Hj212Reassembler.Assembled> joined = reassembler.offer(
                piece("20160801085857534", 2, 1, "20160801085857", "w01018-Rtd=80,w01018-Flag=N"), T0.plusSeconds(1));

        assertThat(joined).isPresent();
        assertThat(joined.get().complete()).isTrue();
        assertThat(joined.get().pieces()).extracting(Hj212Packet::qn).containsExactly("20160801085857534", "20160801085857535");
        assertThat(joined.get().data().factors().keySet()).containsExactly("w01018", "w01009");
        assertThat(joined.get().data().dataTimeText()).isEqualTo("20160801085857");
        assertThat(reassembler.openSets()).isZero();
    }

    @Test
    void aRetransmittedPieceChangesNothing() {
        reassembler.offer(piece("20160801085857534", 3, 1, "20160801085857", "w01018-Rtd=80"), T0);
        assertThat(reassembler.offer(piece("20160801085857534", 3, 1, "20160801085857", "w01018-Rtd=80"), T0)).isEmpty();
        assertThat(reassembler.offer(piece("20160801085857535", 3, 2, "20160801085857", "w01009-Rtd=5"), T0)).isEmpty();
        assertThat(reassembler.offer(piece("20160801085857536", 3, 3, "20160801085857", "w01001-Rtd=7"), T0)).get()
                .extracting(a -> a.pieces().size()).isEqualTo(3);
    }

    @Test
    void piecesOfAnotherDataTimeBelongToAnotherSet() {
        reassembler.offer(piece("20160801085857534", 2, 1, "20160801085857", "w01018-Rtd=80"), T0);
        assertThat(reassembler.offer(piece("20160801085957535", 2, 2, "20160801085957", "w01009-Rtd=5"), T0)).isEmpty();
        assertThat(reassembler.openSets()).isEqualTo(2);
    }

    @Test
    void aSetIncompleteAtTheTimeoutIsGivenUpWithWhatArrived() {
        reassembler.offer(piece("20160801085857534", 3, 1, "20160801085857", "w01018-Rtd=80"), T0);
        reassembler.offer(piece("20160801085857536", 3, 3, "20160801085857", "w01001-Rtd=7"), T0.plusSeconds(5));

        assertThat(reassembler.expire(T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isEmpty();
        var given = reassembler.expire(T0.plus(Duration.ofMinutes(10)));
        assertThat(given).singleElement().satisfies(a -> {
            assertThat(a.complete()).isFalse();
            assertThat(a.missing()).containsExactly(2);
            assertThat(a.data().factors().keySet()).containsExactly("w01018", "w01001");
        });
        assertThat(reassembler.openSets()).isZero();
    }

    @Test
    void theOldestSetMakesRoomWhenTooManyAreOpen() {
        for (int s = 0; s < 4; s++) {
            reassembler.offer(piece("2016080108585753" + s, 2, 1, "2016080108585" + s, "w01018-Rtd=80"), T0.plusSeconds(s));
        }
        assertThat(reassembler.openSets()).isEqualTo(3);
        assertThat(reassembler.expire(T0.plusSeconds(4))).singleElement()
                .satisfies(a -> assertThat(a.key().dataTime()).isEqualTo("20160801085850"));
    }

    @Test
    void aSetOfOnePieceIsCompleteAtOnce() {
        assertThat(reassembler.offer(piece("20160801085857534", 1, 1, "20160801085857", "w01018-Rtd=80"), T0)).get()
                .satisfies(a -> assertThat(a.complete()).isTrue());
    }

    @Test
    void onlyPiecesAreTaken() {
        Hj212Packet whole = (Hj212Packet) Hj212CodecTest.readAll(Hj212Encoder.frame(Hj212CodecTest.AMBIENT), Set.of()).get(0);
        assertThatThrownBy(() -> reassembler.offer(whole, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPieceNumberOutsideItsSetIsRefused() {
        String segment = "QN=20160801085857534;ST=32;CN=2011;PW=100000;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=3;"
                + "CP=&&DataTime=20160801085857;w01018-Rtd=80&&";
        assertThat(((Hj212Decoder.Rejection) Hj212CodecTest.readAll(Hj212Encoder.frame(segment), Set.of()).get(0)).reason())
                .isEqualTo(RejectReason.BAD_PIECE);
        String zero = segment.replace("PNO=3", "PNO=0");
        assertThat(((Hj212Decoder.Rejection) Hj212CodecTest.readAll(Hj212Encoder.frame(zero), Set.of()).get(0)).reason())
                .isEqualTo(RejectReason.BAD_PIECE);
    }
}
