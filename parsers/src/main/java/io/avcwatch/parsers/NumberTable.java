package io.avcwatch.parsers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable number-to-name table loaded from a tab-separated resource under
 * {@code io/avcwatch/parsers/tables/} (generated from libaudit by {@code parsers/tools/gen_tables.py}).
 */
public final class NumberTable {
    private final Map<Integer, String> names;
    private final Map<String, Integer> numbers;

    private NumberTable(Map<Integer, String> names) {
        this.names = Map.copyOf(names);
        Map<String, Integer> reverse = new HashMap<>();
        names.forEach((number, name) -> reverse.putIfAbsent(name, number));
        this.numbers = Map.copyOf(reverse);
    }

    /** Loads {@code tables/<resource>} from the classpath; a missing table is a packaging bug. */
    public static NumberTable load(String resource) {
        String path = "tables/" + resource;
        try (InputStream in = NumberTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            Map<Integer, String> names = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                names.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
            }
            return new NumberTable(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name for {@code number}, or null when the table has none. */
    public String name(int number) {
        return names.get(number);
    }

    /** The number for {@code name}, or null when the table has none. */
    public Integer number(String name) {
        return numbers.get(name);
    }
}
