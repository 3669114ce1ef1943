package org.lantian.standards.hj212;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins the pieces of split packets (Flag bit D, HJ212 §4.5): a set is one (MN, CN, DataTime, PNUM); its
 * pieces are ordered by PNO and their factor items concatenated. A set still incomplete after the timeout,
 * or pushed out when more than {@code maxOpenSets} are open, is given up as partial with what arrived.
 * Not thread-safe: one owner calls it.
 */
public final class Hj212Reassembler {

    /** What identifies one split set. */
    public record SetKey(String mn, String cn, String dataTime, int pnum) {
    }

    /**
     * A closed set: its pieces in PNO order, the joined data area (the first piece's DataTime, factors and
     * parameters in piece order), and which pieces never came ({@code complete} when none).
     */
    public record Assembled(SetKey key, List<Hj212Packet> pieces, Hj212Packet.DataArea data, SortedSet<Integer> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private record Open(Instant firstSeen, TreeMap<Integer, Hj212Packet> pieces) {
    }

    private final Duration timeout;
    private final int maxOpenSets;
    private final Map<SetKey, Open> open = new LinkedHashMap<>();
    private final List<Assembled> evicted = new ArrayList<>();

    public Hj212Reassembler(Duration timeout, int maxOpenSets) {
        if (timeout.isNegative() || timeout.isZero() || maxOpenSets < 1) {
            throw new IllegalArgumentException("timeout must be positive and maxOpenSets at least 1");
        }
        this.timeout = timeout;
        this.maxOpenSets = maxOpenSets;
    }

    /**
     * Takes one piece; answers the joined set when this piece completes it. A piece already held (a
     * retransmission) changes nothing.
     *
     * @throws IllegalArgumentException when the packet is not a piece ({@link Hj212Packet#isPiece()})
     */
    public Optional<Assembled> offer(Hj212Packet piece, Instant now) {
        if (!piece.isPiece()) {
            throw new IllegalArgumentException("not a piece of a split packet: " + piece.mn() + " " + piece.qn());
        }
        SetKey key = new SetKey(piece.mn(), piece.cn(), piece.data().dataTimeText(), piece.pnum());
        Open set = open.get(key);
        if (set == null) {
            if (piece.pnum() == 1) {
                return Optional.of(assemble(key, new TreeMap<>(Map.of(1, piece))));
            }
            makeRoom();
            set = new Open(now, new TreeMap<>());
            open.put(key, set);
        }
        set.pieces().putIfAbsent(piece.pno(), piece);
        if (set.pieces().size() < key.pnum()) {
            return Optional.empty();
        }
        open.remove(key);
        return Optional.of(assemble(key, set.pieces()));
    }

    /** Gives up the sets open longer than the timeout, and those pushed out for room, as partial. */
    public List<Assembled> expire(Instant now) {
        List<Assembled> closed = new ArrayList<>(evicted);
        evicted.clear();
        Instant cutoff = now.minus(timeout);
        for (Iterator<Map.Entry<SetKey, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SetKey, Open> entry = it.next();
            if (entry.getValue().firstSeen().isAfter(cutoff)) {
                break; // insertion order is arrival order: the rest are younger
            }
            closed.add(assemble(entry.getKey(), entry.getValue().pieces()));
            it.remove();
        }
        return closed;
    }

    public int openSets() {
        return open.size();
    }

    private void makeRoom() {
        if (open.size() < maxOpenSets) {
            return;
        }
        Iterator<Map.Entry<SetKey, Open>> oldest = open.entrySet().iterator();
        Map.Entry<SetKey, Open> entry = oldest.next();
        evicted.add(assemble(entry.getKey(), entry.getValue().pieces()));
        oldest.remove();
    }

    private static Assembled assemble(SetKey key, TreeMap<Integer, Hj212Packet> pieces) {
        Map<String, Hj212Packet.Factor> factors = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> unparsed = new ArrayList<>(0);
        for (Hj212Packet piece : pieces.values()) {
            piece.data().factors().forEach(factors::putIfAbsent);
            piece.data().parameters().forEach(parameters::putIfAbsent);
            unparsed.addAll(piece.data().unparsed());
        }
        SortedSet<Integer> missing = new TreeSet<>();
        for (int pno = 1; pno <= key.pnum(); pno++) {
            if (!pieces.containsKey(pno)) {
                missing.add(pno);
            }
        }
        Hj212Packet.DataArea first = pieces.firstEntry().getValue().data();
        return new Assembled(key, List.copyOf(pieces.values()),
                new Hj212Packet.DataArea(first.dataTime(), first.dataTimeText(), factors, parameters, unparsed), missing);
    }
}
