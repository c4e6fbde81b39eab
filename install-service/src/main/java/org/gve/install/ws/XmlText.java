package org.gve.install.ws;

/**
 * Makes text safe for an XML 1.0 document: characters XML cannot carry at all (most C0 controls
 * such as ESC in coloured terminal output, NUL, U+FFFE/U+FFFF, lone surrogates) become U+FFFD.
 * Without this one escape sequence in a command's output would make the whole response unreadable.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : REPLACEMENT);
            }
        }
        return out == null ? s : out.toString();
    }
}
