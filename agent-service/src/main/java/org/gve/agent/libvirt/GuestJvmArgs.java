package org.gve.agent.libvirt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list encoding of the guest-jvm kernel command line ({@code gve.args=A,B,C}, see
 * deploy/scripts/setup-guest-jvm.sh): items separated by commas, every byte outside
 * {@code [A-Za-z0-9._/:=@+-]} written as {@code %XX}, so the command line holds no blanks, commas or quotes.
 */
final class GuestJvmArgs {
    private GuestJvmArgs() {
    }

    static String encode(List<String> items) {
        List<String> encoded = new ArrayList<>();
        for (String item : items) encoded.add(encodeItem(item));
        return String.join(",", encoded);
    }

    static List<String> decode(String list) {
        List<String> items = new ArrayList<>();
        if (list.isEmpty()) return items;
        for (String item : list.split(",", -1)) items.add(decodeItem(item));
        return items;
    }

    private static String encodeItem(String item) {
        StringBuilder out = new StringBuilder();
        for (byte b : item.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "._/:=@+-".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decodeItem(String item) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '%' && isHex(item, i + 1) && isHex(item, i + 2)) {
                bytes.write(Integer.parseInt(item.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int at) {
        return at < s.length() && Character.digit(s.charAt(at), 16) >= 0;
    }
}
