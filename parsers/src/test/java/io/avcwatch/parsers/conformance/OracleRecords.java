package io.avcwatch.parsers.conformance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a JSON-lines event stream keyed as DESIGN.md's conformance contract says: (node,
 * serial, type, n-th record of that type for that node and serial), EOE ignored.
 */
final class OracleRecords {
    /** One record's identity. */
    record Key(String node, Long serial, String type, int nth) {
    }

    private OracleRecords() {
    }

    /** Reads events in the {@code --raw-fields} / {@code oracle.py --no-interpret} shape. */
    @SuppressWarnings("unchecked")
    static Map<Key, Map<String, Object>> read(List<String> jsonLines) {
        Map<Key, Map<String, Object>> records = new LinkedHashMap<>();
        Map<Key, Integer> seen = new HashMap<>();
        for (String line : jsonLines) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> event = (Map<String, Object>) MiniJson.parse(line);
            String node = (String) event.get("node");
            Long serial = (Long) event.get("serial");
            for (Object item : (List<Object>) event.get("records")) {
                Map<String, Object> record = (Map<String, Object>) item;
                String type = (String) record.get("type");
                if ("EOE".equals(type)) {
                    continue;
                }
                Key base = new Key(node, serial, type, 0);
                int nth = seen.merge(base, 1, Integer::sum);
                records.put(new Key(node, serial, type, nth), (Map<String, Object>) record.get("fields"));
            }
        }
        return records;
    }
}
