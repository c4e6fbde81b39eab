package org.gve.harness.interop;

import org.gve.harness.RawSoap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves a WSDL as a running service publishes it ({@code ...?wsdl}) into a directory, with every schema
 * it pulls in through {@code ?xsd=N} links saved beside it and those links pointed at the copies, the
 * way a BPEL tool imports a partner's contract into a deployment unit. Endpoint addresses are kept
 * exactly as published.
 */
final class PublishedWsdl {
    private static final Pattern LINK = Pattern.compile("(schemaLocation|location)=\"([^\"]*\\?(?:xsd|wsdl)=[^\"]*)\"");

    private PublishedWsdl() {
    }

    /** Saves {@code wsdl} as {@code dir/fileName} (plus its schemas); returns the files written. */
    static List<Path> save(URI wsdl, Path dir, String fileName) throws Exception {
        String stem = fileName.replaceFirst("\\.wsdl$", "");
        Map<String, String> localNames = new LinkedHashMap<>();
        localNames.put(wsdl.toString(), fileName);
        Deque<String> todo = new ArrayDeque<>(List.of(wsdl.toString()));
        List<Path> written = new ArrayList<>();
        RawSoap http = new RawSoap();
        while (!todo.isEmpty()) {
            String url = todo.pop();
            RawSoap.Reply reply = http.get(URI.create(url));
            if (reply.status() != 200) {
                throw new AssertionError("GET " + url + " answered HTTP " + reply.status());
            }
            Matcher m = LINK.matcher(reply.body());
            StringBuilder local = new StringBuilder();
            while (m.find()) {
                String linked = URI.create(url).resolve(m.group(2)).toString();
                String name = localNames.computeIfAbsent(linked, u -> {
                    todo.push(u);
                    String query = u.substring(u.lastIndexOf('?') + 1);
                    return stem + "-" + query.replace('=', '-') + (query.startsWith("wsdl") ? ".wsdl" : ".xsd");
                });
                m.appendReplacement(local, Matcher.quoteReplacement(m.group(1) + "=\"" + name + "\""));
            }
            m.appendTail(local);
            Path file = dir.resolve(localNames.get(url));
            Files.writeString(file, local, StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}
