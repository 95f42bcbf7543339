package io.github.anomaly4j.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/** Splits an SQL script into statements at top-level semicolons (outside quotes, comments and dollar quotes). */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char ch = script.charAt(i);
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                current.append('\n');
                continue;
            }
            if (ch == '\'' || ch == '"') {
                int end = script.indexOf(ch, i + 1);
                end = end < 0 ? n - 1 : end;
                current.append(script, i, end + 1);
                i = end + 1;
                continue;
            }
            if (ch == '$') {
                int close = script.indexOf('$', i + 1);
                String tag = close < 0 ? null : script.substring(i, close + 1);
                if (tag != null && tag.matches("\\$[A-Za-z_]*\\$")) {
                    int end = script.indexOf(tag, close + 1);
                    end = end < 0 ? n : end + tag.length();
                    current.append(script, i, end);
                    i = end;
                    continue;
                }
            }
            if (ch == ';') {
                add(out, current);
                current.setLength(0);
                i++;
                continue;
            }
            current.append(ch);
            i++;
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
