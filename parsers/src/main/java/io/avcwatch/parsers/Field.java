package io.avcwatch.parsers;

/**
 * One {@code name=value} pair of an audit record.
 *
 * @param name the field name
 * @param raw  the value exactly as written: quotes kept, hex left encoded
 */
public record Field(String name, String raw) {

    /** The value with quotes removed and hex decoded (see {@link FieldValues#decode}). */
    public String value() {
        return FieldValues.decode(name, raw);
    }
}
