package org.visualsearch.cli;

/**
 * Fields of the tab-separated output: a tab, newline or carriage return in a file name would split
 * a line, so they are written as {@code \t}, {@code \n}, {@code \r}, and a backslash as {@code \\}
 * (the escapes of the "linear TSV" convention, which readers such as Python's csv module
 * with escapechar understand).
 */
final class Tsv {
    private Tsv() {
    }

    static String field(Object value) {
        String text = String.valueOf(value);
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
