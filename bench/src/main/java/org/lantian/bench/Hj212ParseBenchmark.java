package org.lantian.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.lantian.standards.hj212.Hj212Decoder;
import org.lantian.standards.hj212.Hj212Encoder;
import org.lantian.standards.hj212.Hj212Framer;
import org.lantian.standards.hj212.Tolerance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HJ 212 packets framed, CRC-checked and decoded into the full typed model, one packet per operation,
 * cycling through a mix of real-looking packets of about 600 bytes: a 2017 CEMS hourly packet (2061, nine
 * factors with Avg/Min/Max/ZsAvg/Cou/Flag), a 2017 ambient real-time packet (2011), a 2005-style dust
 * minute packet without QN or Flag, and a 2017 VOC hourly packet.
 *
 * <pre>java -jar bench/target/benchmarks.jar Hj212ParseBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Hj212ParseBenchmark {

    private static final Set<Tolerance> NONE = Set.of();

    private byte[][] packets;
    private int next;

    @Setup
    public void setUp() {
        String cems = "QN=20230801100000123;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20230801090000;"
                + "a21026-Min=12.31,a21026-Avg=15.62,a21026-Max=19.80,a21026-ZsAvg=18.44,a21026-Cou=6.773,a21026-Flag=N;"
                + "a21002-Min=20.12,a21002-Avg=25.37,a21002-Max=30.55,a21002-ZsAvg=29.95,a21002-Cou=11.002,a21002-Flag=N;"
                + "a34013-Min=1.2,a34013-Avg=2.4,a34013-Max=3.1,a34013-ZsAvg=2.83,a34013-Cou=1.041,a34013-Flag=N;"
                + "a19001-Min=9.8,a19001-Avg=10.4,a19001-Max=11.0,a19001-Flag=N;a01011-Min=8.11,a01011-Avg=9.02,a01011-Max=9.93,a01011-Flag=N;"
                + "a01012-Min=45.1,a01012-Avg=48.3,a01012-Max=50.2,a01012-Flag=N;a01013-Min=-0.125,a01013-Avg=-0.118,a01013-Max=-0.102,a01013-Flag=N;"
                + "a01014-Min=8.1,a01014-Avg=8.6,a01014-Max=9.2,a01014-Flag=N;a00000-Min=118.2,a00000-Avg=120.5,a00000-Max=123.9,a00000-Cou=433800,a00000-Flag=N&&";
        String ambient = "QN=20230801100012456;ST=22;CN=2011;PW=123456;MN=HD130402A0001;Flag=5;CP=&&DataTime=20230801100012;"
                + "a34004-Rtd=45,a34004-Flag=N;a34002-Rtd=81,a34002-Flag=N;a21026-Rtd=9,a21026-Flag=N;a21004-Rtd=31,a21004-Flag=N;"
                + "a21005-Rtd=0.812,a21005-Flag=N;a05024-Rtd=121,a05024-Flag=N;a01001-Rtd=28.4,a01001-Flag=N;a01002-Rtd=61.2,a01002-Flag=N;"
                + "a01006-Rtd=100.12,a01006-Flag=N;a01007-Rtd=2.3,a01007-Flag=N;a01008-Rtd=135,a01008-Flag=N;"
                + "a34001-Rtd=120,a34001-Flag=N;a21003-Rtd=4.2,a21003-Flag=N;a21002-Rtd=37.5,a21002-Flag=N;"
                + "a24088-Rtd=0.52,a24088-Flag=N;a99054-Rtd=0.31,a99054-Flag=N;a34005-Rtd=20,a34005-Flag=N&&";
        String dust2005 = "ST=39;CN=2051;PW=123456;MN=88888880000001;CP=&&DataTime=20230801100000;"
                + "a34001-Min=80.2,a34001-Avg=95.7,a34001-Max=130.1,a34001-Flag=N;a34002-Min=60.1,a34002-Avg=70.8,a34002-Max=90.4,a34002-Flag=N;"
                + "a34004-Min=30.3,a34004-Avg=38.9,a34004-Max=50.2,a34004-Flag=N;LA-Min=55.2,LA-Avg=61.3,LA-Max=72.9,LA-Flag=N;"
                + "a01001-Min=26.1,a01001-Avg=28.2,a01001-Max=30.0,a01001-Flag=N;a01002-Min=55.0,a01002-Avg=60.1,a01002-Max=65.3,a01002-Flag=N;"
                + "a01006-Min=100.01,a01006-Avg=100.12,a01006-Max=100.20,a01006-Flag=N;a01007-Min=0.5,a01007-Avg=2.1,a01007-Max=4.8,a01007-Flag=N;"
                + "a01008-Min=10,a01008-Avg=135,a01008-Max=350,a01008-Flag=N&&";
        String voc = "QN=20230801100000789;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DD1;Flag=5;CP=&&DataTime=20230801090000;"
                + "a24088-Min=2.31,a24088-Avg=3.62,a24088-Max=5.80,a24088-ZsAvg=4.05,a24088-Cou=0.773,a24088-Flag=N;"
                + "a05002-Min=1.12,a05002-Avg=1.37,a05002-Max=1.55,a05002-Flag=N;a24087-Min=3.5,a24087-Avg=5.0,a24087-Max=7.2,a24087-Flag=N;"
                + "a25002-Avg=0.012,a25002-Flag=N;a25003-Avg=0.031,a25003-Flag=N;a25005-Avg=0.044,a25005-Flag=N;"
                + "a19001-Min=18.8,a19001-Avg=19.4,a19001-Max=20.0,a19001-Flag=N;a01012-Min=35.1,a01012-Avg=38.3,a01012-Max=40.2,a01012-Flag=N;"
                + "a01011-Min=6.11,a01011-Avg=7.02,a01011-Max=7.93,a01011-Flag=N;a00000-Min=18.2,a00000-Avg=20.5,a00000-Max=23.9,a00000-Cou=73800,a00000-Flag=N&&";
        packets = new byte[][] {Hj212Encoder.frame(cems), Hj212Encoder.frame(ambient), Hj212Encoder.frame(dust2005), Hj212Encoder.frame(voc)};
    }

    /** Average packet length of the mix, printed once so the figures can be read per byte. */
    public int averageLength() {
        int total = 0;
        for (byte[] p : packets) {
            total += p.length;
        }
        return total / packets.length;
    }

    @Benchmark
    public Object frameAndDecode() {
        byte[] packet = packets[next];
        next = (next + 1) % packets.length;
        Hj212Framer.Frame frame = (Hj212Framer.Frame) Hj212Framer.scan(packet, 0, packet.length, false);
        return Hj212Decoder.decode(packet, frame, NONE);
    }

    private final org.lantian.standards.hj212.Hj212View view = new org.lantian.standards.hj212.Hj212View();

    /** Framed, CRC-checked and read in place by the flyweight: every header field and item found and checked. */
    @Benchmark
    public int frameAndView() {
        byte[] packet = packets[next];
        next = (next + 1) % packets.length;
        Hj212Framer.Frame frame = (Hj212Framer.Frame) Hj212Framer.scan(packet, 0, packet.length, false);
        return view.read(packet, frame) ? view.items() : -1;
    }

    /** The flyweight, then what the gateway needs of each packet: MN, CN, DataTime, and every value as a number. */
    @Benchmark
    public long frameViewAndValues() {
        byte[] packet = packets[next];
        next = (next + 1) % packets.length;
        Hj212Framer.Frame frame = (Hj212Framer.Frame) Hj212Framer.scan(packet, 0, packet.length, false);
        if (!view.read(packet, frame)) {
            return -1;
        }
        long sum = view.mn().length() + view.cn().length() + (view.dataTime() == null ? 0 : view.dataTime().getHour());
        for (int i = 0; i < view.items(); i++) {
            java.math.BigDecimal v = view.value(i);
            sum += v == null ? 0 : v.scale();
        }
        return sum;
    }

    /** The floor: the CRC of the same packets and nothing else. */
    @Benchmark
    public int crcOnly() {
        byte[] packet = packets[next];
        next = (next + 1) % packets.length;
        return org.lantian.standards.hj212.Hj212Crc.of(packet, 6, packet.length - 12);
    }

    public static void main(String[] args) {
        Hj212ParseBenchmark b = new Hj212ParseBenchmark();
        b.setUp();
        System.out.println("average packet " + b.averageLength() + " bytes");
        for (byte[] p : b.packets) {
            System.out.println(p.length + " bytes: " + b.frameAndDecode());
        }
    }
}
