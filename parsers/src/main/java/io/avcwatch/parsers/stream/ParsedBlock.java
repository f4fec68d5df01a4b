package io.avcwatch.parsers.stream;

/**
 * The lines of one input block as the assembling thread takes them, in input order: a
 * {@link RecordRef}, a {@link io.avcwatch.parsers.ParseError} or a {@link io.avcwatch.parsers.SkippedLine}
 * per line, and the buffer holding the records' rendered JSON.
 *
 * @param input     the input block, to reuse
 * @param results   one entry per line, the first {@code count} used
 * @param count     lines in the block
 * @param fragments the records' rendered objects
 */
record ParsedBlock(byte[] input, Object[] results, int count, byte[] fragments) {
}
