package io.avcwatch.parsers;

import java.util.Arrays;

/**
 * One {@code audit.log} line scanned in place by {@link ByteLineScanner}: the header as values, the
 * fields as byte ranges of the line (no String per field). What {@link AuditLineParser} would put
 * in an {@link AuditRecord}, for a line it reads as a plain record. A scratch reused per thread
 * (a line of a 600 MB log must not cost an object per field), hence mutable; read it before the
 * next scan.
 */
public final class ScannedLine {
    /** Name range marker: the synthesised {@code seresult} field. */
    public static final int SERESULT = -1;
    /** Name range marker: the synthesised {@code seperms} field. */
    public static final int SEPERMS = -2;

    byte[] line;
    String node;
    String type;
    long epochMillis;
    long serial;
    int rawTypeFrom;
    int rawTypeTo;
    int bodyFields;
    int size;
    int[] nameFrom = new int[32];
    int[] nameTo = new int[32];
    int[] nameHash = new int[32];
    int[] valueFrom = new int[32];
    int[] valueTo = new int[32];
    boolean[] computed = new boolean[32];
    /** Values built while scanning (the comma-joined AVC permissions). */
    byte[] computedBytes = new byte[256];
    int computedSize;

    /** The bytes the ranges index (the input block, or {@link #computedBytes()} for computed values). */
    public byte[] line() {
        return line;
    }

    /** The {@code node=} value, or null. */
    public String node() {
        return node;
    }

    /** The record type name, as {@link AuditRecord#type()}. */
    public String type() {
        return type;
    }

    /** Event time in epoch millis. */
    public long epochMillis() {
        return epochMillis;
    }

    /** Event serial. */
    public long serial() {
        return serial;
    }

    /** Start of the type as written after the first {@code type=} (see {@link AuditRecord#rawType()}). */
    public int rawTypeFrom() {
        return rawTypeFrom;
    }

    /** End of the raw type. */
    public int rawTypeTo() {
        return rawTypeTo;
    }

    /** Fields before the ENRICHED separator; {@code [bodyFields(), size())} are the enriched pairs. */
    public int bodyFields() {
        return bodyFields;
    }

    /** All fields, body and enriched. */
    public int size() {
        return size;
    }

    /** Start of field {@code i}'s name in {@link #line()}, or {@link #SERESULT} / {@link #SEPERMS}. */
    public int nameFrom(int i) {
        return nameFrom[i];
    }

    /** End of field {@code i}'s name. */
    public int nameTo(int i) {
        return nameTo[i];
    }

    /** {@link String#hashCode()} of field {@code i}'s name. */
    public int nameHash(int i) {
        return nameHash[i];
    }

    /** True when field {@code i}'s value lies in {@link #computedBytes()} instead of {@link #line()}. */
    public boolean isComputed(int i) {
        return computed[i];
    }

    /** Start of field {@code i}'s raw value (quotes kept). */
    public int valueFrom(int i) {
        return valueFrom[i];
    }

    /** End of field {@code i}'s raw value. */
    public int valueTo(int i) {
        return valueTo[i];
    }

    /** Holds computed values. */
    public byte[] computedBytes() {
        return computedBytes;
    }

    void reset(byte[] bytes) {
        line = bytes;
        node = null;
        size = 0;
        bodyFields = 0;
        computedSize = 0;
    }

    void add(int from, int to, int hash, int valueStart, int valueEnd) {
        grow();
        nameFrom[size] = from;
        nameTo[size] = to;
        nameHash[size] = hash;
        valueFrom[size] = valueStart;
        valueTo[size] = valueEnd;
        computed[size] = false;
        size++;
    }

    /** Appends {@code bytes[from, to)} to the current computed value. */
    void appendComputed(byte[] bytes, int from, int to) {
        int length = to - from;
        if (computedSize + length > computedBytes.length) {
            computedBytes = Arrays.copyOf(computedBytes, Math.max(computedBytes.length * 2, computedSize + length));
        }
        System.arraycopy(bytes, from, computedBytes, computedSize, length);
        computedSize += length;
    }

    void appendComputed(byte b) {
        if (computedSize == computedBytes.length) {
            computedBytes = Arrays.copyOf(computedBytes, computedBytes.length * 2);
        }
        computedBytes[computedSize++] = b;
    }

    int computedSize() {
        return computedSize;
    }

    void addComputed(int marker, int hash, int start) {
        add(marker, marker, hash, start, computedSize);
        computed[size - 1] = true;
    }

    private void grow() {
        if (size == nameFrom.length) {
            int length = size * 2;
            nameFrom = Arrays.copyOf(nameFrom, length);
            nameTo = Arrays.copyOf(nameTo, length);
            nameHash = Arrays.copyOf(nameHash, length);
            valueFrom = Arrays.copyOf(valueFrom, length);
            valueTo = Arrays.copyOf(valueTo, length);
            computed = Arrays.copyOf(computed, length);
        }
    }
}
